import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import { ROOT_NAMESPACE } from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import type { ActionObjects } from '@/lib/mesh/actions-types';
import { namespaceVerdict, notFoundMessage } from '@/lib/mesh/detail-params';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { DetailAnswer } from './namespace-detail';
import type { PostureSources } from './posture';
import { readKinds, workloadGroups } from './view-sources';

/** What the posture actions read (`lib/mesh/actions*.ts`). */
const ACTION_KINDS = [
  'namespaces',
  'pods',
  'services',
  'deployments',
  'gatewayclasses',
  'gateways',
  'peerauthentications',
] as const;

/** A pod as the actions read it: labels, Istio's annotations, owner, account, hostNetwork (not the whole spec). */
function actionPod(pod: KubeObject): KubeObject {
  const { name, namespace, labels, annotations, ownerReferences } = pod.metadata;
  const istio = Object.entries(annotations ?? {}).filter(([key]) => key.includes('istio.io/'));
  const spec = pod.spec as
    { serviceAccountName?: string; hostNetwork?: boolean; nodeName?: string } | undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(namespace === undefined ? {} : { namespace }),
      ...(labels === undefined ? {} : { labels }),
      annotations: Object.fromEntries(istio),
      ...(ownerReferences === undefined ? {} : { ownerReferences }),
    },
    spec: {
      ...(spec?.serviceAccountName ? { serviceAccountName: spec.serviceAccountName } : {}),
      ...(spec?.hostNetwork ? { hostNetwork: true } : {}),
      ...(spec?.nodeName ? { nodeName: spec.nodeName } : {}),
    },
  };
}

/**
 * The live objects the posture actions of one namespace start from (`GET /api/mesh/actions/<ns>`), from the watch
 * cache: the Namespace, its pods grouped into workloads, Services, Deployments, every Gateway and GatewayClass, and
 * the PeerAuthentications of the namespace and the root namespace. A namespace the Namespace list does not have is a
 * 404; a kind that cannot be read is empty with its error listed (the write path re-reads before any write).
 */
export function readActionObjects(
  namespace: string,
  kube: PostureSources['kube'],
): DetailAnswer<ActionObjects> {
  const errors: SourceErrorDTO[] = [];
  const lists = readKinds(kube, ACTION_KINDS, errors);
  if (namespaceVerdict(lists.namespaces, namespace) === 'not-found') {
    const message = notFoundMessage({ namespace });
    return { status: 404, body: { error: { source: 'kubernetes', kind: 'not_found', message } } };
  }
  const inNamespace = (list: KubeObject[] | null): KubeObject[] =>
    (list ?? []).filter((o) => o.metadata.namespace === namespace);
  const data: ActionObjects = {
    namespace: lists.namespaces?.find((ns) => ns.metadata.name === namespace) ?? {
      metadata: { name: namespace },
    },
    workloads: workloadGroups(inNamespace(lists.pods).map(actionPod)),
    services: inNamespace(lists.services),
    deployments: inNamespace(lists.deployments),
    gateways: lists.gateways ?? [],
    gatewayClasses: lists.gatewayclasses ?? [],
    peerAuthentications: (lists.peerauthentications ?? []).filter(
      (p) => p.metadata.namespace === namespace || p.metadata.namespace === ROOT_NAMESPACE,
    ),
  };
  const body: DataResponse<ActionObjects> = { data, errors };
  return { status: 200, body };
}
