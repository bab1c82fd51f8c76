/**
 * The Mesh page's two answers: `GET /api/mesh/waypoints` (`DataResponse<WaypointsView>`) and `GET /api/mesh/mtls`
 * (`DataResponse<MtlsView>`). Pure types, safe in the browser. Rates are per second over the window; shares are
 * 0..1.
 */
import type { GraphEdge } from '@/lib/graph/types';
import type {
  Dataplane,
  MtlsMode,
  WaypointStatus,
  WaypointTrafficType,
  WaypointTrafficTypeSource,
} from '@/lib/istio';
import type { NamespaceMode } from './types';

/** How an answer was made. */
export interface MeshViewMeta {
  /** Length of the window the rates are averaged over, in seconds. */
  windowSeconds: number;
  /** End of the window, ISO-8601. */
  end: string;
  /** Metric queries issued (the graph's fixed reads; 0 when there is no metrics source). */
  queries: number;
  /** Time the server took, in milliseconds. */
  durationMs: number;
}

/** A status condition as Kubernetes writes it; `status` is `True`, `False` or `Unknown`. */
export interface ConditionView {
  status: string;
  reason: string | null;
  message: string | null;
}

/** `namespace/name` of a waypoint Gateway, as two fields. */
export interface WaypointName {
  namespace: string;
  name: string;
}

// ---------------------------------------------------------------------------------------------- waypoints

/** Every waypoint Gateway, what is bound to it, and the effective waypoint of everything that could use one. */
export interface WaypointsView {
  /** Gateways of the waypoint class, by namespace then name. */
  waypoints: WaypointCard[];
  /** Namespaces that use waypoints (a label asks for one, or one lives there), by name. */
  namespaces: NamespaceWaypoints[];
  /** Namespaces with captured pods where nothing asks for a waypoint: L4 only, by name. */
  withoutWaypoint: string[];
  meta: MeshViewMeta;
}

/** One waypoint Gateway, as `istioctl waypoint list` shows it and more. */
export interface WaypointCard extends WaypointName {
  /** `istio.io/waypoint-for`: the Gateway's label, else its GatewayClass's, else `service`. */
  waypointFor: WaypointTrafficType;
  /** Whether `waypointFor` was set on the Gateway, on its GatewayClass, or is the default. */
  waypointForFrom: WaypointTrafficTypeSource;
  /** The Gateway's `Programmed` condition; null when it has none yet. */
  programmed: ConditionView | null;
  /** Ready and desired replicas of its Deployment; null when no Deployment was found (or none could be read). */
  replicas: { ready: number; desired: number } | null;
  /** The `istio.io/rev` label; `default` when absent (as istioctl shows it). */
  revision: string;
  /** Objects whose own labels name this waypoint (namespaces, services, service entries, workloads). */
  bindings: WaypointBinding[];
  /** How many Services (and ServiceEntries) and workloads it effectively serves, labels resolved. */
  serves: { services: number; workloads: number };
  /** What came through it over the window (graph edges whose `via` is it); null when metrics are unavailable. */
  traffic: WaypointTraffic | null;
  /** What is wrong, one sentence each; empty when nothing is. */
  problems: string[];
}

/** What a binding is. `workload`: pods of one workload carrying the label. */
export type BindingKind = 'namespace' | 'service' | 'serviceentry' | 'workload';

/** An object bound to a waypoint by its own `istio.io/use-waypoint` label. */
export interface WaypointBinding {
  kind: BindingKind;
  /** The object's namespace (the namespace's own name for `namespace`). */
  namespace: string;
  name: string;
  /** The labels that bind it, as written: `istio.io/use-waypoint=waypoint[, istio.io/use-waypoint-namespace=…]`. */
  label: string;
  /** Workloads: the pods carrying the label. */
  pods?: number;
  /** False when the waypoint ignores it (it does not serve this kind of traffic). */
  effective: boolean;
  /** In words: `bound`, or why it is ignored ("ignored: this waypoint serves services only"). */
  reason: string;
}

