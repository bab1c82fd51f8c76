import { describe, expect, it } from 'vitest';
import { GET } from './route';

/** The route's refusals happen before any source is touched, so no cluster is needed to see them. */
describe('GET /api/mesh/mtls refusals', () => {
  it.each([
    ['window=5', 'window', 'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m'],
    ['tab=mtls', 'tab', 'unknown parameter "tab"'],
  ])('answers %s with a 400 naming %s', async (query, parameter, message) => {
    const response = await GET(new Request(`http://dashboard.test/api/mesh/mtls?${query}`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { parameter, message } });
  });
});
