/**
 * Numbers the engine needs that no object or behaviour gives: how long local replies take, what their bodies weigh,
 * which gRPC status an HTTP status becomes, and what a workload without behaviour does. Tables, not branches.
 */
import type { WorkloadBehaviour } from '../model/behaviour';
import { fromQuantiles, type Moments } from './latency';

/** The time a proxy takes to answer on its own (a refusal, a 403, an abort, a missing route). */
export const LOCAL_REPLY_LATENCY: Moments = fromQuantiles(0.3, 2);

/** The time a waypoint adds to a request it forwards (one extra Envoy hop). */
export const WAYPOINT_LATENCY: Moments = fromQuantiles(0.4, 2.5);

/** Bytes of the body Envoy sends with its own replies, by response flag (`-` for a 403 from RBAC). */
export const LOCAL_REPLY_BYTES: Record<string, number> = {
  '-': 19, // RBAC: access denied
  FI: 18, // fault filter abort
  UH: 19, // no healthy upstream
  NR: 0,
  NC: 0,
  UT: 24, // upstream request timeout
  UF: 91, // upstream connect error or disconnect/reset before headers
  DENY: 0,
};

/**
 * The gRPC status an Envoy gives a gRPC request answered with an HTTP status (Envoy's local-reply mapping);
 * anything else is 2 (UNKNOWN).
 */
export const GRPC_STATUS_OF_HTTP: Record<number, number> = {
  200: 0,
  400: 13,
  401: 16,
  403: 7,
  404: 12,
  429: 14,
  500: 13,
  502: 14,
  503: 14,
  504: 14,
};

/** The gRPC status of an HTTP status. */
export function grpcStatusOf(httpStatus: number): number {
  return GRPC_STATUS_OF_HTTP[httpStatus] ?? 2;
}

/** What a workload does when the behaviour does not describe it (waypoints, system pods, new deployments). */
export const DEFAULT_BEHAVIOUR: Omit<WorkloadBehaviour, 'namespace' | 'name'> = {
  medianMs: 2,
  p99Ms: 10,
  errorRate: 0,
  requestBytes: 300,
  responseBytes: 1_000,
};

/** The HTTP method of every demo request (the behaviour model has no methods). */
export const DEMO_METHOD = 'GET';

/** Sampled traces per TrafficSource and tick, at most, and in all. */
export const TRACE_LIMITS = { perSource: 3, perTick: 48, hopsPerTrace: 200, depth: 16 } as const;