/** Traffic through a waypoint, each call counted once (the graph's de-duplication). */
export interface WaypointTraffic {
  /** L7 requests per second. */
  requestsPerSecond: number;
  /** Share of those requests that failed (5xx, no response, failing gRPC status). */
  errorShare: number;
  /** Bytes per second both ways (TCP telemetry); null when none was seen. */
  bytesPerSecond: number | null;
  /** Calls (caller -> callee edges) it carried. */
  calls: number;
  /** The busiest calls, at most ten, by requests then bytes. */
  topCalls: WaypointCall[];
}

/** One call a waypoint carried. Ends are graph node ids (`workload:bookinfo/reviews-v2`, `unknown`). */
export interface WaypointCall {
  source: string;
  target: string;
  protocol: GraphEdge['protocol'];
  requestsPerSecond: number;
  errorRate: number;
  bytesPerSecond: number | null;
}

/** The effective waypoints of one namespace. */
export interface NamespaceWaypoints {
  namespace: string;
  /** The namespace's own `istio.io/use-waypoint` (`none` included); null when absent. */
  label: string | null;
  /** Services and ServiceEntries, by name. */
  services: EffectiveWaypointRow[];
  /** Application workloads (pods grouped by their controller), by name. */
  workloads: EffectiveWaypointRow[];
}

/** How the resolution of one row ended: `lib/istio`'s statuses, plus pods ztunnel does not capture. */
export type EffectiveWaypointStatus = WaypointStatus | 'not-captured';

/** The effective waypoint of one Service, ServiceEntry or workload, with the reason in words. */
export interface EffectiveWaypointRow {
  kind: 'service' | 'serviceentry' | 'workload';
  namespace: string;
  name: string;
  /** The waypoint its traffic goes through, or null. */
  waypoint: WaypointName | null;
  status: EffectiveWaypointStatus;
  /** Whose label decided: the object's own, its namespace's, or none. */
  from: 'object' | 'namespace' | null;
  /** "bookinfo/waypoint, inherited from namespace", "opted out with none", "ignored: this waypoint serves …". */
  reason: string;
  /** Workloads: their data plane (a waypoint serves captured pods only). */
  dataplane?: Dataplane;
  /** Workloads: the Services selecting them, through which service-addressed traffic reaches them. */
  services?: string[];
  /** Services and ServiceEntries: Istio's `istio.io/WaypointBound` condition, when istiod wrote one. */
  bound?: ConditionView | null;
}

// ---------------------------------------------------------------------------------------------- mTLS

/** A mode a PeerAuthentication can put in effect (never UNSET). */
export type EffectiveMode = Exclude<MtlsMode, 'UNSET'>;

/** The effective PeerAuthentication, mesh -> namespace -> workload, and the object it comes from. */
export interface ModeSource {
  mode: EffectiveMode;
  level: 'default' | 'mesh' | 'namespace' | 'workload';
  /** `namespace/name` of the policy; null for the default. */
  policy: string | null;
  /** "mesh default (istio-system/default)", "namespace policy payments/strict", "no policy: PERMISSIVE by default". */
  text: string;
}

/** Every namespace's and workload's mode, what the traffic showed, and what to do about it. */
export interface MtlsView {
  /** Every namespace, by name. */
  namespaces: NamespaceMtls[];
  /** Application workloads, by namespace then name. */
  workloads: WorkloadMtls[];
  /** Caller -> callee pairs (L7 and L4 layers merged), least mTLS first, then the busiest. */
  edges: MtlsEdge[];
  /** The edges that carried some plaintext, with who sent it. */
  plaintext: PlaintextEdge[];
  /** SPIFFE identities seen on the edges, by name. */
  principals: PrincipalSeen[];
  /** What to look at, warnings first. */
  findings: MtlsFinding[];
  /** False when the metrics could not be read: edges, shares and traffic findings are then empty, not zero. */
  trafficKnown: boolean;
  /** False when PeerAuthentications could not be read: modes are then shown as the default, and not judged. */
  policiesKnown: boolean;
  meta: MeshViewMeta;
}

