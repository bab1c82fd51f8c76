/**
 * What of the service graph a viewer may see (pure). The graph is built from the dashboard's whole watch cache and
 * metrics, so that what is true of the viewer's workloads (their waypoint, their health, their rates) is judged on
 * all of their traffic; what is shown is then cut down to the viewer's namespaces:
 *
 * - a node in a namespace the viewer does not see is dropped, and so is every edge into or out of it;
 * - a node without a namespace (an unknown caller, a destination outside the cluster) stays only while a kept edge
 *   touches it, so that it never hints at traffic between hidden namespaces;
 * - SPIFFE identities of hidden namespaces are dropped from the kept edges;
 * - a namespace asked for that the viewer does not see is reported exactly as an unknown one is.
 *
 * A kept node's own figures (rates, health, effective waypoint) and an edge's `via` stay as computed: they are facts
 * about the viewer's own workloads.
 */
import type { Visibility } from '@/lib/auth/visibility';
import { serviceOfFqdn } from '@/lib/istio/host';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { GraphEdge, GraphNode, GraphResponse } from './types';

/** What replaces a name the viewer may not see (trace spans, senders in findings). */
export const HIDDEN = 'hidden';

const NAMESPACED_ID = /^(?:workload|app|service):([^/]+)\//;

/**
 * The namespace a graph node id names: `workload:bookinfo/reviews-v2` -> `bookinfo` (also `app:` and `service:`
 * ids); an outside destination whose host is a cluster Service's FQDN -> that Service's namespace; null for the
 * unknown node and other outside hosts.
 */
export function namespaceOfNodeId(id: string): string | null {
  const namespaced = NAMESPACED_ID.exec(id);
  if (namespaced) return namespaced[1] ?? null;
  if (id.startsWith('external:')) return serviceOfFqdn(id.slice('external:'.length))?.namespace ?? null;
  return null;
}

/** True unless the node id names a namespace the viewer does not see (ids without one are not hidden). */
export function seesNodeId(visibility: Visibility, id: string): boolean {
  const ns = namespaceOfNodeId(id);
  return ns === null || visibility.seesNamespace(ns);
}

/**
 * True when a row between two nodes may be shown: neither end is hidden and at least one end is in a namespace the
 * viewer sees (traffic between namespace-less ends says nothing about the viewer's workloads).
 */
export function seesEnds(visibility: Visibility, source: string, target: string): boolean {
  if (!seesNodeId(visibility, source) || !seesNodeId(visibility, target)) return false;
  return namespaceOfNodeId(source) !== null || namespaceOfNodeId(target) !== null;
}

const PRINCIPAL = /^(?:spiffe:\/\/)?[^/]+\/ns\/([^/]+)\/sa\/[^/]+$/;

/** The namespace of a SPIFFE identity (`spiffe://cluster.local/ns/bookinfo/sa/reviews` -> `bookinfo`), or null. */
export function namespaceOfPrincipal(principal: string): string | null {
  return PRINCIPAL.exec(principal)?.[1] ?? null;
}

/** True unless the identity names a namespace the viewer does not see. */
export function seesPrincipal(visibility: Visibility, principal: string): boolean {
  const ns = namespaceOfPrincipal(principal);
  return ns === null || visibility.seesNamespace(ns);
}

/** Which namespaces to build the graph for, and the ones asked for that the viewer does not see. */
export interface GraphScope {
  /** What `readGraph` is asked for: `*` stays `*` only for a viewer who sees everything. */
  namespaces: string[] | '*';
  /** Asked for but not seen: answered as `namespace "x" not found`, as unknown namespaces are. */
  unseen: string[];
}

/**
 * The namespaces to read for a request: for a restricted viewer, `*` means the namespaces they see (sorted), and a
 * list loses the ones they do not see.
 */
export function graphScope(asked: string[] | '*', visibility: Visibility): GraphScope {
  if (visibility.all) return { namespaces: asked, unseen: [] };
  if (asked === '*') return { namespaces: [...visibility.namespaces].sort(), unseen: [] };
  return {
    namespaces: asked.filter((ns) => visibility.seesNamespace(ns)),
    unseen: asked.filter((ns) => !visibility.seesNamespace(ns)),
  };
}

/** The error an unknown namespace is reported with (as `readGraph` words it). */
export function namespaceNotFound(name: string): SourceErrorDTO {
  return { source: 'kubernetes', kind: 'not_found', message: `namespace ${JSON.stringify(name)} not found` };
}

/**
 * The errors with a not-found error for each unseen namespace, placed after the Kubernetes errors as `readGraph`
 * places its own, each error listed once.
 */
function withUnseen(errors: readonly SourceErrorDTO[], unseen: readonly string[]): SourceErrorDTO[] {
  const firstOther = errors.findIndex((e) => e.source !== 'kubernetes');
  const at = firstOther === -1 ? errors.length : firstOther;
  const all = [...errors.slice(0, at), ...unseen.map(namespaceNotFound), ...errors.slice(at)];
  return [...new Map(all.map((e) => [JSON.stringify(e), e])).values()];
}

/** A kept edge without the identities of hidden namespaces. */
function visibleEdge(edge: GraphEdge, visibility: Visibility): GraphEdge {
  const sees = (p: string): boolean => seesPrincipal(visibility, p);
  if (edge.sourcePrincipals.every(sees) && edge.destinationPrincipals.every(sees)) return edge;
  return {
    ...edge,
    sourcePrincipals: edge.sourcePrincipals.filter(sees),
    destinationPrincipals: edge.destinationPrincipals.filter(sees),
  };
}

/**
 * The graph as the viewer may see it (see the module comment). `asked` is the request's `namespaces`, reported
 * back in `meta` as asked; `unseen` comes from {@link graphScope}. A viewer who sees everything gets `graph` itself.
 */
export function visibleGraph(
  graph: GraphResponse,
  visibility: Visibility,
  scope: { asked: string[] | '*'; unseen: readonly string[] },
): GraphResponse {
  if (visibility.all) return graph;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const hidden = (n: GraphNode | undefined): boolean =>
    n !== undefined && n.namespace !== '' && !visibility.seesNamespace(n.namespace);
  const endSeen = (id: string): boolean => !hidden(byId.get(id)) && seesNodeId(visibility, id);
  const namespaced = (id: string): boolean => (byId.get(id)?.namespace ?? '') !== '';
  const edges = graph.edges
    .filter((e) => endSeen(e.source) && endSeen(e.target) && (namespaced(e.source) || namespaced(e.target)))
    .map((e) => visibleEdge(e, visibility));
  const touched = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = graph.nodes.filter((n) =>
    n.namespace === '' ? touched.has(n.id) && seesNodeId(visibility, n.id) : !hidden(n),
  );
  return {
    nodes,
    edges,
    errors: withUnseen(graph.errors, scope.unseen),
    meta: { ...graph.meta, namespaces: scope.asked },
  };
}

/** Why a viewer may not read an edge's series: it names a namespace they do not see (null when they see both). */
export function edgeRefusal(
  edge: { sourceNamespace: string; destinationNamespace: string },
  visibility: Visibility,
): string | null {
  return visibility.seesNamespace(edge.sourceNamespace) && visibility.seesNamespace(edge.destinationNamespace)
    ? null
    : 'this edge names a namespace you may not see';
}
