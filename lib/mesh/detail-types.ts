/**
 * The namespace and workload pages' answers: `GET /api/mesh/namespaces/<ns>` (`DataResponse<NamespaceDetail>`) and
 * `GET /api/mesh/workloads/<ns>/<name>` (`DataResponse<WorkloadDetail>`). An unknown namespace or workload is a 404
 * with `{error}` instead. Pure types, safe in the browser. Rates are per second over the window; shares are 0..1;
 * latencies are milliseconds.
 */
import type { Health } from '@/lib/graph/types';
import type { AuthorizationAction, Dataplane, MtlsMode } from '@/lib/istio';
import type { NamespacePosture } from './types';
import type { EffectiveWaypointRow, MeshViewMeta, ModeSource } from './views-types';

// ---------------------------------------------------------------------------------------------- series

/** One instant of a series: the rates over the step that ends there, each call counted once. */
export interface SeriesPoint {
  /** Unix time, seconds. */
  t: number;
  /** L7 requests per second. */
  requestsPerSecond: number;
  /** L7 requests per second that failed: 5xx, no response (`0`), or a failing gRPC status. */
  errorsPerSecond: number;
  /** 95th percentile of the L7 requests' duration, ms; null when no request completed in the step. */
  p95Ms: number | null;
  /** L4 connections closed per second (ztunnel, and Envoy for TCP services). */
  connectionsPerSecond: number;
}

/**
 * A direction's traffic over the window. Which reporter counts is decided per caller -> callee pair at each
 * instant, as the graph decides it (`lib/mesh/detail-series.ts`): the waypoint's series, else the server side's
 * (a sidecar, or ztunnel for L4), else the client side's; hops into or out of a waypoint are never counted.
 */
export interface DetailSeries {
  /** In time order; empty when the metrics could not be read or nothing was seen. */
  points: SeriesPoint[];
  /** Seconds between points. */
  stepSeconds: number;
  /** The reporters whose series counted at some instant (`waypoint`, `destination`, `source`), by rank. */
  reporters: string[];
  /** False when its reads failed or there is no metrics source: `points` is then empty, not "no traffic". */
  known: boolean;
}

/** Traffic into and out of the subject. */
export interface DetailTraffic {
  /** Requests arriving at the subject's workloads (a namespace's: from anywhere, its own workloads included). */
  inbound: DetailSeries;
  /** Requests its workloads send. */
  outbound: DetailSeries;
}

// ---------------------------------------------------------------------------------------------- policies

/** The configuration kinds the pages list. */
export type PolicyKind =
  'AuthorizationPolicy' | 'PeerAuthentication' | 'VirtualService' | 'HTTPRoute' | 'DestinationRule';

/**
 * Who enforces or applies an object: ztunnel (L4 authorization, PeerAuthentication of captured pods), a waypoint
 * (L7 authorization and routing), a sidecar (everything, for its pod; routing for its calls), or an ingress gateway.
 */
export type EnforcementKind = 'ztunnel' | 'waypoint' | 'sidecar' | 'gateway';

/** One AuthorizationPolicy, PeerAuthentication, VirtualService, HTTPRoute or DestinationRule. */
export interface PolicyRow {
  kind: PolicyKind;
  namespace: string;
  name: string;
  /** What it applies to, in words: "every workload in the namespace", "workloads app=reviews", "Service reviews". */
  appliesTo: string;
  /** Where it takes effect for the page's subject; empty when nothing enforces it there. */
  enforcedAt: EnforcementKind[];
  /** AuthorizationPolicies: the action (ALLOW when the policy says none). */
  action?: AuthorizationAction;
  /** PeerAuthentications: the mode it sets (UNSET inherits). */
  mode?: MtlsMode;
  /** What a person should know, one sentence; null when nothing ("L7 rules at ztunnel never match…"). */
  note: string | null;
}

// ---------------------------------------------------------------------------------------------- namespace

/** Inbound traffic of one workload over the window, from the workload graph's edges into it. */
export interface InboundStats {
  requestsPerSecond: number;
  /** Share of those requests that failed. */
  errorShare: number;
  /** The highest p95 over its inbound L7 edges, ms; null without requests. */
  p95Ms: number | null;
  /** Bytes per second both ways over its inbound edges; null when no TCP telemetry was seen. */
  bytesPerSecond: number | null;
  /** The lowest mTLS share over its inbound edges; null when nothing came in. */
  mtlsShare: number | null;
}