/** One namespace's mode (workload-level policies aside) and its inbound traffic. */
export interface NamespaceMtls extends ModeSource {
  namespace: string;
  /** How its application pods are in the mesh; PeerAuthentication only matters for `ambient` and `sidecar`. */
  dataplane: NamespaceMode;
  /** Policies with a selector in the namespace, which may set another mode for some workloads. */
  workloadPolicies: number;
  /** Share of inbound traffic seen over mTLS (the lowest over its edges); null when nothing came in. */
  inboundMtls: number | null;
}

/** One workload's mode, with port-level overrides. */
export interface WorkloadMtls extends ModeSource {
  namespace: string;
  name: string;
  dataplane: Dataplane;
  /** Port-level modes of its workload policy, by target port. */
  ports: { port: number; mode: EffectiveMode }[];
  /** Share of inbound traffic seen over mTLS (the lowest over its edges); null when nothing came in. */
  inboundMtls: number | null;
}

/** One caller -> callee pair. Ends are graph node ids; `unknown` is a caller the telemetry could not name. */
export interface MtlsEdge {
  source: string;
  target: string;
  /** The layers seen: `L7` (requests, from a waypoint or sidecar) and/or `L4` (connections). */
  layers: GraphEdge['layer'][];
  protocol: GraphEdge['protocol'];
  /** Node id of the waypoint it went through, or null. */
  via: string | null;
  requestsPerSecond: number;
  /** Bytes per second both ways; null without TCP telemetry. */
  bytesPerSecond: number | null;
  /** Connections per second refused (response code `0`: ztunnel's DENY). */
  refusedPerSecond: number;
  /** Share seen with `mutual_tls`: the lowest of its layers'. */
  mtlsShare: number;
  sourcePrincipals: string[];
  destinationPrincipals: string[];
  /** The callee's effective mode; null when it is not a workload of the cluster or not in the mesh. */
  destinationMode: EffectiveMode | null;
}

/** An edge that carried plaintext, and who sent it. */
export interface PlaintextEdge {
  /** `outside/client`, or "unknown (outside the mesh)" for a caller the telemetry could not name. */
  sender: string;
  source: string;
  target: string;
  /** `payments/api-v1`, or the callee's node id when it is not a workload. */
  receiver: string;
  /** Share of the edge's traffic that was plaintext. */
  plaintextShare: number;
  requestsPerSecond: number;
  bytesPerSecond: number | null;
  refusedPerSecond: number;
  destinationMode: EffectiveMode | null;
  /** `accepted`, `refused` (all of it), or `partly refused`. */
  outcome: 'accepted' | 'refused' | 'partly refused';
}

/** A SPIFFE identity seen on the edges. */
export interface PrincipalSeen {
  principal: string;
  /** Seen as a caller, as a callee, or both. */
  as: ('source' | 'destination')[];
  /** Edges it was seen on. */
  edges: number;
}

/** What a finding is about. */
export type MtlsFindingCode =
  'strict-refusing-plaintext' | 'permissive-all-mtls' | 'permissive-plaintext' | 'disable';

/** One thing to look at. */
export interface MtlsFinding {
  code: MtlsFindingCode;
  /** `warning`: plaintext flows or is refused, or mTLS is disabled; `info`: a safe improvement. */
  severity: 'warning' | 'info';
  /** `namespace/name` of a workload, or a namespace's name. */
  subject: string;
  scope: 'namespace' | 'workload';
  /** One sentence, starting with the rule: "PERMISSIVE while all traffic is already mTLS: safe to make STRICT". */
  message: string;
}
