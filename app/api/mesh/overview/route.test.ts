import { describe, expect, it } from 'vitest';
import { GET } from './route';

/** The route's refusals happen before any source is touched, so no cluster is needed to see them. */
describe('GET /api/mesh/overview refusals', () => {
  it.each([
    ['window=5', 'window', 'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m'],
    ['namespaces=bookinfo', 'namespaces', 'unknown parameter "namespaces"'],
  ])('answers %s with a 400 naming %s', async (query, parameter, message) => {
    const response = await GET(new Request(`http://dashboard.test/api/mesh/overview?${query}`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { parameter, message } });
  });
});