/** One application workload of a namespace. */
export interface NamespaceWorkloadRow {
  name: string;
  dataplane: Dataplane;
  /** Pods, and how many are Ready. */
  pods: { total: number; ready: number };
  /** The effective waypoint with the reason in words (as on the Mesh page). */
  waypoint: Pick<EffectiveWaypointRow, 'waypoint' | 'status' | 'from' | 'reason'>;
  /** The effective PeerAuthentication and the object it comes from; null when PeerAuthentications are unreadable. */
  peerAuthentication: ModeSource | null;
  /** Null when the metrics could not be read. */
  inbound: InboundStats | null;
  health: Health;
}

/** The namespace page. */
export interface NamespaceDetail {
  namespace: string;
  /** The Overview's card: mode, pods, waypoints, PeerAuthentication, inbound traffic, health, problems. */
  posture: NamespacePosture;
  /** Application workloads, by name. */
  workloads: NamespaceWorkloadRow[];
  /** Objects in the namespace, and the mesh-wide ones that reach it; by kind, then namespace, then name. */
  policies: PolicyRow[];
  traffic: DetailTraffic;
  /** False when the metrics could not be read: rates are then null and the series empty, not zero. */
  trafficKnown: boolean;
  meta: MeshViewMeta;
}

// ---------------------------------------------------------------------------------------------- workload

/** One pod of a workload. */
export interface PodRow {
  name: string;
  /** Null when not scheduled yet. */
  node: string | null;
  ready: boolean;
  /** `Running`, `Pending`…; null when the status has none. */
  phase: string | null;
  /** Null before the pod has an address. */
  ip: string | null;
  dataplane: Dataplane;
  /** Why, in words ("istio-cni reports redirection enabled", "sidecar injected…"). */
  dataplaneReason: string;
}

/** One caller or callee, from the workload graph's edges (L7 and L4 merged). */
export interface PeerRow {
  /** Graph node id: `workload:bookinfo/productpage-v1`, `unknown`, `external:api.stripe.com`. */
  node: string;
  /** Set for workloads of the cluster, so the page can link to them. */
  workload: { namespace: string; name: string } | null;
  layers: ('L7' | 'L4')[];
  /** Node id of the waypoint the calls went through, or null. */
  via: string | null;
  requestsPerSecond: number;
  errorShare: number;
  /** The highest p95 over its L7 edges, ms; null without requests. */
  p95Ms: number | null;
  bytesPerSecond: number | null;
  /** The lowest mTLS share over its edges. */
  mtlsShare: number;
}

/** The workload page. */
export interface WorkloadDetail {
  namespace: string;
  name: string;
  /** `waypoint` and `gateway` for the mesh's own workloads. */
  role: 'workload' | 'waypoint' | 'gateway';
  /** The data plane of its first pod. */
  dataplane: Dataplane;
  /** By name. (When pods cannot be read at all the workload cannot be told from an unknown one: 503.) */
  pods: PodRow[];
  /** `spec.serviceAccountName` of its pods (`default` when unset), each once. */
  serviceAccounts: string[];
  /** `spiffe://cluster.local/ns/<ns>/sa/<sa>`, one per service account. */
  identities: string[];
  /** Services whose selector picks its pods, by name. */
  services: string[];
  waypoint: Pick<EffectiveWaypointRow, 'waypoint' | 'status' | 'from' | 'reason'>;
  /** Mesh -> namespace -> workload, naming the object; null when PeerAuthentications are unreadable. */
  peerAuthentication: (ModeSource & { ports: { port: number; mode: Exclude<MtlsMode, 'UNSET'> }[] }) | null;
  /** AuthorizationPolicies that apply, with where; then the routing objects for its Services. */
  policies: PolicyRow[];
  /** By requests, then bytes. Empty when the metrics could not be read. */
  callers: PeerRow[];
  callees: PeerRow[];
  /** From its inbound traffic, with the graph's thresholds; `unknown` without metrics. */
  health: Health;
  traffic: DetailTraffic;
  trafficKnown: boolean;
  meta: MeshViewMeta;
}
