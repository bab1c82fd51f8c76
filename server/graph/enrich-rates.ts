/**
 * Step 4d: requests per second into and out of each node, summed over its L7 edges (L4 edges carry connections,
 * not requests). A waypoint's own counts stay 0: the requests it passes on belong to the edges' ends.
 */
import type { GraphModel } from './model';

/** Sets `inboundRps` and `outboundRps` on every node. */
export function addRates(graph: GraphModel): void {
  for (const node of graph.nodes.values()) {
    node.inboundRps = 0;
    node.outboundRps = 0;
  }
  for (const edge of graph.edges.values()) {
    if (edge.layer !== 'L7') continue;
    const source = graph.nodes.get(edge.source);
    const target = graph.nodes.get(edge.target);
    if (source) source.outboundRps += edge.totals.requests;
    if (target) target.inboundRps += edge.totals.requests;
  }
}
