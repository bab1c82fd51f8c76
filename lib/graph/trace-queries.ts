/**
 * From the graph to the traces page: the TraceQL that finds the error traces and the slow traces of an edge or a
 * node. Which spans name a hop depends on who traces it (docs/traces-api.md, "From the graph"):
 * - through a waypoint, the waypoint's spans carry both ends (`istio.source_workload`,
 *   `istio.destination_workload`);
 * - from a sidecar or a gateway, the caller's client span (its service name, its revision, and the upstream
 *   cluster naming the callee's Service);
 * - into a sidecar, the callee's server span;
 * - ztunnel makes no spans, so ambient traffic without a waypoint, and TCP everywhere, leave no trace.
 * Every value is quoted with `traceqlString`; names inside a regex are regex-escaped first.
 */
import { traceqlDuration, traceqlString } from '@/lib/traces/traceql';
import type { GraphEdge, GraphNode } from './types';
import type { DrawnEdge } from './view';

/** The two searches offered for a graph element, or why there are none. */
export type TraceQueries =
  | {
      /** Failed requests of the hop (`status = error`). */
      errors: string;
      /** Requests slower than the hop's p95; null when the hop has no latency figure. */
      slow: string | null;
      /** The p95 the slow search starts at, in ms; null when there is none. */
      slowAboveMs: number | null;
    }
  | { unavailable: string };

/** Why a hop without an Envoy on it cannot be traced. */
export const NO_ENVOY =
  'No traces: ztunnel makes no spans, and neither end has a sidecar or a waypoint. Add a waypoint to trace these calls.';
/** Why TCP traffic cannot be traced. */
export const TCP_NOT_TRACED = 'No traces: TCP connections are not traced, only HTTP and gRPC requests are.';

const q = traceqlString;

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Istio's tracing service name of a node: `<canonical service>.<namespace>`. */
function serviceName(node: GraphNode): string {
  return `${node.app ?? node.name}.${node.namespace}`;
}

function traces(node: GraphNode | undefined): node is GraphNode {
  return node !== undefined && (node.dataplane === 'sidecar' || node.kind === 'gateway');
}

function named(node: GraphNode | undefined): node is GraphNode {
  return node !== undefined && node.kind !== 'unknown' && node.kind !== 'external' && node.namespace !== '';
}

/** The proxy's own spans: its service name, and its revision when the node has one. */
function ownSpans(node: GraphNode, kind: 'client' | 'server'): string[] {
  const conditions = [`resource.service.name = ${q(serviceName(node))}`, `kind = ${kind}`];
  if (node.version !== null) conditions.push(`span.istio.canonical_revision = ${q(node.version)}`);
  return conditions;
}

function waypointEnd(end: 'source' | 'destination', node: GraphNode): string[] {
  return [
    `span.istio.${end}_workload = ${q(node.name)}`,
    `span.istio.${end}_namespace = ${q(node.namespace)}`,
  ];
}

/** The conditions one span of the hop satisfies, or why no span does. */
function hopConditions(
  edge: GraphEdge,
  source: GraphNode | undefined,
  target: GraphNode | undefined,
  part: 'whole' | 'into-waypoint' | 'from-waypoint',
): string[] | { unavailable: string } {
  if (edge.protocol === 'tcp') return { unavailable: TCP_NOT_TRACED };
  if (edge.via !== null) {
    const conditions: string[] = [];
    if (part !== 'from-waypoint' && named(source) && source.kind !== 'waypoint')
      conditions.push(...waypointEnd('source', source));
    if (part !== 'into-waypoint' && named(target)) conditions.push(...waypointEnd('destination', target));
    return conditions.length > 0 ? conditions : { unavailable: NO_ENVOY };
  }
  if (traces(source) && named(target)) {
    const host = `${regexEscape(target.app ?? target.name)}\\.${regexEscape(target.namespace)}\\.svc\\..*`;
    return [
      ...ownSpans(source, 'client'),
      `span.upstream_cluster =~ ${q(`outbound\\|\\d+\\|[^|]*\\|${host}`)}`,
    ];
  }
  if (target !== undefined && target.dataplane === 'sidecar' && named(target))
    return ownSpans(target, 'server');
  return { unavailable: NO_ENVOY };
}

function spanSet(conditions: readonly string[]): string {
  return `{ ${conditions.join(' && ')} }`;
}

function searches(conditions: readonly string[], p95: number | null | undefined): TraceQueries {
  const slowAboveMs = p95 !== null && p95 !== undefined && p95 > 0 ? p95 : null;
  return {
    errors: spanSet([...conditions, 'status = error']),
    slow:
      slowAboveMs === null
        ? null
        : spanSet([...conditions, `duration > ${traceqlDuration(Math.round(slowAboveMs * 1000) / 1000)}`]),
    slowAboveMs,
  };
}

/**
 * The error and slow searches of one logical edge. `part` narrows a drawn waypoint segment to its half: the
 * caller -> waypoint segment matches the caller only, the waypoint -> callee segment the callee only.
 */
export function edgeTraceQueries(
  edge: GraphEdge,
  nodes: ReadonlyMap<string, GraphNode>,
  part: 'whole' | 'into-waypoint' | 'from-waypoint' = 'whole',
): TraceQueries {
  const conditions = hopConditions(edge, nodes.get(edge.source), nodes.get(edge.target), part);
  if (!Array.isArray(conditions)) return conditions;
  return searches(conditions, edge.latencyMs?.p95);
}

/**
 * The error and slow searches of a node: the requests it served, seen by the waypoint in front of it or by its
 * own sidecar (or the gateway's own spans). `slowAboveMs` is the p95 of its slowest incoming L7 edge, if any.
 */
export function nodeTraceQueries(node: GraphNode, slowAboveMs: number | null): TraceQueries {
  if (!named(node)) return { unavailable: 'No traces: this caller has no name to search for.' };
  const own = (kind: 'client' | 'server'): string => `(${ownSpans(node, kind).join(' && ')})`;
  const ends: string[] = [];
  if (node.kind === 'waypoint') ends.push(`resource.service.name = ${q(serviceName(node))}`);
  else {
    if (node.waypoint !== null) ends.push(`(${waypointEnd('destination', node).join(' && ')})`);
    if (node.kind === 'gateway') ends.push(own('client'));
    else if (node.dataplane === 'sidecar') ends.push(own('server'));
  }
  if (ends.length === 0) return { unavailable: NO_ENVOY };
  return searches([ends.length === 1 ? (ends[0] ?? '') : `(${ends.join(' || ')})`], slowAboveMs);
}

/**
 * The searches of an edge as drawn: a direct edge is its one logical edge; a waypoint segment is the half of its
 * calls on its side of the waypoint (all of a segment's calls share that end), with the segment's own p95.
 */
export function drawnEdgeTraceQueries(edge: DrawnEdge, nodes: ReadonlyMap<string, GraphNode>): TraceQueries {
  const first = edge.carries[0];
  if (first === undefined) return { unavailable: NO_ENVOY };
  const part = !edge.segment
    ? 'whole'
    : nodes.get(edge.target)?.kind === 'waypoint'
      ? 'into-waypoint'
      : 'from-waypoint';
  return edgeTraceQueries({ ...first, latencyMs: edge.latencyMs }, nodes, part);
}
