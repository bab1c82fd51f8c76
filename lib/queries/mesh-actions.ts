import { queryOptions } from '@tanstack/react-query';
import type { DataResponse } from '@/lib/api/dto';
import { fetchJson } from '@/lib/api/fetch-json';
import type { ActionObjects } from '@/lib/mesh/actions-types';

/** Query keys of the posture actions: the live objects of a namespace, and a preview of one proposed object. */
export const meshActionKeys = {
  all: ['mesh-actions'] as const,
  objects: (namespace: string) => ['mesh-actions', 'objects', namespace] as const,
  preview: (body: string, token: string | null) => ['mesh-actions', 'preview', body, token] as const,
};

/**
 * The live objects an action starts from (`GET /api/mesh/actions/<ns>`). Read when the dialog opens and again only
 * on purpose (a re-preview after a conflict): the base of a previewed action must not move under the person.
 */
export function actionObjectsQuery(namespace: string) {
  return queryOptions({
    queryKey: meshActionKeys.objects(namespace),
    queryFn: ({ signal }) =>
      fetchJson<DataResponse<ActionObjects>>(`/api/mesh/actions/${encodeURIComponent(namespace)}`, {
        signal,
      }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/**
 * The query keys whose answers an applied action changes: the mesh posture, the Mesh page's views, the namespace
 * and workload pages (the graph reads its own keys on its next refresh). Not the dialog's objects: the dialog keeps
 * showing what was applied, and the next one reads them afresh (`gcTime: 0`).
 */
export const POSTURE_KEYS: readonly (readonly string[])[] = [
  ['mesh-overview'],
  ['mesh-waypoints'],
  ['mesh-mtls'],
  ['mesh-namespace'],
  ['mesh-workload'],
  ['namespaces'],
];
