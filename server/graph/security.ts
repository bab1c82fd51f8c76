/**
 * Step 2b: the mTLS share and identities of L7 edges whose reporter cannot tell them. A client-side Envoy (a
 * sidecar or gateway reporting as `source`, used when the destination has no proxy) labels its requests
 * `connection_security_policy="unknown"`; ztunnel at the destination saw the same connections, so the L7 edge
 * takes the share and principals of ztunnel's L4 edge for the same caller and callee. Bytes are not borrowed:
 * the L4 edge keeps them, so they are never counted twice.
 */
import { l4MtlsShare, type TrafficEdge } from './model';

const pairOf = (e: TrafficEdge): string => `${e.source.key}->${e.destination.key}`;

/**
 * Completes source-reported L7 edges from the L4 edge of the same pair, when there is one. Returns the edges it
 * completed (the others of their kind had no L4 edge to borrow from).
 */
export function borrowL4Security(edges: readonly TrafficEdge[]): Set<TrafficEdge> {
  const l4 = new Map<string, TrafficEdge>();
  const completed = new Set<TrafficEdge>();
  for (const edge of edges) if (edge.layer === 'L4') l4.set(pairOf(edge), edge);
  for (const edge of edges) {
    if (!needsL4Security(edge)) continue;
    const seen = l4.get(pairOf(edge));
    const share = seen ? l4MtlsShare(seen.totals) : null;
    if (seen === undefined || share === null) continue;
    edge.totals.mtlsRequests = edge.totals.requests * share;
    for (const p of seen.totals.sourcePrincipals) edge.totals.sourcePrincipals.add(p);
    for (const p of seen.totals.destinationPrincipals) edge.totals.destinationPrincipals.add(p);
    completed.add(edge);
  }
  return completed;
}

/** Whether an edge's reporter cannot tell its security: an L7 edge reported by the client side. */
export function needsL4Security(edge: Pick<TrafficEdge, 'layer' | 'reporter'>): boolean {
  return edge.layer === 'L7' && edge.reporter === 'source';
}
