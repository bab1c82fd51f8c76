/**
 * Step 4b: the `layers` parameter. `l7` keeps request edges (from waypoints and sidecars), `l4` keeps connection
 * edges (ztunnel's view, and TCP through Envoy), `both` keeps all; nodes no kept edge touches (as caller, callee
 * or waypoint passed through) go too.
 */
import type { GraphLayers } from '@/lib/graph/types';
import type { EdgeDraft, GraphModel } from './model';

/** Which edges each value of `layers` keeps. */
const KEEPS: Readonly<Record<GraphLayers, (edge: EdgeDraft) => boolean>> = {
  l4: (edge) => edge.layer === 'L4',
  l7: (edge) => edge.layer === 'L7',
  both: () => true,
};

/** Removes the edges `layers` does not keep, then the nodes left without edges. */
export function filterLayers(graph: GraphModel, layers: GraphLayers): void {
  const used = new Set<string>();
  for (const [id, edge] of graph.edges) {
    if (!KEEPS[layers](edge)) {
      graph.edges.delete(id);
      continue;
    }
    used.add(edge.source).add(edge.target);
    if (edge.via !== null) used.add(edge.via);
  }
  for (const id of graph.nodes.keys()) if (!used.has(id)) graph.nodes.delete(id);
}
