/**
 * The Mesh page's waypoints (`GET /api/mesh/waypoints`): a card per waypoint Gateway (traffic type, Programmed,
 * replicas, revision, what is bound to it, what it serves, the traffic through it, problems in words), and the
 * effective waypoint of every Service, ServiceEntry and workload of the namespaces that use waypoints. Pure: the
 * server passes the watch cache's objects, the workloads, and the service graph's edges.
 */
import { workloadNodeId } from '@/lib/graph/ids';
import type { GraphEdge } from '@/lib/graph/types';
import {
  dataplaneOf,
  isWaypointGateway,
  ISTIO_KEYS,
  waypointTrafficTypeOf,
  type WaypointCatalog,
} from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import { waypointBindings } from './waypoint-bindings';
import { waypointProblems } from './waypoint-problems';
import { namespaceRows } from './waypoint-rows';
import {
  byNamespace,
  byNamespaceThenName,
  conditionView,
  firstPod,
  isApplicationWorkload,
  type WorkloadGroup,
} from './view-inputs';
import type {
  NamespaceWaypoints,
  WaypointCall,
  WaypointCard,
  WaypointName,
  WaypointTraffic,
  WaypointsView,
} from './views-types';

/** What the view reads. A list that could not be read is null (its part is then unknown, not empty). */
export interface WaypointsInput {
  namespaces: readonly KubeObject[];
  services: readonly KubeObject[];
  serviceEntries: readonly KubeObject[];
  /** Every workload of the cluster, waypoints' own included (their pods name the Gateway). */
  workloads: readonly WorkloadGroup[];
  gateways: readonly KubeObject[];
  /** Every GatewayClass: a class may say `istio.io/waypoint-for` for its waypoints, or name Istio's controller. */
  gatewayClasses: readonly KubeObject[];
  deployments: readonly KubeObject[] | null;
  /** The workload graph's edges over the window; null when the metrics could not be read. */
  edges: readonly GraphEdge[] | null;
}

/** How many calls a card lists. */
const TOP_CALLS = 10;

/** The graph node of a waypoint: the workload of the pods that name its Gateway, else one named after it. */
export function waypointNodeId(waypoint: WaypointName, workloads: readonly WorkloadGroup[]): string {
  const runs = workloads.find(
    (w) =>
      w.namespace === waypoint.namespace &&
      w.pods.some((p) => labelOf(p, ISTIO_KEYS.gatewayName) === waypoint.name),
  );
  return workloadNodeId(waypoint.namespace, runs?.name ?? waypoint.name);
}

/** The traffic of the edges that went through the node `via`. */
export function trafficThrough(edges: readonly GraphEdge[], via: string): WaypointTraffic {
  const through = edges.filter((e) => e.via === via);
  let requests = 0;
  let failed = 0;
  let bytes: number | null = null;
  for (const edge of through) {
    requests += edge.requestsPerSecond;
    failed += edge.requestsPerSecond * edge.errorRate;
    if (edge.bytesPerSecond !== null) bytes = (bytes ?? 0) + edge.bytesPerSecond;
  }
  const topCalls: WaypointCall[] = [...through]
    .sort(
      (a, b) =>
        b.requestsPerSecond - a.requestsPerSecond ||
        (b.bytesPerSecond ?? 0) - (a.bytesPerSecond ?? 0) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, TOP_CALLS)
    .map((e) => ({
      source: e.source,
      target: e.target,
      protocol: e.protocol,
      requestsPerSecond: e.requestsPerSecond,
      errorRate: e.errorRate,
      bytesPerSecond: e.bytesPerSecond,
    }));
  return {
    requestsPerSecond: requests,
    errorShare: requests > 0 ? failed / requests : 0,
    bytesPerSecond: bytes,
    calls: through.length,
    topCalls,
  };
}

/** Ready and desired replicas of the Deployment that runs the waypoint (labelled with its Gateway's name). */
function replicasOf(
  gateway: KubeObject,
  deployments: readonly KubeObject[] | null,
): WaypointCard['replicas'] {
  const ns = gateway.metadata.namespace;
  const found = (deployments ?? []).find(
    (d) =>
      d.metadata.namespace === ns &&
      (labelOf(d, ISTIO_KEYS.gatewayName) === gateway.metadata.name ||
        d.metadata.name === gateway.metadata.name),
  );
  if (found === undefined) return null;
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
  return {
    ready: num((found.status as { readyReplicas?: unknown } | undefined)?.readyReplicas, 0),
    desired: num((found.spec as { replicas?: unknown } | undefined)?.replicas, 1),
  };
}

