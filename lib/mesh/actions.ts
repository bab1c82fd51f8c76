/**
 * The actions that change the mesh posture (issue 5, item 4), each previewed before it is applied: enroll a
 * namespace in ambient or remove it, opt a workload out, create a waypoint, bind or unbind a namespace or a Service
 * to a waypoint, set a namespace's PeerAuthentication mode. {@link planAction} turns what a person asks for into
 * one {@link MeshAction}: the full proposed object for `POST /api/write/preview` and `/apply`, and its effect in
 * words. Pure: one planner per action, each in its own module.
 */
import type { DataResponse } from '@/lib/api/dto';
import { objectYaml } from '@/lib/write/text-diff';
import type { PreviewRequest } from '@/lib/write/types';
import { bindWaypoint, unbindWaypoint } from './actions-binding';
import { enrollNamespace, removeFromAmbient } from './actions-enrollment';
import { setPeerAuthentication } from './actions-mtls';
import { optOutWorkload } from './actions-opt-out';
import type {
  ActionObjects,
  ActionRequest,
  ActionTraffic,
  ActionUnavailable,
  MeshAction,
} from './actions-types';
import { NO_TRAFFIC } from './actions-types';
import { createWaypoint } from './actions-waypoint';
import type { NamespaceDetail, PolicyRow } from './detail-types';
import type { MtlsView } from './views-types';

export type * from './actions-types';
export { NO_TRAFFIC } from './actions-types';
export { serviceAccountsOf, waypointGateway } from './actions-waypoint';

/** True when the action could not be planned. */
export function isUnavailable(plan: MeshAction | ActionUnavailable): plan is ActionUnavailable {
  return 'unavailable' in plan;
}

/** The action a person asked for, on the namespace's live objects and the pages' traffic. */
export function planAction(
  request: ActionRequest,
  objects: ActionObjects,
  traffic: ActionTraffic = NO_TRAFFIC,
): MeshAction | ActionUnavailable {
  if (objects.namespace.metadata.name !== request.namespace) {
    return { unavailable: `the objects are of ${objects.namespace.metadata.name}, not ${request.namespace}` };
  }
  switch (request.action) {
    case 'enroll-ambient':
      return enrollNamespace(objects, traffic);
    case 'remove-ambient':
      return removeFromAmbient(objects, traffic);
    case 'opt-out':
      return optOutWorkload(objects, request.workload, traffic);
    case 'create-waypoint':
      return createWaypoint(objects, request);
    case 'bind-waypoint':
      return bindWaypoint(objects, request.target, request.waypoint, traffic);
    case 'unbind-waypoint':
      return unbindWaypoint(objects, request.target, traffic);
    case 'set-peerauthentication':
      return setPeerAuthentication(objects, request.mode, traffic);
  }
}

/**
 * The traffic the effects are told with, from the pages' answers: the namespace page's inbound rates and policies
 * (or `policies`, a page's own), the mTLS view's plaintext edges. A part whose metrics could not be read is null.
 */
export function actionTraffic(
  detail: DataResponse<NamespaceDetail> | undefined,
  mtls: DataResponse<MtlsView> | undefined,
  policies?: readonly PolicyRow[],
): ActionTraffic {
  const rows = detail?.data.trafficKnown ? detail.data.workloads : null;
  return {
    inbound: rows === null ? null : new Map(rows.map((r) => [r.name, r.inbound?.requestsPerSecond ?? 0])),
    plaintext: mtls?.data.trafficKnown ? mtls.data.plaintext : null,
    policies: policies ?? detail?.data.policies ?? [],
  };
}

/** The body of `POST /api/write/preview` (and, with `acknowledgeGitOps`, of `/apply`) for an action. */
export function previewRequestOf(action: MeshAction): PreviewRequest {
  return {
    kind: action.kind,
    namespace: action.namespace,
    name: action.name,
    yaml: objectYaml(action.object),
    ...(action.baseResourceVersion === undefined ? {} : { baseResourceVersion: action.baseResourceVersion }),
  };
}
