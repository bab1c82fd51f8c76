/**
 * What the graph needs to know from the cluster's configuration, read once per refresh from the watch cache's
 * objects: workloads (from their pods), which of them are waypoints (Gateways of class `istio-waypoint` and their
 * pods, never guessed from telemetry) or gateways, their data plane, the Services that select them, and the
 * effective waypoint of every Service and workload (`lib/istio`). Pure.
 */
import {
  dataplaneOf,
  effectiveWaypoint,
  isWaypointGateway,
  ISTIO_KEYS,
  matchesLabels,
  type Dataplane,
  type Labels,
} from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import { keyOf, pushTo } from './model';

/** The cluster objects the graph reads. */
export interface KubeSnapshot {
  namespaces: readonly KubeObject[];
  pods: readonly KubeObject[];
  services: readonly KubeObject[];
  gateways: readonly KubeObject[];
  /** GatewayClasses, for a waypoint's `istio.io/waypoint-for` when its Gateway has none. */
  gatewayClasses: readonly KubeObject[];
  virtualServices: readonly KubeObject[];
  httpRoutes: readonly KubeObject[];
  authorizationPolicies: readonly KubeObject[];
}

/** A waypoint: its Gateway and the workload (`namespace/name`) that runs it. */
export interface WaypointRef {
  namespace: string;
  name: string;
  className: string;
  workload: string;
}

/** One workload as the configuration describes it. */
export interface WorkloadFacts {
  namespace: string;
  name: string;
  role: 'workload' | 'waypoint' | 'gateway';
  dataplane: Dataplane;
  /** The labels of its first pod. */
  labels: Labels;
  /** Services (`namespace/name`) whose selector matches its pods. */
  services: string[];
  /** The waypoint serving it: its own (workload-addressed traffic), else the first of its Services'. */
  waypoint: WaypointRef | null;
}

/** The configuration facts of one refresh. */
export interface MeshFacts {
  workloads: ReadonlyMap<string, WorkloadFacts>;
  /** Waypoints by the key of their workload. */
  waypoints: ReadonlyMap<string, WaypointRef>;
  /** The effective waypoint of each Service that has one, by Service key. */
  serviceWaypoints: ReadonlyMap<string, WaypointRef>;
  /** Workloads behind each Service, by Service key. */
  serviceWorkloads: ReadonlyMap<string, string[]>;
  snapshot: KubeSnapshot;
}

/** How a pod's controller names its workload (as Istio's `workload_name`), by the controller's kind. */
const OWNER_NAMES: Readonly<Record<string, (owner: string, pod: KubeObject) => string>> = {
  // A ReplicaSet is `<deployment>-<pod-template-hash>`.
  ReplicaSet: (owner, pod) => {
    const hash = labelOf(pod, 'pod-template-hash');
    return hash && owner.endsWith(`-${hash}`) ? owner.slice(0, -hash.length - 1) : owner;
  },
};

/** The workload a pod belongs to: its controller's name (a Deployment's for ReplicaSets), else the pod's own. */
export function workloadNameOf(pod: KubeObject): string {
  const owners = pod.metadata.ownerReferences ?? [];
  const owner = owners.find((o) => o.controller === true) ?? owners[0];
  if (owner === undefined) return pod.metadata.name;
  return OWNER_NAMES[owner.kind]?.(owner.name, pod) ?? owner.name;
}

const GATEWAY_POD_LABELS: ReadonlySet<string> = new Set(['ingressgateway', 'egressgateway']);

/** Builds the facts from the cluster's objects. */
export function meshFacts(snapshot: KubeSnapshot): MeshFacts {
  const catalog = { gateways: snapshot.gateways, gatewayClasses: snapshot.gatewayClasses };
  const namespaces = new Map(snapshot.namespaces.map((ns) => [ns.metadata.name, ns]));
  const nsOf = (o: KubeObject): KubeObject | undefined => namespaces.get(o.metadata.namespace ?? '');

  const podsByWorkload = new Map<string, KubeObject[]>();
  for (const pod of snapshot.pods) {
    pushTo(podsByWorkload, keyOf(pod.metadata.namespace ?? '', workloadNameOf(pod)), pod);
  }

  // Waypoints from configuration: Gateways of the waypoint class, run by the pods that name them.
  const gatewayRefs = new Map<string, WaypointRef>();
  const waypoints = new Map<string, WaypointRef>();
  for (const gateway of snapshot.gateways) {
    if (!isWaypointGateway(gateway, catalog)) continue;
    const namespace = gateway.metadata.namespace ?? '';
    const name = gateway.metadata.name;
    const pod = snapshot.pods.find(
      (p) => p.metadata.namespace === namespace && labelOf(p, ISTIO_KEYS.gatewayName) === name,
    );
    const workload = keyOf(namespace, pod ? workloadNameOf(pod) : name);
    const className = (gateway.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName ?? '';
    const ref = { namespace, name, className, workload };
    gatewayRefs.set(keyOf(namespace, name), ref);
    waypoints.set(workload, ref);
  }
  const waypointOf = (object: KubeObject, subject: 'service' | 'workload'): WaypointRef | null => {
    const gateway = effectiveWaypoint(object, nsOf(object), subject, catalog).waypoint;
    return gateway
      ? (gatewayRefs.get(keyOf(gateway.metadata.namespace ?? '', gateway.metadata.name)) ?? null)
      : null;
  };

  const serviceWaypoints = new Map<string, WaypointRef>();
  const selectors = new Map<string, { key: string; selector: Labels }[]>();
  for (const service of snapshot.services) {
    const key = keyOf(service.metadata.namespace ?? '', service.metadata.name);
    const waypoint = waypointOf(service, 'service');
    if (waypoint) serviceWaypoints.set(key, waypoint);
    const selector = (service.spec as { selector?: Labels } | undefined)?.selector;
    if (selector && Object.keys(selector).length > 0) {
      pushTo(selectors, service.metadata.namespace ?? '', { key, selector });
    }
  }

  const workloads = new Map<string, WorkloadFacts>();
  const serviceWorkloads = new Map<string, string[]>();
  for (const [key, pods] of podsByWorkload) {
    const pod = pods[0] as KubeObject;
    const namespace = pod.metadata.namespace ?? '';
    const labels = pod.metadata.labels ?? {};
    const services = (selectors.get(namespace) ?? [])
      .filter((s) => matchesLabels(s.selector, labels))
      .map((s) => s.key);
    for (const service of services) pushTo(serviceWorkloads, service, key);
    const isGateway =
      GATEWAY_POD_LABELS.has(labels.istio ?? '') || labelOf(pod, ISTIO_KEYS.gatewayName) !== undefined;
    workloads.set(key, {
      namespace,
      name: workloadNameOf(pod),
      role: waypoints.has(key) ? 'waypoint' : isGateway ? 'gateway' : 'workload',
      dataplane: dataplaneOf(pod, nsOf(pod)).dataplane,
      labels,
      services,
      waypoint:
        waypointOf(pod, 'workload') ??
        services.map((s) => serviceWaypoints.get(s)).find((w) => w !== undefined) ??
        null,
    });
  }
  return { workloads, waypoints, serviceWaypoints, serviceWorkloads, snapshot };
}
