/**
 * The mesh posture as `GET /api/mesh/overview` answers it (inside `DataResponse<MeshOverview>`): a card per
 * namespace (data plane, waypoints, PeerAuthentication, observed traffic, problems in words) and the control plane
 * (istiod, ztunnel, istio-cni, Gateway API). Pure types, safe in the browser.
 */
import type { Health } from '@/lib/graph/types';
import type { MtlsMode, WaypointTrafficType } from '@/lib/istio';

/** The whole answer. */
export interface MeshOverview {
  /** Components in a fixed order: istiod, ztunnel, istio-cni, Gateway API. */
  controlPlane: ControlPlaneComponent[];
  /** Every namespace of the cluster, problems first (see `sortPostures`). */
  namespaces: NamespacePosture[];
  meta: MeshOverviewMeta;
}

/** How the answer was made. */
export interface MeshOverviewMeta {
  /** Length of the window the rates are averaged over, in seconds. */
  windowSeconds: number;
  /** End of the window, ISO-8601. */
  end: string;
  /** Metric queries issued (a fixed number, whatever the number of namespaces). */
  queries: number;
  /** Time the server took, in milliseconds. */
  durationMs: number;
}

/**
 * How a namespace's application pods are in the mesh: all captured by ztunnel (`ambient`), all with a sidecar
 * (`sidecar`), none in the mesh (`none`), or several of these (`mixed`). Without application pods, the
 * namespace's labels decide.
 */
export type NamespaceMode = 'ambient' | 'sidecar' | 'none' | 'mixed';

/** One namespace's card. */
export interface NamespacePosture {
  name: string;
  mode: NamespaceMode;
  /** What the namespace's labels ask for, in words ("istio.io/dataplane-mode=ambient", "istio-injection=enabled"). */
  enrollment: string | null;
  pods: PodCounts;
  /** The waypoints the namespace, its Services or its pods ask for (by `istio.io/use-waypoint`). */
  waypoints: WaypointUse[];
  /** The mode that applies to the namespace (mesh, then namespace level); null when it cannot be read. */
  peerAuthentication: NamespacePeerAuthentication | null;
  /** Inbound traffic over the window; null when the metrics could not be read. */
  traffic: NamespaceTraffic | null;
  /** From the inbound traffic, with the graph's thresholds; `unknown` without metrics. */
  health: Health;
  /** What someone on call should look at, one sentence each; empty when nothing is wrong. */
  problems: string[];
}

/** Pods by data plane (`dataplaneOf`, the redirection annotation first). */
export interface PodCounts {
  /** Application pods: every pod except mesh infrastructure. */
  total: number;
  /** Captured by ztunnel. */
  captured: number;
  /** With an Envoy sidecar. */
  sidecar: number;
  /** Neither: out of the mesh, opted out, or capture not (yet) set up. */
  uncaptured: number;
  /** Mesh infrastructure, not counted above: waypoints, gateways, istiod, ztunnel, istio-cni. */
  infrastructure: number;
}

/** A waypoint a namespace uses. */
export interface WaypointUse {
  namespace: string;
  name: string;
  /** True when a Gateway of the waypoint class has this name. */
  exists: boolean;
  /** The Gateway's `Programmed` condition is True; false when it does not exist. */
  programmed: boolean;
  /** What the waypoint serves (`istio.io/waypoint-for`); null when it does not exist. */
  trafficType: WaypointTrafficType | null;
  /** Who asks for it: `namespace`, `service/<name>`, `pod/<name>`. */
  usedBy: string[];
}

/** The effective PeerAuthentication of a namespace (workload-level policies aside). */
export interface NamespacePeerAuthentication {
  mode: Exclude<MtlsMode, 'UNSET'>;
  /** `default` when no policy sets a mode. */
  level: 'default' | 'mesh' | 'namespace';
  /** The policy the mode comes from (`namespace/name`); null for the default. */
  source: string | null;
  /** Policies with a selector in the namespace, which may set another mode for some workloads. */
  workloadPolicies: number;
}

/** Inbound traffic of a namespace's workloads, each hop counted once (the graph's de-duplication). */
export interface NamespaceTraffic {
  /** L7 requests per second. */
  requestsPerSecond: number;
  /** L7 requests per second answered 5xx (or with a failing gRPC status). */
  errorsPerSecond: number;
  /** L7 requests per second answered 4xx. */
  clientErrorsPerSecond: number;
  /** L4 connections closed per second (ztunnel, and sidecars for TCP services). */
  connectionsPerSecond: number;
  /** L4 connections per second refused by ztunnel (`DENY`). */
  deniedPerSecond: number;
  /** L4 bytes per second the namespace's workloads sent back (the response direction). */
  bytesPerSecond: number;
  /**
   * Share 0..1 seen over mutual TLS: the lower of the requests' share and the connections' share (bytes when no
   * connection closed), so that plaintext on either layer shows; null when nothing came in.
   */
  mtlsShare: number | null;
}

/** The state of a control-plane component. `unknown`: its objects could not be read. */
export type ComponentState = 'ok' | 'warn' | 'error' | 'unknown';

/** Which component: the ids of the strip's items (`control-plane-<id>`). */
export type ComponentId = 'istiod' | 'ztunnel' | 'cni' | 'gateway-api';

/** One item of the control-plane strip. */
export interface ControlPlaneComponent {
  id: ComponentId;
  /** A person's name: `istiod`, `ztunnel`, `istio-cni`, `Gateway API`. */
  label: string;
  state: ComponentState;
  /** One sentence: "1/1 ready, 1.28.0", "ztunnel not ready on demo-worker-2". */
  summary: string;
  /** From the image tag (or the `app.kubernetes.io/version` label), several joined by `, `; null when unknown. */
  version: string | null;
  /** Ready pods, and the pods wanted (replicas, or DaemonSet pods scheduled); null when not applicable. */
  ready: number | null;
  desired: number | null;
  /** DaemonSets only: every node that runs pods, and whether this component's pod there is ready. */
  nodes: NodeReadiness[] | null;
  /** The objects found (`namespace/name`). */
  objects: string[];
}

/** A node as a DaemonSet component sees it. */
export interface NodeReadiness {
  node: string;
  /** The component's pod on the node, or null when it has none. */
  pod: string | null;
  ready: boolean;
}
