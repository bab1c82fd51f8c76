/**
 * The request a route is chosen for, and the decision: where it goes (a distribution over Services and subsets)
 * and the fault, retry and timeout settings of the route that matched.
 */
import { type KubeObject } from '@/lib/kube/object';
import { type ServiceRef } from './host';
import { type Labels } from './selector';

/** An HTTP request addressed to a Service port. */
export interface RouteRequest {
  service: ServiceRef;
  port: number;
  method: string;
  /** Path with an optional `?query`. */
  path: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /**
   * The client's labels and namespace, for `sourceLabels`/`sourceNamespace` matches; null where Istio ignores them
   * (waypoints silently ignore `sourceLabels`, so such a match applies to every client there).
   */
  source: { labels: Labels; namespace: string } | null;
}

/** One place the request may go, with its share of the requests. */
export interface RouteDestination {
  service: ServiceRef;
  /** The Service port asked for by the route, when it names one. */
  port?: number;
  /** The DestinationRule subset named by the route. */
  subset?: string;
  /** The subset's labels (endpoints must carry them all); null for every endpoint of the Service. */
  subsetLabels: Labels | null;
  /** True when `subset` is named but no DestinationRule for the host defines it (Envoy: no cluster, 503 NC). */
  missingSubset: boolean;
  /** Share of the requests, 0..1; the shares of one decision sum to 1. */
  share: number;
}

/** `fault` of the matched route, with percentages turned into shares (0..1). */
export interface FaultSettings {
  abort?: { httpStatus: number; share: number };
  delay?: { delayMs: number; share: number };
}

/** `retries` of the matched route. */
export interface RetrySettings {
  /** Extra attempts after the first. */
  attempts: number;
  perTryTimeoutMs?: number;
  /** Envoy retry conditions (`5xx`, `gateway-error`, `connect-failure`, `retriable-status-codes`, or codes). */
  retryOn: string[];
}

/** Which object decided the route. */
export type RouteSource = { kind: 'VirtualService' | 'HTTPRoute'; namespace: string; name: string };

/**
 * The route for a request: `default` (no VirtualService or HTTPRoute: the Service itself), `virtual-service` or
 * `http-route`, or `no-route` (one exists for the host but no route matches: Envoy answers 404 NR).
 */
export interface RouteDecision {
  kind: 'default' | 'virtual-service' | 'http-route' | 'no-route';
  source?: RouteSource;
  /** Index of the matched `http[]` route or HTTPRoute rule. */
  routeIndex?: number;
  destinations: RouteDestination[];
  fault: FaultSettings | null;
  retries: RetrySettings | null;
  timeoutMs: number | null;
  /** For people: "bookinfo/reviews http[0]", "no VirtualService or HTTPRoute for the host"… */
  reason: string;
}

/** The routing objects to choose from. */
export interface RoutingCatalog {
  virtualServices: readonly KubeObject[];
  httpRoutes: readonly KubeObject[];
  destinationRules: readonly KubeObject[];
}

/** The decision when a VirtualService or HTTPRoute exists for the host but none of its routes matches (404 NR). */
export function noRoute(source: RouteSource, reason: string): RouteDecision {
  return { kind: 'no-route', source, destinations: [], fault: null, retries: null, timeoutMs: null, reason };
}
