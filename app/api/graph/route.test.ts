import { describe, expect, it } from 'vitest';
import { GET } from './route';

/** The route's refusals happen before any source is touched, so no cluster is needed to see them. */
describe('GET /api/graph refusals', () => {
  it.each([
    ['window=5', 'window', 'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m'],
    ['graphType=versioned', 'graphType', 'graphType must be one of workload, app, service'],
    ['layers=l3', 'layers', 'layers must be one of l4, l7, both'],
    ['end=tomorrow', 'end', 'end must be an ISO-8601 time or unix seconds, e.g. 2026-05-01T10:00:00Z'],
    [
      'namespaces=Not_A_Name',
      'namespaces',
      'namespaces must be * or a comma-separated list of namespace names',
    ],
    ['namespace=bookinfo', 'namespace', 'unknown parameter "namespace"'],
  ])('answers %s with a 400 naming %s', async (query, parameter, message) => {
    const response = await GET(new Request(`http://dashboard.test/api/graph?${query}`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { parameter, message } });
  });
});
