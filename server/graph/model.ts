/**
 * The model the graph pipeline's steps pass along (see `build-graph.ts` for the order): traffic records read from
 * the fixed queries, logical traffic edges between workloads after de-duplication, and the graph of the requested
 * type that the enrichers complete. Pure types.
 */
import type { GraphEdge, GraphNode, Health } from '@/lib/graph/types';

/**
 * The name of one of the fixed reads (see `queries.ts`), which is also what its values measure: requests/s,
 * bytes/s (`bytes` both directions in one read; `sentBytes` the response direction, `receivedBytes` the request
 * direction), connections/s closed or opened, or a latency percentile in ms.
 */
export type TrafficMetric =
  | 'requests'
  | 'bytes'
  | 'sentBytes'
  | 'receivedBytes'
  | 'closedConnections'
  | 'openedConnections'
  | 'latencyP50'
  | 'latencyP95'
  | 'latencyP99';

/** One end of a series as the telemetry names it; `unknown` where the reporter could not tell. */
export interface Peer {
  /** `namespace/workload`, the workload's key. */
  key: string;
  workload: string;
  namespace: string;
  /** Istio's canonical service (the `app` label, else the workload name). */
  app: string;
  /** The `version` label. */
  version: string;
  /** SPIFFE identity, or `unknown`. */
  principal: string;
}

/** The destination service of a series: `destination_service` (a host) with its name and namespace. */
export interface ServiceRef {
  host: string;
  name: string;
  namespace: string;
}

/** One sample of one fixed read, its labels read into fields. */
export interface TrafficRecord {
  metric: TrafficMetric;
  /** `source`, `destination` or `waypoint`. */
  reporter: string;
  source: Peer;
  destination: Peer;
  service: ServiceRef;
  protocol: GraphEdge['protocol'];
  /** HTTP status, `""` for TCP series. */
  responseCode: string;
  /** gRPC status, `""` when not gRPC. */
  grpcStatus: string;
  responseFlags: string;
  /** `connection_security_policy`: `mutual_tls`, `none` or `unknown`. */
  security: string;
  /** Per second for rates (requests, bytes, connections); milliseconds for latencies; may be NaN. */
  value: number;
}

/** What an edge carried over the window, in sums that merge by addition. Rates are per second. */
export interface EdgeTotals {
  /** L7 requests per second, and by response code. */
  requests: number;
  responseCodes: Record<string, number>;
  /** Requests per second with a failing gRPC status and a response code that is not failing already. */
  grpcErrors: number;
  /** Requests per second seen over mutual TLS. */
  mtlsRequests: number;
  /** Bytes per second both ways, null when no TCP series was seen. */
  bytes: number | null;
  mtlsBytes: number;
  /**
   * Connections per second (closed, over the window: ztunnel records refusals at the close; opened, over the
   * recent sub-window: the connections made since), those refused by ztunnel (`DENY`), and those over mutual TLS.
   */
  connections: number;
  denied: number;
  mtlsConnections: number;
  sourcePrincipals: Set<string>;
  destinationPrincipals: Set<string>;
  /** Latency percentiles in ms times the requests they describe, and those requests (for weighted means). */
  latency: { p50: number; p95: number; p99: number; weight: number } | null;
}

/** A logical edge between two workloads (or an unknown caller, a service, an external host), de-duplicated. */
export interface TrafficEdge {
  source: Peer;
  destination: Peer;
  service: ServiceRef;
  protocol: GraphEdge['protocol'];
  layer: GraphEdge['layer'];
  /** The waypoint workload (`namespace/name`) the traffic passed through, or null. */
  via: string | null;
  /** The reporter whose series the numbers come from. */
  reporter: string;
  totals: EdgeTotals;
  /** What the same logical edge carried in the recent sub-window, when one was read and it had traffic there. */
  recent: EdgeTotals | null;
}

