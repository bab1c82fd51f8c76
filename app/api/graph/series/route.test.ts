import { describe, expect, it } from 'vitest';
import { GET } from './route';

const edge = encodeURIComponent('workload:bookinfo/productpage-v1->workload:bookinfo/reviews-v2|http|L7');

/** The route's refusals happen before any source is touched, so no cluster is needed to see them. */
describe('GET /api/graph/series refusals', () => {
  it.each([
    ['window=5m', 'edge', 'edge is required'],
    [`edge=${edge}&window=5`, 'window', 'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m'],
    [
      `edge=${edge}&end=tomorrow`,
      'end',
      'end must be an ISO-8601 time or unix seconds, e.g. 2026-05-01T10:00:00Z',
    ],
    [`edge=${edge}&namespaces=bookinfo`, 'namespaces', 'unknown parameter "namespaces"'],
  ])('answers %s with a 400 naming %s', async (query, parameter, message) => {
    const response = await GET(new Request(`http://dashboard.test/api/graph/series?${query}`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { parameter, message } });
  });

  it.each([
    ['an L4 edge', 'workload:bookinfo/productpage-v1->workload:bookinfo/reviews-v2|tcp|L4'],
    ['an app-graph edge', 'app:bookinfo/productpage->app:bookinfo/reviews|http|L7'],
    ['an edge from the unknown caller', 'unknown->workload:bookinfo/productpage-v1|http|L7'],
    ['garbage', 'reviews'],
  ])('refuses %s naming the edges that have series', async (_, id) => {
    const response = await GET(
      new Request(`http://dashboard.test/api/graph/series?edge=${encodeURIComponent(id)}`),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { parameter: string; message: string } };
    expect(body.error.parameter).toBe('edge');
    expect(body.error.message).toContain('only for L7 edges of the workload graph');
  });
});
