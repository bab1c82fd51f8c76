import { queryOptions } from '@tanstack/react-query';
import type { DataResponse } from '@/lib/api/dto';
import { fetchJson } from '@/lib/api/fetch-json';
import type { NamespaceDetail, WorkloadDetail } from '@/lib/mesh/detail-types';
import type { MeshOverview } from '@/lib/mesh/types';
import type { MtlsView, WaypointsView } from '@/lib/mesh/views-types';

/** Query keys of the mesh posture: every one, and one window's (by its query string). */
export const meshOverviewKeys = {
  all: ['mesh-overview'] as const,
  of: (search: string) => ['mesh-overview', search] as const,
};

/** The mesh posture over a window such as `5m`, refreshed every `refreshMs` (ms; 0 for never). */
export function meshOverviewQuery(window: string, refreshMs: number) {
  const search = new URLSearchParams({ window }).toString();
  return queryOptions({
    queryKey: meshOverviewKeys.of(search),
    queryFn: ({ signal }) =>
      fetchJson<DataResponse<MeshOverview>>(`/api/mesh/overview?${search}`, { signal }),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}

/** Query keys of the Mesh page's views: every one of a view, and one window's (by its query string). */
export const meshViewKeys = {
  waypoints: (search: string) => ['mesh-waypoints', search] as const,
  mtls: (search: string) => ['mesh-mtls', search] as const,
};

/** The waypoints view over a window such as `5m`, refreshed every `refreshMs` (ms; 0 for never). */
export function meshWaypointsQuery(window: string, refreshMs: number) {
  const search = new URLSearchParams({ window }).toString();
  return queryOptions({
    queryKey: meshViewKeys.waypoints(search),
    queryFn: ({ signal }) =>
      fetchJson<DataResponse<WaypointsView>>(`/api/mesh/waypoints?${search}`, { signal }),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}

/** The mTLS view over a window such as `5m`, refreshed every `refreshMs` (ms; 0 for never). */
export function meshMtlsQuery(window: string, refreshMs: number) {
  const search = new URLSearchParams({ window }).toString();
  return queryOptions({
    queryKey: meshViewKeys.mtls(search),
    queryFn: ({ signal }) => fetchJson<DataResponse<MtlsView>>(`/api/mesh/mtls?${search}`, { signal }),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}

/** Query keys of the namespace and workload pages: the subject and its window (by the query string). */
export const meshDetailKeys = {
  namespace: (namespace: string, search: string) => ['mesh-namespace', namespace, search] as const,
  workload: (namespace: string, name: string, search: string) =>
    ['mesh-workload', namespace, name, search] as const,
};

/** One namespace over a window such as `5m`, refreshed every `refreshMs` (ms; 0 for never). 404: unknown. */
export function namespaceDetailQuery(namespace: string, window: string, refreshMs: number) {
  const search = new URLSearchParams({ window }).toString();
  return queryOptions({
    queryKey: meshDetailKeys.namespace(namespace, search),
    queryFn: ({ signal }) =>
      fetchJson<DataResponse<NamespaceDetail>>(
        `/api/mesh/namespaces/${encodeURIComponent(namespace)}?${search}`,
        { signal },
      ),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}

/** One workload over a window such as `5m`, refreshed every `refreshMs` (ms; 0 for never). 404: unknown. */
export function workloadDetailQuery(namespace: string, name: string, window: string, refreshMs: number) {
  const search = new URLSearchParams({ window }).toString();
  return queryOptions({
    queryKey: meshDetailKeys.workload(namespace, name, search),
    queryFn: ({ signal }) =>
      fetchJson<DataResponse<WorkloadDetail>>(
        `/api/mesh/workloads/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}?${search}`,
        { signal },
      ),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}
