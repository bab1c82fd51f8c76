/**
 * A trace drawn on the service graph: which nodes and edges its calls went through. The calls come from
 * `traceCalls` (lib/traces/hops.ts); this module finds them in a graph answer of any graph type.
 */
import type { HopEnd, TraceCall } from '@/lib/traces/hops';
import type { GraphEdge, GraphNode, GraphResponse } from './types';

/** The part of the graph a trace went through. */
export interface TracePath {
  /** Node ids on the path (callers, callees and the waypoints between them). */
  nodes: Set<string>;
  /** Logical edge ids (`GraphEdge.id`) the calls travelled. */
  edges: Set<string>;
  /** Ids of logical edges whose call failed. */
  failedEdges: Set<string>;
  /** Calls that could not be found in the graph (outside the window or the namespaces shown). */
  missing: TraceCall[];
}

const NAMED_KINDS = new Set<GraphNode['kind']>(['workload', 'gateway', 'waypoint']);

/**
 * The graph's node for a call's end. Workload names win (workload graph); then the app and version, the app
 * alone (app graph), and a Service named like the app (service graph). Null when the graph has none.
 */
export function nodeFor(end: HopEnd, nodes: readonly GraphNode[]): GraphNode | null {
  const here = nodes.filter((n) => n.namespace === end.namespace);
  const tests: ((n: GraphNode) => boolean)[] = [
    (n) => end.workload !== null && NAMED_KINDS.has(n.kind) && n.name === end.workload,
    (n) => end.app !== null && end.version !== null && n.app === end.app && n.version === end.version,
    (n) => end.app !== null && n.kind === 'app' && n.app === end.app,
    (n) => end.app !== null && n.kind === 'service' && n.name === end.app,
    (n) => end.workload === null && end.app !== null && n.app === end.app,
  ];
  for (const test of tests) {
    const found = here.find(test);
    if (found) return found;
  }
  return null;
}

function waypointFor(call: TraceCall, nodes: readonly GraphNode[]): GraphNode | null {
  const { waypoint } = call;
  if (!waypoint) return null;
  return (
    nodes.find(
      (n) =>
        n.kind === 'waypoint' &&
        n.namespace === waypoint.namespace &&
        (waypoint.name === null || n.name === waypoint.name),
    ) ?? null
  );
}

/**
 * Finds a trace's calls in a graph: for each call, the edges from its caller's node to its callee's node (any
 * protocol or layer), the nodes at both ends and the waypoint it passed. A call whose caller is unknown marks its
 * callee only. A call whose callee is not in the graph is listed in `missing`.
 */
export function tracePath(calls: readonly TraceCall[], graph: GraphResponse): TracePath {
  const path: TracePath = { nodes: new Set(), edges: new Set(), failedEdges: new Set(), missing: [] };
  const byEnds = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const key = `${edge.source} ${edge.target}`;
    byEnds.set(key, [...(byEnds.get(key) ?? []), edge]);
  }
  for (const call of calls) {
    const to = nodeFor(call.to, graph.nodes);
    if (!to) {
      path.missing.push(call);
      continue;
    }
    path.nodes.add(to.id);
    const waypoint = waypointFor(call, graph.nodes);
    if (waypoint) path.nodes.add(waypoint.id);
    const from = call.from ? nodeFor(call.from, graph.nodes) : null;
    if (!from || from.id === to.id) continue;
    path.nodes.add(from.id);
    const edges = byEnds.get(`${from.id} ${to.id}`) ?? [];
    if (edges.length === 0) path.missing.push(call);
    for (const edge of edges) {
      path.edges.add(edge.id);
      if (call.error) path.failedEdges.add(edge.id);
    }
  }
  return path;
}
