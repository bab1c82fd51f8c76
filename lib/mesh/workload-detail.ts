/**
 * The workload page (`GET /api/mesh/workloads/<ns>/<name>`) without its series: pods and their data plane, service
 * accounts and SPIFFE identities, the Services selecting it, its effective waypoint with the reason, its effective
 * PeerAuthentication (mesh -> namespace -> workload, naming the object) with port overrides, the policies that apply
 * with where each is enforced, and its callers and callees from the graph's edges. Pure.
 */
import { workloadNodeId } from '@/lib/graph/ids';
import type { GraphEdge, Health } from '@/lib/graph/types';
import {
  dataplaneOf,
  effectivePeerAuthentication,
  isWaypointGateway,
  ISTIO_KEYS,
  ROOT_NAMESPACE,
  TRUST_DOMAIN,
  type WaypointCatalog,
} from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import { authorizationRows, peerAuthenticationRows } from './detail-policies';
import { peersOf } from './detail-peers';
import { workloadRoutingRows, type RoutingObjects } from './detail-routes';
import { judgeWorkload, namespaceMap, routedServices, waypointFields } from './detail-subject';
import type { PodRow, WorkloadDetail } from './detail-types';
import { isPodReady, nodeOf } from './kube-facts';
import { modeSource } from './mtls-view';
import { firstPod, type WorkloadGroup } from './view-inputs';

/** What the page reads. A list that could not be read is null (its part is then unknown, not empty). */
export interface WorkloadDetailInput {
  namespaces: readonly KubeObject[];
  services: readonly KubeObject[];
  gateways: readonly KubeObject[];
  /** Every GatewayClass: a class may say `istio.io/waypoint-for` for its waypoints, or name Istio's controller. */
  gatewayClasses: readonly KubeObject[];
  peerAuthentications: readonly KubeObject[] | null;
  authorizationPolicies: readonly KubeObject[] | null;
  routing: RoutingObjects;
  /** The workload graph's edges touching its namespace; null when the metrics could not be read. */
  edges: readonly GraphEdge[] | null;
  /** The graph's health by node id; null when the metrics could not be read. */
  health: ReadonlyMap<string, Health> | null;
  rootNamespace?: string;
}

/** Waypoint when its pods run a waypoint Gateway, gateway for other Envoy gateways, else an application. */
function roleOf(workload: WorkloadGroup, catalog: WaypointCatalog): WorkloadDetail['role'] {
  const pod = firstPod(workload);
  const gatewayName = labelOf(pod, ISTIO_KEYS.gatewayName);
  const runs = catalog.gateways.find(
    (g) => g.metadata.namespace === workload.namespace && g.metadata.name === gatewayName,
  );
  if (runs !== undefined && isWaypointGateway(runs, catalog)) return 'waypoint';
  const istio = labelOf(pod, 'istio');
  return gatewayName !== undefined || istio === 'ingressgateway' || istio === 'egressgateway'
    ? 'gateway'
    : 'workload';
}

/** The pods of a workload, by name. */
export function podRows(workload: WorkloadGroup, namespace: KubeObject | undefined): PodRow[] {
  return [...workload.pods]
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .map((pod) => {
      const status = pod.status as { phase?: string; podIP?: string } | undefined;
      const dataplane = dataplaneOf(pod, namespace);
      return {
        name: pod.metadata.name,
        node: nodeOf(pod) ?? null,
        ready: isPodReady(pod),
        phase: status?.phase ?? null,
        ip: status?.podIP ?? null,
        dataplane: dataplane.dataplane,
        dataplaneReason: dataplane.reason,
      };
    });
}

/** `spec.serviceAccountName` of each pod (`default` when unset), each once. */
export function serviceAccountsOf(workload: WorkloadGroup): string[] {
  const names = workload.pods.map(
    (p) => (p.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName || 'default',
  );
  return [...new Set(names)].sort();
}

/** The workload page without its series and meta (see the module comment). */
export function workloadDetail(
  workload: WorkloadGroup,
  input: WorkloadDetailInput,
): Omit<WorkloadDetail, 'traffic' | 'trafficKnown' | 'meta'> {
  const root = input.rootNamespace ?? ROOT_NAMESPACE;
  const ctx = {
    namespaces: namespaceMap(input.namespaces),
    services: input.services,
    catalog: { gateways: input.gateways, gatewayClasses: input.gatewayClasses },
  };
  const { row, services, subject } = judgeWorkload(workload, ctx);
  const pas = input.peerAuthentications;
  const effective = pas === null ? null : effectivePeerAuthentication(pas, subject, root);
  const peerAuthentication =
    effective === null
      ? null
      : {
          ...modeSource(effective),
          ports: Object.entries(effective.ports)
            .map(([port, mode]) => ({ port: Number(port), mode }))
            .sort((a, b) => a.port - b.port),
        };
  const source = effective?.source ? `${effective.source.namespace}/${effective.source.name}` : null;
  const accounts = serviceAccountsOf(workload);
  const node = workloadNodeId(workload.namespace, workload.name);
  return {
    namespace: workload.namespace,
    name: workload.name,
    role: roleOf(workload, ctx.catalog),
    dataplane: subject.dataplane,
    pods: podRows(workload, ctx.namespaces.get(workload.namespace)),
    serviceAccounts: accounts,
    identities: accounts.map((sa) => `spiffe://${TRUST_DOMAIN}/ns/${workload.namespace}/sa/${sa}`),
    services: services.map((s) => s.name),
    waypoint: waypointFields(row),
    peerAuthentication,
    policies: [
      ...authorizationRows(input.authorizationPolicies ?? [], subject, root),
      ...peerAuthenticationRows(pas ?? [], subject, source, root),
      ...workloadRoutingRows(input.routing, services, routedServices(ctx)),
    ],
    callers: input.edges === null ? [] : peersOf(input.edges, node, 'callers'),
    callees: input.edges === null ? [] : peersOf(input.edges, node, 'callees'),
    health: input.health === null ? 'unknown' : (input.health.get(node) ?? 'idle'),
  };
}
