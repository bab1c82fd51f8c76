/**
 * What the demo mesh's applications do, which Kubernetes objects cannot say: who calls whom, how fast and how
 * reliably each workload answers, and how much traffic enters the mesh. The world module produces it alongside the
 * objects it seeds; the traffic engine reads it every tick.
 */

/** A workload by namespace and name (the Deployment's or DaemonSet's name, which Istio reports as the workload). */
export interface WorkloadKey {
  namespace: string;
  name: string;
}

/** How one workload serves a request, not counting the calls it makes. */
export interface WorkloadBehaviour extends WorkloadKey {
  /** Median time to serve one request itself, in milliseconds. */
  medianMs: number;
  /** 99th percentile of the same, in milliseconds (>= medianMs); latency is lognormal between the two. */
  p99Ms: number;
  /** Share of requests (0..1) that fail on their own with a 500, before any call it makes. */
  errorRate: number;
  /** Bytes of one response (HTTP body, or per connection for TCP). */
  responseBytes: number;
  /** Bytes of one request. */
  requestBytes: number;
}

/** One dependency: every request the caller serves makes `perRequest` calls to a service port. */
export interface ServiceCall {
  from: WorkloadKey;
  to: { namespace: string; service: string; port: number };
  /** Calls per request served (1 = one call each; 0.5 = every other request). */
  perRequest: number;
  /**
   * What a failed call does to the caller's request: `fail` answers 500 itself (a hard dependency), `degrade` still
   * answers 200 (bookinfo's reviews without ratings).
   */
  onError: 'fail' | 'degrade';
  /** Headers the caller sends, for VirtualService header matches (e.g. `{ 'end-user': 'jason' }` on a share). */
  headers?: { values: Record<string, string>; share: number }[];
  /** Request path, for URI matches; `/` when absent. */
  path?: string;
}

/**
 * Traffic that starts on its own: a load generator, or clients outside the cluster sending to an ingress gateway.
 * `from: null` means a client outside the cluster (the ingress gateway's downstream).
 */
export interface TrafficSource {
  from: WorkloadKey | null;
  to: { namespace: string; service: string; port: number };
  /** Requests (or TCP connections) per second. */
  ratePerSecond: number;
  headers?: ServiceCall['headers'];
  path?: string;
}

/** Everything the engine needs besides the cluster's objects. */
export interface MeshBehaviour {
  workloads: WorkloadBehaviour[];
  calls: ServiceCall[];
  sources: TrafficSource[];
}
