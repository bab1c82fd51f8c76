import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import type { GraphLayers, GraphResponse, GraphType } from '@/lib/graph/types';
import type { SourceErrorDTO } from '@/lib/source-error';

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
  /** A recent sub-window such as `10s` (10s to the window) to judge edges over too; none when absent. */
  recent?: string | null;
}

/** The query string of `GET /api/graph` for the params, namespaces sorted so that equal views share a URL. */
export function graphSearchParams(params: GraphQueryParams): URLSearchParams {
  const search = new URLSearchParams({
    namespaces: params.namespaces.length === 0 ? '*' : [...params.namespaces].sort().join(','),
    window: params.window,
    graphType: params.graphType,
    layers: params.layers,
  });
  if (params.recent) search.set('recent', params.recent);
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

/** One instant of an edge's series (`GET /api/graph/series`). */
export interface GraphSeriesPoint {
  /** Unix seconds. */
  t: number;
  /** Requests per second, averaged over the step (at least a minute) before `t`. */
  rps: number;
  /** Requests per second answered with a 5xx. */
  errorRps: number;
}

/** The body of `GET /api/graph/series`. */
export interface GraphSeriesResponse {
  data: { points: GraphSeriesPoint[] };
  errors: SourceErrorDTO[];
}

/** The two ends of an L7 workload edge, as its id names them. */
export interface SeriesEdge {
  sourceNamespace: string;
  sourceWorkload: string;
  destinationNamespace: string;
  destinationWorkload: string;
  protocol: 'http' | 'grpc';
}

/** Which edges have a series, for the 400 that refuses the others. */
export const SERIES_EDGES_HINT =
  'series exist only for L7 edges of the workload graph: workload:<ns>/<name>->workload:<ns>/<name>|http|L7 (or |grpc|L7)';

const NAME = '[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?';
const EDGE_ID = new RegExp(`^workload:(${NAME})/(${NAME})->workload:(${NAME})/(${NAME})\\|(http|grpc)\\|L7$`);

/** Parses an edge id (`lib/graph/ids.ts`) of an L7 workload edge; undefined for any other id. */
export function parseSeriesEdgeId(id: string): SeriesEdge | undefined {
  const m = EDGE_ID.exec(id);
  if (!m) return undefined;
  const [, sourceNamespace, sourceWorkload, destinationNamespace, destinationWorkload, protocol] = m;
  if (!sourceNamespace || !sourceWorkload || !destinationNamespace || !destinationWorkload) return undefined;
  return {
    sourceNamespace,
    sourceWorkload,
    destinationNamespace,
    destinationWorkload,
    protocol: protocol === 'grpc' ? 'grpc' : 'http',
  };
}

/** What the side panel asks for: one edge over the view's window. */
export interface GraphSeriesParams {
  /** An L7 workload edge's id (see {@link parseSeriesEdgeId}). */
  edge: string;
  /** A duration such as `5m` (1m to 24h). */
  window: string;
  /** End of the window (ISO-8601 or unix seconds); now when absent. */
  end?: string | null;
}

/** Query keys of edge series: every series, and one edge's over one window. */
export const graphSeriesKeys = {
  all: ['graph-series'] as const,
  of: (search: string) => ['graph-series', search] as const,
};

/** One edge's request rate over the window, refreshed every `refreshMs` (ms; 0 for never). */
export function graphSeriesQuery(params: GraphSeriesParams, refreshMs: number) {
  const search = new URLSearchParams({ edge: params.edge, window: params.window });
  if (params.end) search.set('end', params.end);
  const query = search.toString();
  return queryOptions({
    queryKey: graphSeriesKeys.of(query),
    queryFn: ({ signal }) => fetchJson<GraphSeriesResponse>(`/api/graph/series?${query}`, { signal }),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}
