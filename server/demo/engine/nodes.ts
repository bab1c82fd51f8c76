/**
 * The engine's view of the cluster at one tick, derived from the objects: workloads with their ready pods grouped
 * by data plane, Services with their ports and waypoint, and waypoints with their pods.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { PortProtocol } from '@/lib/istio/protocol';
import type { WaypointResolution } from '@/lib/istio/waypoint';
import type { WorkloadBehaviour } from '../model/behaviour';
import type { Dataplane, Endpoint } from '../model/traffic';

/** How a client's traffic leaves it (see `client-kinds.ts`). */
export type ClientKind = 'outside' | 'plain' | 'ztunnel' | 'sidecar' | 'gateway';

/** A ready, running pod. */
export interface PodNode {
  object: KubeObject;
  labels: Readonly<Record<string, string>>;
  endpoint: Endpoint;
}

/** The pods of one workload that share a data plane (nearly always all of them). */
export interface PodGroup {
  /** `namespace/workload/dataplane`. */
  id: string;
  workload: WorkloadNode;
  dataplane: Dataplane;
  client: ClientKind;
  pods: PodNode[];
  /** Share of the workload's ready pods, 0..1. */
  share: number;
}

/** A Deployment or DaemonSet (or a bare pod) with its ready pods. */
export interface WorkloadNode {
  /** `namespace/name`. */
  key: string;
  namespace: string;
  name: string;
  /** Labels of its first pod (for selectors, subsets and policies). */
  labels: Readonly<Record<string, string>>;
  serviceAccount: string;
  groups: PodGroup[];
  behaviour: Omit<WorkloadBehaviour, 'namespace' | 'name'>;
  /** The waypoint serving traffic addressed to this workload (`waypoint-for: workload|all`), if any. */
  waypoint: WaypointNode | null;
}

/** One port of a Service. */
export interface ServicePortNode {
  name: string;
  port: number;
  /** The pod port (a named targetPort counts as the Service port). */
  targetPort: number;
  protocol: PortProtocol;
}

/** A Service with what decides how traffic to it is handled. */
export interface ServiceNode {
  key: string;
  namespace: string;
  name: string;
  object: KubeObject;
  selector: Readonly<Record<string, string>> | undefined;
  ports: ServicePortNode[];
  /** The waypoint serving the Service, and why (or why not). */
  waypointResolution: WaypointResolution;
  waypoint: WaypointNode | null;
  /** `istio.io/ingress-use-waypoint=true` on the Service or its namespace. */
  ingressUsesWaypoint: boolean;
}

/** A waypoint Gateway and its ready pods. */
export interface WaypointNode {
  namespace: string;
  name: string;
  className: string;
  /** Empty when the waypoint has no ready pods (not programmed): traffic bound to it fails. */
  endpoints: Endpoint[];
  /** The identity the destination ztunnel sees on traffic the waypoint forwards. */
  serviceAccount: string;
}

/** The endpoints of a Service (or of one subset) that belong to one pod group. */
export interface Target {
  group: PodGroup;
  pods: PodNode[];
  /** Share of the endpoints, 0..1 (L4 and Envoy balancing both spread by pod). */
  share: number;
}