/** True when the namespace takes part in waypoints: a label asks for one, or a waypoint lives there. */
function usesWaypoints(ns: string, input: WaypointsInput, namespace: KubeObject | undefined): boolean {
  const asks = (o: KubeObject): boolean => labelOf(o, ISTIO_KEYS.useWaypoint) !== undefined;
  return (
    (namespace !== undefined && asks(namespace)) ||
    input.gateways.some((g) => g.metadata.namespace === ns) ||
    input.services.some((s) => s.metadata.namespace === ns && asks(s)) ||
    input.serviceEntries.some((s) => s.metadata.namespace === ns && asks(s)) ||
    input.workloads.some((w) => w.namespace === ns && w.pods.some(asks))
  );
}

/** The waypoints view (see the module comment). Waypoints and rows are sorted by namespace and name. */
export function waypointsView(input: WaypointsInput): Omit<WaypointsView, 'meta'> {
  const catalog: WaypointCatalog = { gateways: input.gateways, gatewayClasses: input.gatewayClasses };
  // A waypoint's own Service and pods are its machinery, not something it serves.
  const services = input.services.filter((s) => labelOf(s, ISTIO_KEYS.gatewayName) === undefined);
  const applications = input.workloads.filter(isApplicationWorkload);
  const servicesByNs = byNamespace(services);
  const entriesByNs = byNamespace(input.serviceEntries);
  const workloadsByNs = byNamespace(applications);

  const namespaces: NamespaceWaypoints[] = [];
  const withoutWaypoint: string[] = [];
  for (const namespace of [...input.namespaces].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  )) {
    const ns = namespace.metadata.name;
    const workloads = workloadsByNs.get(ns) ?? [];
    if (!usesWaypoints(ns, { ...input, services }, namespace)) {
      const captured = workloads.some((w) => dataplaneOf(firstPod(w), namespace).dataplane === 'ambient');
      if (captured) withoutWaypoint.push(ns);
      continue;
    }
    const objects = {
      namespace,
      services: servicesByNs.get(ns) ?? [],
      serviceEntries: entriesByNs.get(ns) ?? [],
      workloads,
    };
    namespaces.push({
      namespace: ns,
      label: labelOf(namespace, ISTIO_KEYS.useWaypoint) ?? null,
      ...namespaceRows(objects, catalog),
    });
  }

  const candidates = { ...input, services, workloads: applications };
  const waypoints = input.gateways
    .filter((g) => isWaypointGateway(g, catalog))
    .map((gateway): WaypointCard => {
      const name = { namespace: gateway.metadata.namespace ?? '', name: gateway.metadata.name };
      const { type: waypointFor, from: waypointForFrom } = waypointTrafficTypeOf(gateway, catalog);
      const isIt = (w: WaypointName | null): boolean =>
        w !== null && w.namespace === name.namespace && w.name === name.name;
      const card: Omit<WaypointCard, 'problems'> = {
        ...name,
        waypointFor,
        waypointForFrom,
        programmed: conditionView(gateway, 'Programmed'),
        replicas: replicasOf(gateway, input.deployments),
        revision: labelOf(gateway, 'istio.io/rev') ?? 'default',
        bindings: waypointBindings(name, waypointFor, candidates, catalog),
        serves: {
          services: namespaces.flatMap((n) => n.services).filter((r) => isIt(r.waypoint)).length,
          workloads: namespaces.flatMap((n) => n.workloads).filter((r) => isIt(r.waypoint)).length,
        },
        traffic:
          input.edges === null ? null : trafficThrough(input.edges, waypointNodeId(name, input.workloads)),
      };
      const rows = namespaces.flatMap((n) => n.services).filter((r) => isIt(r.waypoint));
      return { ...card, problems: waypointProblems(card, rows, input.deployments !== null) };
    })
    .sort(byNamespaceThenName);
  return { waypoints, namespaces, withoutWaypoint };
}
