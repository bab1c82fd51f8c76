import { queryOptions } from '@tanstack/react-query';
import type { DataResponse, NamespaceSummary, ReadyzResponse } from '@/lib/api/dto';
import { fetchJson } from '@/lib/api/fetch-json';

/** Query keys, in one place so that invalidation and tests agree on them. */
export const queryKeys = {
  readyz: ['readyz'] as const,
  namespaces: ['namespaces'] as const,
};

/** When refresh is off, the status lights still re-check the sources this often (ms). */
const STATUS_FALLBACK_MS = 10_000;

/** The health of every source, re-checked at the view's refresh interval (or every 10 s when refresh is off). */
export function readyzQuery(refreshMs: number) {
  return queryOptions({
    queryKey: queryKeys.readyz,
    queryFn: ({ signal }) => fetchJson<ReadyzResponse>('/api/readyz', { acceptStatus: [503], signal }),
    refetchInterval: refreshMs > 0 ? Math.min(refreshMs, STATUS_FALLBACK_MS) : STATUS_FALLBACK_MS,
  });
}

/** The cluster's namespaces with their mesh labels and pod counts. */
export function namespacesQuery(refreshMs: number) {
  return queryOptions({
    queryKey: queryKeys.namespaces,
    queryFn: ({ signal }) => fetchJson<DataResponse<NamespaceSummary[]>>('/api/namespaces', { signal }),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}
export { graphKeys, graphQuery, graphSearchParams, type GraphQueryParams } from './graph';
export { meshOverviewKeys, meshOverviewQuery } from './mesh';
