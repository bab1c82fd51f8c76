'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DataResponse } from '@/lib/api/dto';
import {
  actionTraffic,
  isUnavailable,
  planAction,
  previewRequestOf,
  type ActionObjects,
  type ActionRequest,
  type ActionUnavailable,
  type MeshAction,
} from '@/lib/mesh/actions';
import type { PolicyRow } from '@/lib/mesh/detail-types';
import { namespaceDetailQuery, meshMtlsQuery } from '@/lib/queries/mesh';
import { actionObjectsQuery, meshActionKeys, POSTURE_KEYS } from '@/lib/queries/mesh-actions';
import { capabilitiesQuery, postJson, type WriteOutcome } from '@/lib/queries/write';
import type { AppliedAnswer } from '@/lib/write/types';
import { ISTIO_KEYS } from '@/lib/istio';
import { labelOf } from '@/lib/kube/object';
import { defaultWaypoint } from './action-form';

/** Fills what the button could not know: the waypoint a bind uses, the labelled object an unbind clears. */
function filled(request: ActionRequest, objects: ActionObjects): ActionRequest {
  if (request.action === 'bind-waypoint' && request.waypoint.name === '') {
    return { ...request, waypoint: defaultWaypoint(objects) ?? request.waypoint };
  }
  if (request.action === 'unbind-waypoint' && request.target.kind === 'namespace') {
    if (labelOf(objects.namespace, ISTIO_KEYS.useWaypoint) !== undefined) return request;
    const service = objects.services.find((s) => labelOf(s, ISTIO_KEYS.useWaypoint) !== undefined);
    return service ? { ...request, target: { kind: 'service', name: service.metadata.name } } : request;
  }
  return request;
}

/** Everything the dialog shows and does for one action. */
export interface MeshActionState {
  request: ActionRequest;
  objects: DataResponse<ActionObjects> | undefined;
  /** Why the objects could not be read. */
  objectsError: string | null;
  plan: MeshAction | ActionUnavailable | undefined;
  /** The dry run's answer; undefined while it runs or before it can. */
  preview: WriteOutcome | undefined;
  previewing: boolean;
  applied: WriteOutcome | undefined;
  applying: boolean;
  undone: WriteOutcome | undefined;
  undoing: boolean;
  apply: (acknowledgeGitOps: boolean) => void;
  undo: (answer: AppliedAnswer) => void;
  /** Reads the objects again (after a conflict) and previews the action on them. */
  repreview: () => void;
}

/** The dialog's state: live objects and traffic -> plan -> dry run -> apply -> undo. */
export function useMeshAction(
  request: ActionRequest,
  window: string,
  policies?: readonly PolicyRow[],
): MeshActionState {
  const queryClient = useQueryClient();
  const caps = useQuery(capabilitiesQuery());
  const objects = useQuery(actionObjectsQuery(request.namespace));
  const detail = useQuery(namespaceDetailQuery(request.namespace, window, 0));
  const needsMtls = request.action === 'set-peerauthentication' || request.action === 'enroll-ambient';
  const mtls = useQuery({ ...meshMtlsQuery(window, 0), enabled: needsMtls });
  const traffic = useMemo(
    () => actionTraffic(detail.data, mtls.data, policies),
    [detail.data, mtls.data, policies],
  );
  const effective = objects.data ? filled(request, objects.data.data) : request;
  const plan = objects.data ? planAction(effective, objects.data.data, traffic) : undefined;
  const body = plan && !isUnavailable(plan) ? previewRequestOf(plan) : undefined;
  const token = caps.data?.csrfToken ?? null;
  const preview = useQuery({
    queryKey: meshActionKeys.preview(JSON.stringify(body ?? null), token),
    queryFn: ({ signal }) =>
      body && token
        ? postJson('/api/write/preview', body, token, signal)
        : Promise.reject(new Error('no action')),
    enabled: body !== undefined && token !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const refresh = (): void => {
    for (const queryKey of POSTURE_KEYS) void queryClient.invalidateQueries({ queryKey: [...queryKey] });
  };
  const applyMutation = useMutation({
    mutationFn: (acknowledgeGitOps: boolean) =>
      body && token
        ? postJson(
            '/api/write/apply',
            { ...body, ...(acknowledgeGitOps ? { acknowledgeGitOps } : {}) },
            token,
          )
        : Promise.reject(new Error('nothing to apply')),
    onSuccess: (answer) => answer.outcome === 'applied' && refresh(),
  });
  const undoMutation = useMutation({
    mutationFn: (applied: AppliedAnswer) => {
      const version = (applied.object?.['metadata'] as { resourceVersion?: string } | undefined)
        ?.resourceVersion;
      if (!applied.audit || !token) return Promise.reject(new Error('nothing to undo'));
      return postJson(
        '/api/write/revert',
        { auditId: applied.audit.id, ...(version ? { baseResourceVersion: version } : {}) },
        token,
      );
    },
    onSuccess: (answer) => answer.outcome === 'applied' && refresh(),
  });
  return {
    request: effective,
    objects: objects.data,
    objectsError: objects.error?.message ?? caps.error?.message ?? null,
    plan,
    preview: preview.data,
    previewing: preview.isFetching,
    applied: applyMutation.data,
    applying: applyMutation.isPending,
    undone: undoMutation.data,
    undoing: undoMutation.isPending,
    apply: (ack) => applyMutation.mutate(ack),
    undo: (answer) => undoMutation.mutate(answer),
    repreview: () => {
      applyMutation.reset();
      queryClient.removeQueries({ queryKey: [...meshActionKeys.all, 'preview'] });
      void objects.refetch();
    },
  };
}