/** Caller, callee, Service, protocol and layer: what makes a logical edge one (see `deduplicate.ts`). */
export function trafficEdgeKey(
  e: Pick<TrafficEdge, 'source' | 'destination' | 'service' | 'protocol' | 'layer'>,
): string {
  return `${e.source.key}|${e.destination.key}|${e.service.host}|${e.protocol}|${e.layer}`;
}

/** A node while the enrichers complete it: the DTO plus what it stands for in the cluster. */
export interface NodeDraft extends GraphNode {
  /** Workloads (`namespace/name`) the node stands for. */
  workloads: Set<string>;
  /** Services (`namespace/name`) the node stands for or that select its workloads. */
  services: Set<string>;
}

/** An edge while the enrichers complete it. */
export interface EdgeDraft {
  id: string;
  source: string;
  target: string;
  protocol: GraphEdge['protocol'];
  layer: GraphEdge['layer'];
  via: string | null;
  totals: EdgeTotals;
  /** The recent sub-window's totals of the edges merged into it; null when none had any. */
  recent: EdgeTotals | null;
  health: Health;
}

/** The graph of the requested type, keyed by id. */
export interface GraphModel {
  nodes: Map<string, NodeDraft>;
  edges: Map<string, EdgeDraft>;
}

/** Empty totals, to add records or other totals to. */
export function emptyTotals(): EdgeTotals {
  return {
    requests: 0,
    responseCodes: {},
    grpcErrors: 0,
    mtlsRequests: 0,
    bytes: null,
    mtlsBytes: 0,
    connections: 0,
    denied: 0,
    mtlsConnections: 0,
    sourcePrincipals: new Set(),
    destinationPrincipals: new Set(),
    latency: null,
  };
}

/** A copy of `totals` that can be added to without touching the original. */
export function copyTotals(totals: EdgeTotals): EdgeTotals {
  const copy = emptyTotals();
  addTotals(copy, totals);
  return copy;
}

/** Adds `from` into `into` (sums, unions, weighted latency). */
export function addTotals(into: EdgeTotals, from: EdgeTotals): void {
  into.requests += from.requests;
  for (const [code, rate] of Object.entries(from.responseCodes)) {
    into.responseCodes[code] = (into.responseCodes[code] ?? 0) + rate;
  }
  into.grpcErrors += from.grpcErrors;
  into.mtlsRequests += from.mtlsRequests;
  if (from.bytes !== null) into.bytes = (into.bytes ?? 0) + from.bytes;
  into.mtlsBytes += from.mtlsBytes;
  into.connections += from.connections;
  into.denied += from.denied;
  into.mtlsConnections += from.mtlsConnections;
  for (const p of from.sourcePrincipals) into.sourcePrincipals.add(p);
  for (const p of from.destinationPrincipals) into.destinationPrincipals.add(p);
  if (from.latency !== null) {
    const l = (into.latency ??= { p50: 0, p95: 0, p99: 0, weight: 0 });
    l.p50 += from.latency.p50;
    l.p95 += from.latency.p95;
    l.p99 += from.latency.p99;
    l.weight += from.latency.weight;
  }
}

/**
 * Share 0..1 of the traffic seen over mutual TLS: of requests for L7 edges that had some, else of closed
 * connections, else of bytes (a long-lived connection closes outside the window); 0 when nothing was seen.
 */
export function mtlsShare(totals: EdgeTotals, layer: GraphEdge['layer']): number {
  if (layer === 'L7' && totals.requests > 0) return totals.mtlsRequests / totals.requests;
  return l4MtlsShare(totals) ?? 0;
}

/** Share of closed connections, else of bytes, over mutual TLS; null without TCP telemetry. */
export function l4MtlsShare(totals: EdgeTotals): number | null {
  if (totals.connections > 0) return totals.mtlsConnections / totals.connections;
  if (totals.bytes !== null && totals.bytes > 0) return totals.mtlsBytes / totals.bytes;
  return null;
}

/** `namespace/name`, the key of workloads and services throughout the pipeline. */
export function keyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Appends `value` to the list under `key`, creating it. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What Istio writes for a value it does not know. */
export const UNKNOWN = 'unknown';
