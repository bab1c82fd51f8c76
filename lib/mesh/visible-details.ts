/**
 * What of the namespace and workload pages, and of the posture actions' live objects, a viewer may see (pure). A
 * namespace the viewer does not see answers exactly as one the cluster does not have ({@link notFoundAnswer}), so
 * that its existence is not revealed. In a namespace they see:
 *
 * - configuration objects (policy rows, Gateways, PeerAuthentications, Services, Deployments) are listed only where
 *   the viewer may list their kind in their namespace, as `kubectl get` would show them;
 * - callers and callees in hidden namespaces are dropped, as the graph drops them.
 *
 * What is judged from the whole truth stays: the posture card, effective waypoints and PeerAuthentication (naming
 * the mesh-wide policy they come from), health and the traffic series. A viewer who sees everything gets each
 * answer itself.
 */
import type { Visibility } from '@/lib/auth/visibility';
import { seesNodeId } from '@/lib/graph/visible-graph';
import { watchedKind, WATCHED_KINDS, type KindName } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { ActionObjects } from './actions-types';
import { notFoundMessage } from './detail-params';
import type { NamespaceDetail, PolicyRow, WorkloadDetail } from './detail-types';

/** The 404 of a page whose subject the cluster does not have, as the server answers it. */
export function notFoundAnswer(subject: { namespace: string; name?: string }): {
  status: 404;
  body: { error: SourceErrorDTO };
} {
  const message = notFoundMessage(subject);
  return { status: 404, body: { error: { source: 'kubernetes', kind: 'not_found', message } } };
}

/** True when the viewer may list the row's kind in its namespace. */
export function seesPolicy(row: PolicyRow, visibility: Visibility): boolean {
  const kind = WATCHED_KINDS.find((k) => k.kind === row.kind);
  return kind !== undefined && visibility.mayList(kind, row.namespace);
}

/** The namespace page with the policy rows the viewer may list. */
export function visibleNamespaceDetail(detail: NamespaceDetail, visibility: Visibility): NamespaceDetail {
  if (visibility.all) return detail;
  return { ...detail, policies: detail.policies.filter((row) => seesPolicy(row, visibility)) };
}

/** The workload page with the policy rows the viewer may list and the callers and callees they see. */
export function visibleWorkloadDetail(detail: WorkloadDetail, visibility: Visibility): WorkloadDetail {
  if (visibility.all) return detail;
  return {
    ...detail,
    policies: detail.policies.filter((row) => seesPolicy(row, visibility)),
    callers: detail.callers.filter((row) => seesNodeId(visibility, row.node)),
    callees: detail.callees.filter((row) => seesNodeId(visibility, row.node)),
  };
}

/**
 * The actions' live objects as the viewer may read them: each list only where they may list its kind (Gateways
 * and PeerAuthentications per namespace; GatewayClasses, cluster-scoped, when their rules in the namespace allow
 * listing them, as `kubectl auth can-i list gatewayclasses -n <ns>` answers), and the Namespace itself only when
 * they may get it (else just its name, as when the Namespace list cannot be read).
 */
export function visibleActionObjects(objects: ActionObjects, visibility: Visibility): ActionObjects {
  if (visibility.all) return objects;
  const ns = objects.namespace.metadata.name;
  const mayList = (kind: KindName, namespace: string): boolean =>
    visibility.mayList(watchedKind(kind), namespace);
  const listed = (kind: KindName, list: KubeObject[]): KubeObject[] =>
    list.filter((o) => mayList(kind, o.metadata.namespace ?? ''));
  const getsNamespace = visibility.may({ verb: 'get', group: '', resource: 'namespaces', name: ns }, ns);
  return {
    namespace: getsNamespace ? objects.namespace : { metadata: { name: ns } },
    workloads: mayList('pods', ns) ? objects.workloads : [],
    services: listed('services', objects.services),
    deployments: listed('deployments', objects.deployments),
    gateways: listed('gateways', objects.gateways),
    gatewayClasses: mayList('gatewayclasses', ns) ? objects.gatewayClasses : [],
    peerAuthentications: listed('peerauthentications', objects.peerAuthentications),
  };
}
