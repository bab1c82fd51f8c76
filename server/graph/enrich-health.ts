/**
 * Step 4c: health from traffic (`lib/graph/health.ts`). An edge is judged on its requests (L7: 5xx, failing gRPC
 * statuses and code 0 against the 5xx thresholds, 4xx against theirs) or its connections (L4: those ztunnel
 * refused count as 5xx). A node is judged on what came in: its inbound edges, per layer, the worse layer
 * winning; a waypoint on the edges that passed through it. A node nothing came into is `unknown`.
 */
import {
  countsFromCodes,
  healthOf,
  worstHealth,
  type FailureClass,
  type HealthThresholds,
} from '@/lib/graph/health';
import type { Health } from '@/lib/graph/types';
import type { EdgeDraft, EdgeTotals, GraphModel } from './model';

/** What health is judged on, in a form that adds up: counts by failure class, and bytes. */
interface Tally {
  total: number;
  failed: Record<FailureClass, number>;
  bytes: number;
}

const emptyTally = (): Tally => ({ total: 0, failed: { '5xx': 0, '4xx': 0 }, bytes: 0 });

/** Adds an edge's traffic to a tally: requests for L7, connections for L4. */
function addTo(tally: Tally, totals: EdgeTotals, layer: EdgeDraft['layer']): Tally {
  tally.bytes += totals.bytes ?? 0;
  if (layer === 'L4') {
    tally.total += totals.connections;
    tally.failed['5xx'] += totals.denied;
    return tally;
  }
  const counts = countsFromCodes(totals.responseCodes);
  tally.total += counts.total;
  tally.failed['5xx'] += (counts.failed['5xx'] ?? 0) + totals.grpcErrors;
  tally.failed['4xx'] += counts.failed['4xx'] ?? 0;
  return tally;
}

function judge(tally: Tally, thresholds: HealthThresholds): Health {
  // Bytes over connections that stay open (none closed in the window) are traffic too.
  if (tally.total === 0 && tally.bytes > 0) return 'healthy';
  return healthOf(tally, thresholds);
}

/** Sets `health` on every edge and node. */
export function addHealth(graph: GraphModel, thresholds: HealthThresholds): void {
  const inbound = new Map<string, Partial<Record<EdgeDraft['layer'], Tally>>>();
  const into = (node: string, edge: EdgeDraft): void => {
    const layers = inbound.get(node) ?? {};
    layers[edge.layer] = addTo(layers[edge.layer] ?? emptyTally(), edge.totals, edge.layer);
    inbound.set(node, layers);
  };
  for (const edge of graph.edges.values()) {
    edge.health = judge(addTo(emptyTally(), edge.totals, edge.layer), thresholds);
    into(edge.target, edge);
    if (edge.via !== null) into(edge.via, edge);
  }
  for (const node of graph.nodes.values()) {
    const tallies = Object.values(inbound.get(node.id) ?? {});
    node.health = tallies.length === 0 ? 'unknown' : worstHealth(tallies.map((t) => judge(t, thresholds)));
  }
}
