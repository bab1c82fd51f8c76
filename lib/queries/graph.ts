import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import type { GraphLayers, GraphResponse, GraphType } from '@/lib/graph/types';

/** What the graph page asks for (docs/graph-api.md, "Parameters"). */
export interface GraphQueryParams {
  /** Namespaces to show; empty for every namespace. */
  namespaces: readonly string[];
  /** A duration such as `5m` (1m to 24h). */
  window: string;
  graphType: GraphType;
  layers: GraphLayers;
  /** End of the window (ISO-8601 or unix seconds) for time travel; now when absent. */
  end?: string | null;
}

/** The query string of `GET /api/graph` for the params, namespaces sorted so that equal views share a URL. */
export function graphSearchParams(params: GraphQueryParams): URLSearchParams {
  const search = new URLSearchParams({
    namespaces: params.namespaces.length === 0 ? '*' : [...params.namespaces].sort().join(','),
    window: params.window,
    graphType: params.graphType,
    layers: params.layers,
  });
  if (params.end) search.set('end', params.end);
  return search;
}

/** Query keys of the graph: every graph, and the graph of one view (by its query string). */
export const graphKeys = {
  all: ['graph'] as const,
  of: (search: string) => ['graph', search] as const,
};

/** The service graph of a view, refreshed every `refreshMs` (ms; 0 for never). */
export function graphQuery(params: GraphQueryParams, refreshMs: number) {
  const search = graphSearchParams(params).toString();
  return queryOptions({
    queryKey: graphKeys.of(search),
    queryFn: ({ signal }) => fetchJson<GraphResponse>(`/api/graph?${search}`, { signal }),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}
