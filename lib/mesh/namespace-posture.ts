/**
 * A card per namespace: its data plane (from `dataplaneOf`, the redirection annotation first), the waypoints it
 * uses, its effective PeerAuthentication, its inbound traffic and health (the graph's thresholds), and its
 * problems in words. Pure: the server passes the watch cache's objects and the traffic it read.
 */
import { DEFAULT_THRESHOLDS, healthOf, worstHealth, type HealthThresholds } from '@/lib/graph/health';
import type { Health } from '@/lib/graph/types';
import { dataplaneOf, effectivePeerAuthentication, ISTIO_KEYS, type WaypointCatalog } from '@/lib/istio';
import { isEmptySelector, type LabelSelector } from '@/lib/istio/selector';
import { annotationOf, labelOf, type KubeObject } from '@/lib/kube/object';
import { isInfrastructurePod, nodeOf } from './kube-facts';
import { problemsOf } from './posture-problems';
import type {
  NamespaceMode,
  NamespacePeerAuthentication,
  NamespacePosture,
  NamespaceTraffic,
  PodCounts,
} from './types';
import { waypointUses } from './waypoint-uses';

/** The cluster as the posture reads it. A list that could not be read is null; its part is then unknown. */
export interface PostureInput {
  namespaces: readonly KubeObject[];
  pods: readonly KubeObject[];
  services: readonly KubeObject[];
  gateways: readonly KubeObject[];
  /** Every GatewayClass: a class may say `istio.io/waypoint-for` for its waypoints, or name Istio's controller. */
  gatewayClasses: readonly KubeObject[];
  peerAuthentications: readonly KubeObject[] | null;
  /** Inbound traffic by namespace name; null when the metrics could not be read (absent name: no traffic). */
  traffic: ReadonlyMap<string, NamespaceTraffic> | null;
  /** Nodes with a ready ztunnel pod; null when unknown (then no node is blamed). */
  ztunnelReadyNodes: ReadonlySet<string> | null;
  thresholds?: HealthThresholds;
}

/** No traffic at all: what a namespace absent from the traffic map had in the window. */
export const NO_TRAFFIC: NamespaceTraffic = {
  requestsPerSecond: 0,
  errorsPerSecond: 0,
  clientErrorsPerSecond: 0,
  connectionsPerSecond: 0,
  deniedPerSecond: 0,
  bytesPerSecond: 0,
  mtlsShare: null,
};

/** Health from inbound traffic, as the graph judges a node: per layer, the worse layer winning. */
export function trafficHealth(traffic: NamespaceTraffic | null, thresholds: HealthThresholds): Health {
  if (traffic === null) return 'unknown';
  const l7 = healthOf(
    {
      total: traffic.requestsPerSecond,
      failed: { '5xx': traffic.errorsPerSecond, '4xx': traffic.clientErrorsPerSecond },
    },
    thresholds,
  );
  const l4 = healthOf(
    { total: traffic.connectionsPerSecond, failed: { '5xx': traffic.deniedPerSecond } },
    thresholds,
  );
  const health = worstHealth([l7, l4]);
  // Bytes over connections that stay open (none closed in the window) are traffic too.
  return health === 'idle' && traffic.bytesPerSecond > 0 ? 'healthy' : health;
}

/** The namespace's own labels, in words. */
function enrollmentOf(namespace: KubeObject): string | null {
  const keys = [ISTIO_KEYS.dataplaneMode, 'istio-injection', 'istio.io/rev'];
  const set = keys.flatMap((key) => {
    const value = labelOf(namespace, key);
    return value === undefined ? [] : [`${key}=${value}`];
  });
  return set.length === 0 ? null : set.join(', ');
}

/**
 * A namespace's mode from its application pods (see {@link NamespaceMode}); the namespace's labels decide when it
 * has none.
 */
export function modeOf(pods: PodCounts, ambientLabel: boolean, injectionLabel: boolean): NamespaceMode {
  const present: NamespaceMode[] = [];
  if (pods.captured > 0) present.push('ambient');
  if (pods.sidecar > 0) present.push('sidecar');
  if (pods.uncaptured > 0) present.push('none');
  if (present.length > 1) return 'mixed';
  if (present[0] !== undefined) return present[0];
  return ambientLabel ? 'ambient' : injectionLabel ? 'sidecar' : 'none';
}

