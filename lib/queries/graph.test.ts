import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphKeys, graphQuery, graphSearchParams, type GraphQueryParams } from './graph';

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
