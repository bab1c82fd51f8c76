import { queryOptions } from '@tanstack/react-query';
import type { DataResponse } from '@/lib/api/dto';
import { fetchJson } from '@/lib/api/fetch-json';
import type { Trace, TraceSummary } from '@/lib/traces/types';

/** What the traces page searches for (docs/traces-api.md, "Parameters"); empty strings mean "not set". */
export interface TraceSearchInput {
  /** Raw TraceQL; when set, the other fields must be empty. */
  q?: string;
  service?: string;
  namespace?: string;
  workload?: string;
  errorsOnly?: boolean;
  /** e.g. `250ms`, `1.5s`. */
  minDuration?: string;
  maxDuration?: string;
  /** A duration such as `15m` (1m to 24h). */
  window: string;
  /** End of the window (ISO-8601 or unix seconds); now when absent. */
  end?: string | null;
  limit?: number;
}

/** The body of `GET /api/traces`. */
export interface TraceSearchResult {
  /** Newest first. */
  traces: TraceSummary[];
  /** The TraceQL that was run: the person's own, or the one built from the fields (values escaped). */
  traceql: string;
  /** The window searched, ISO-8601. */
  start: string;
  end: string;
  /** The most traces asked for; as many came back, so there may be more. */
  limit: number;
}

/** The query string of `GET /api/traces` for the input, with unset fields left out. */
export function traceSearchParams(input: TraceSearchInput): URLSearchParams {
  const search = new URLSearchParams();
  const set = (name: string, value: string | undefined | null): void => {
    if (value !== undefined && value !== null && value.trim() !== '') search.set(name, value.trim());
  };
  set('q', input.q);
  set('service', input.service);
  set('namespace', input.namespace);
  set('workload', input.workload);
  if (input.errorsOnly) search.set('errors', 'true');
  set('minDuration', input.minDuration);
  set('maxDuration', input.maxDuration);
  search.set('window', input.window);
  set('end', input.end);
  if (input.limit !== undefined) search.set('limit', String(input.limit));
  return search;
}

/** Query keys of traces: searches by query string, traces by id. */
export const traceKeys = {
  all: ['traces'] as const,
  search: (search: string) => ['traces', 'search', search] as const,
  trace: (traceId: string) => ['traces', 'trace', traceId] as const,
};

/** A trace search; it does not refresh by itself (a person asks again), and a 4xx is not retried. */
export function traceSearchQuery(input: TraceSearchInput) {
  const search = traceSearchParams(input).toString();
  return queryOptions({
    queryKey: traceKeys.search(search),
    queryFn: ({ signal }) =>
      fetchJson<DataResponse<TraceSearchResult | null>>(`/api/traces?${search}`, { signal }),
    staleTime: 30_000,
  });
}

/** One whole trace; traces do not change once complete, so it is kept as long as the page lives. */
export function traceQuery(traceId: string) {
  return queryOptions({
    queryKey: traceKeys.trace(traceId),
    queryFn: ({ signal }) =>
      fetchJson<DataResponse<Trace>>(`/api/traces/${encodeURIComponent(traceId)}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