function peerAuthenticationOf(
  policies: readonly KubeObject[] | null,
  namespace: string,
): NamespacePeerAuthentication | null {
  if (policies === null) return null;
  const hasSelector = (p: KubeObject): boolean =>
    !isEmptySelector((p.spec as { selector?: LabelSelector } | undefined)?.selector);
  // Only the mesh and namespace levels apply to the namespace; workload-level policies are counted, not applied.
  const effective = effectivePeerAuthentication(
    policies.filter((p) => !hasSelector(p)),
    { namespace, labels: {} },
  );
  const level = effective.level === 'workload' ? 'namespace' : effective.level;
  const source = effective.source ? `${effective.source.namespace}/${effective.source.name}` : null;
  const workloadPolicies = policies.filter(
    (p) => p.metadata.namespace === namespace && hasSelector(p),
  ).length;
  return { mode: effective.mode, level, source, workloadPolicies };
}

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The card of one namespace. `pods` and `services` are those of the namespace. */
export function namespacePosture(
  namespace: KubeObject,
  objects: { pods: readonly KubeObject[]; services: readonly KubeObject[] },
  input: Omit<PostureInput, 'namespaces' | 'pods' | 'services'>,
): NamespacePosture {
  const name = namespace.metadata.name;
  const pods: PodCounts = { total: 0, captured: 0, sidecar: 0, uncaptured: 0, infrastructure: 0 };
  const pendingCapture: Record<string, number> = {};
  const capturedWithoutZtunnel: Record<string, number> = {};
  for (const pod of objects.pods) {
    if (isInfrastructurePod(pod)) {
      pods.infrastructure++;
      continue;
    }
    pods.total++;
    const { dataplane } = dataplaneOf(pod, namespace);
    if (dataplane === 'ambient') {
      pods.captured++;
      const node = nodeOf(pod);
      if (node && input.ztunnelReadyNodes && !input.ztunnelReadyNodes.has(node))
        bump(capturedWithoutZtunnel, node);
    } else if (dataplane === 'sidecar') pods.sidecar++;
    else {
      pods.uncaptured++;
      const redirection = annotationOf(pod, ISTIO_KEYS.redirection);
      if (redirection !== undefined) bump(pendingCapture, redirection);
    }
  }
  const ambientLabel = labelOf(namespace, ISTIO_KEYS.dataplaneMode) === 'ambient';
  const injectionLabel =
    labelOf(namespace, 'istio-injection') === 'enabled' || labelOf(namespace, 'istio.io/rev') !== undefined;
  const catalog: WaypointCatalog = { gateways: input.gateways, gatewayClasses: input.gatewayClasses };
  const waypoints = waypointUses({ namespace, services: objects.services, pods: objects.pods }, catalog);
  const peerAuthentication = peerAuthenticationOf(input.peerAuthentications, name);
  const traffic = input.traffic === null ? null : (input.traffic.get(name) ?? NO_TRAFFIC);
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const namespaceWaypoint = labelOf(namespace, ISTIO_KEYS.useWaypoint);
  const problems = [
    ...problemsOf({
      ambientLabel,
      injectionLabel,
      namespaceWaypoint: namespaceWaypoint && namespaceWaypoint !== 'none' ? namespaceWaypoint : null,
      pods,
      pendingCapture,
      capturedWithoutZtunnel,
      peerAuthentication,
      traffic,
      thresholds,
    }),
    ...waypoints.problems,
  ];
  return {
    name,
    mode: modeOf(pods, ambientLabel, injectionLabel),
    enrollment: enrollmentOf(namespace),
    pods,
    waypoints: waypoints.uses,
    peerAuthentication,
    traffic,
    health: trafficHealth(traffic, thresholds),
    problems,
  };
}

/** Failing first, then with problems, then degraded, then the rest; by name within each. */
function rankOf(posture: NamespacePosture): number {
  if (posture.health === 'failing') return 0;
  if (posture.problems.length > 0) return 1;
  return posture.health === 'degraded' ? 2 : 3;
}

/** Sorts cards so that problems come first (see {@link rankOf}), then by name. */
export function sortPostures(postures: readonly NamespacePosture[]): NamespacePosture[] {
  return [...postures].sort((a, b) => rankOf(a) - rankOf(b) || a.name.localeCompare(b.name));
}

/** A card per namespace of the cluster, problems first. */
export function namespacePostures(input: PostureInput): NamespacePosture[] {
  const byNamespace = <T extends KubeObject>(list: readonly T[]): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const o of list) {
      const ns = o.metadata.namespace ?? '';
      const bucket = map.get(ns);
      if (bucket) bucket.push(o);
      else map.set(ns, [o]);
    }
    return map;
  };
  const pods = byNamespace(input.pods);
  const services = byNamespace(input.services);
  return sortPostures(
    input.namespaces.map((ns) =>
      namespacePosture(
        ns,
        { pods: pods.get(ns.metadata.name) ?? [], services: services.get(ns.metadata.name) ?? [] },
        input,
      ),
    ),
  );
}
