/**
 * What the traffic engine produces each tick and the telemetry module turns into istio_* series and spans. It says
 * what happened on the wire, not who reports it: deciding which proxy (ztunnel, waypoint, sidecar, gateway) reports
 * which series with which labels is the telemetry module's job (see docs: "Telemetry: who reports what").
 */

/** How a pod's traffic is handled by the mesh. */
export type Dataplane = 'ambient' | 'sidecar' | 'none';

/** A workload as seen on the wire: identity and data plane, resolved from the cluster's objects at tick time. */
export interface Endpoint {
  namespace: string;
  /** The workload name (Deployment/DaemonSet), e.g. `reviews-v2`. */
  workload: string;
  /** `app` label, Istio's canonical service. */
  app: string;
  /** `version` label, Istio's canonical revision (`latest` when absent). */
  version: string;
  serviceAccount: string;
  /** ambient: captured by ztunnel; sidecar: Envoy in the pod; none: outside the mesh. */
  dataplane: Dataplane;
  /** The pod that served or sent it (name and node), for the reporting proxy's scrape labels. */
  pod: { name: string; node: string; ip: string };
}

/** Where a request or connection was refused. */
export type Refusal =
  /** An AuthorizationPolicy enforced by the destination's ztunnel (L4): the connection is closed, no HTTP status. */
  | 'ztunnel-policy'
  /** An AuthorizationPolicy enforced by a waypoint or sidecar (L7): HTTP 403 (`RBAC: access denied`). */
  | 'l7-policy'
  /** PeerAuthentication STRICT at the destination and a plaintext client: the connection is refused. */
  | 'strict-mtls';

/**
 * One kind of outcome of one path in one tick, aggregated: `count` requests (HTTP/gRPC) or connections (TCP) from
 * `source` to `service` that reached `destination` (through `waypoint` if any) and ended the same way.
 */
export interface FlowSample {
  /** The client; null for a client outside the cluster (the internet in front of an ingress gateway). */
  source: Endpoint | null;
  /** The service port called (the destination service of the series). */
  service: { namespace: string; name: string; port: number; protocol: 'http' | 'grpc' | 'tcp' };
  /** The workload that served it; for a refused connection, the one it was meant for. */
  destination: Endpoint;
  /** The waypoint that handled it at L7, or null (L4 only, or sidecar-to-sidecar). */
  waypoint: Endpoint | null;
  /** The hop into the destination was mutual TLS (HBONE, or sidecar mTLS). */
  mtls: boolean;
  /** Requests (http, grpc) or connections (tcp) in this tick. */
  count: number;
  /** HTTP status for http/grpc (e.g. 200, 503, 403); 0 for tcp. */
  responseCode: number;
  /** gRPC status for grpc; absent otherwise. */
  grpcStatus?: number;
  /** Envoy/ztunnel response flags: `-`, `FI` (fault abort), `DI` (fault delay), `UT` (timeout), `URX` (retries
   *  exhausted), `UF` (upstream connect failure), `DENY` (ztunnel policy). */
  responseFlags: string;
  /** Set when the mesh refused it. */
  refusedBy?: Refusal;
  /** Latency of these requests as the client saw it, lognormal between median and p99, in milliseconds. */
  latency: { medianMs: number; p99Ms: number };
  /** Bytes in each direction, summed over `count`. */
  bytes: { sent: number; received: number };
  /** Extra attempts made by retries (requests seen by the destination beyond `count`). */
  retries: number;
}

/** One hop of a sampled request, with the hops it caused. Times in ms since the epoch. */
export interface TraceHop {
  source: Endpoint | null;
  service: FlowSample['service'];
  destination: Endpoint;
  waypoint: Endpoint | null;
  mtls: boolean;
  startMs: number;
  durationMs: number;
  responseCode: number;
  responseFlags: string;
  refusedBy?: Refusal;
  /** Request path and method, for span names and attributes. */
  method: string;
  path: string;
  children: TraceHop[];
}

/** A request followed through the mesh from where it started. */
export interface TraceSample {
  /** 32 lowercase hex characters. */
  traceId: string;
  root: TraceHop;
}

/** One tick of traffic. */
export interface TickTraffic {
  /** End of the tick, ms since the epoch. */
  atMs: number;
  /** Length of the tick in seconds; counts in `flows` are for this span of time. */
  seconds: number;
  flows: FlowSample[];
  /** A few requests followed hop by hop, for spans. */
  traces: TraceSample[];
}
