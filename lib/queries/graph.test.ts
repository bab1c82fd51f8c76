import { afterEach, describe, expect, it, vi } from 'vitest';
import { edgeId, workloadNodeId } from '@/lib/graph/ids';
import {
  graphKeys,
  graphQuery,
  graphSearchParams,
  graphSeriesKeys,
  graphSeriesQuery,
  parseSeriesEdgeId,
  type GraphQueryParams,
} from './graph';

const view: GraphQueryParams = {
  namespaces: ['payments', 'bookinfo'],
  window: '5m',
  graphType: 'app',
  layers: 'l7',
};

afterEach(() => vi.unstubAllGlobals());

describe('graphQuery', () => {
  it('asks for the view, namespaces sorted, every namespace as *', () => {
    expect(graphSearchParams(view).toString()).toBe(
      'namespaces=bookinfo%2Cpayments&window=5m&graphType=app&layers=l7',
    );
    expect(graphSearchParams({ ...view, namespaces: [], end: '1777629600' }).get('namespaces')).toBe('*');
    expect(graphSearchParams({ ...view, end: '1777629600' }).get('end')).toBe('1777629600');
    expect(graphSearchParams({ ...view, recent: '10s' }).get('recent')).toBe('10s');
    expect(graphSearchParams({ ...view, recent: null }).has('recent')).toBe(false);
  });

  it('keys equal views alike, under the graph key', () => {
    const key = graphQuery(view, 0).queryKey;
    expect(key[0]).toBe(graphKeys.all[0]);
    expect(graphQuery({ ...view, namespaces: ['bookinfo', 'payments'] }, 5_000).queryKey).toEqual(key);
    expect(graphQuery({ ...view, layers: 'both' }, 0).queryKey).not.toEqual(key);
  });

  it('fetches the route and polls at the refresh interval, never when refresh is off', async () => {
    const fetch = vi.fn(async () => Response.json({ nodes: [], edges: [], errors: [], meta: {} }));
    vi.stubGlobal('fetch', fetch);
    const options = graphQuery(view, 10_000);
    expect(options.refetchInterval).toBe(10_000);
    expect(graphQuery(view, 0).refetchInterval).toBe(false);
    const queryFn = options.queryFn as (context: { signal: AbortSignal }) => Promise<unknown>;
    await expect(queryFn({ signal: new AbortController().signal })).resolves.toMatchObject({ nodes: [] });
    expect(fetch).toHaveBeenCalledWith(
      '/api/graph?namespaces=bookinfo%2Cpayments&window=5m&graphType=app&layers=l7',
      expect.anything(),
    );
  });
});

describe('parseSeriesEdgeId', () => {
  it('reads both ends and the protocol of an L7 workload edge', () => {
    expect(
      parseSeriesEdgeId('workload:bookinfo/productpage-v1->workload:bookinfo/reviews-v2|http|L7'),
    ).toEqual({
      sourceNamespace: 'bookinfo',
      sourceWorkload: 'productpage-v1',
      destinationNamespace: 'bookinfo',
      destinationWorkload: 'reviews-v2',
      protocol: 'http',
    });
    expect(parseSeriesEdgeId('workload:a/b.c->workload:d-e/f|grpc|L7')).toMatchObject({
      sourceWorkload: 'b.c',
      destinationNamespace: 'd-e',
      protocol: 'grpc',
    });
  });

  it('agrees with the ids the graph makes', () => {
    const id = edgeId(workloadNodeId('shop', 'cart'), workloadNodeId('pay', 'ledger-v2'), 'http', 'L7');
    expect(parseSeriesEdgeId(id)).toMatchObject({ sourceWorkload: 'cart', destinationWorkload: 'ledger-v2' });
  });

  it.each([
    'workload:a/b->workload:c/d|tcp|L4',
    'workload:a/b->workload:c/d|http|L4',
    'app:a/b->app:c/d|http|L7',
    'service:a/b->service:c/d|http|L7',
    'unknown->workload:c/d|http|L7',
    'workload:a/b->external:api.stripe.com|http|L7',
    'workload:a/b->workload:c/d|http|L7 ',
    'workload:A/b->workload:c/d|http|L7',
    'workload:a/b/c->workload:c/d|http|L7',
    '',
  ])('refuses %j', (id) => {
    expect(parseSeriesEdgeId(id)).toBeUndefined();
  });
});

describe('graphSeriesQuery', () => {
  it('fetches the edge over the window, keyed by both, polling at the refresh interval', async () => {
    const fetch = vi.fn(async () => Response.json({ data: { points: [] }, errors: [] }));
    vi.stubGlobal('fetch', fetch);
    const params = { edge: 'workload:a/b->workload:c/d|http|L7', window: '1h' };
    const options = graphSeriesQuery(params, 10_000);
    expect(options.refetchInterval).toBe(10_000);
    expect(graphSeriesQuery(params, 0).refetchInterval).toBe(false);
    expect(graphSeriesQuery({ ...params, window: '5m' }, 0).queryKey).not.toEqual(options.queryKey);
    expect(options.queryKey[0]).toBe(graphSeriesKeys.all[0]);
    const queryFn = options.queryFn as (context: { signal: AbortSignal }) => Promise<unknown>;
    await expect(queryFn({ signal: new AbortController().signal })).resolves.toEqual({
      data: { points: [] },
      errors: [],
    });
    expect(fetch).toHaveBeenCalledWith(
      `/api/graph/series?edge=${encodeURIComponent(params.edge)}&window=1h`,
      expect.anything(),
    );
    expect(graphSeriesQuery({ ...params, end: '1777629600' }, 0).queryKey[1]).toContain('end=1777629600');
  });
});
