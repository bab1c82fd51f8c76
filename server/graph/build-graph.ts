/**
 * The graph pipeline, in order (docs/graph-api.md). Each step is a small pure function over the model with its own
 * test; only the caller (`index.ts`) does I/O.
 *
 * 1. `trafficRecords`   samples of the fixed reads -> traffic records
 * 2. `deduplicate`      records -> logical edges between workloads, each hop counted once (ambient, sidecars)
 *    `borrowL4Security` client-reported L7 edges take mTLS and identities from ztunnel's view of the same pair
 *    `attachRecent`     the recent sub-window's reads, through the same two steps, onto the same edges
 * 3. `toGraphModel`     edges -> nodes and edges of the graph type (workload, app, service; unknown, external)
 * 4. enrichers          `filterLayers`, `addConfig` (data plane, waypoint, badges), `addRates`, `addHealth`
 * 5. `toResponse`       the DTO's nodes and edges
 */
import type { Sample } from '@/lib/metrics/types';
import type { HealthThresholds } from '@/lib/graph/health';
import type { GraphEdge, GraphLayers, GraphNode, GraphType } from '@/lib/graph/types';
import { deduplicate } from './deduplicate';
import { addConfig } from './enrich-config';
import { addHealth } from './enrich-health';
import { addRates } from './enrich-rates';
import { toGraphModel } from './graph-type';
import { filterLayers } from './layers';
import type { MeshFacts } from './mesh-facts';
import type { TrafficMetric } from './model';
import { attachRecent } from './recent';
import { borrowL4Security } from './security';
import { toResponse } from './to-response';
import { trafficRecords } from './traffic-records';

/** What the pipeline needs: the samples of the reads that answered, the configuration, and the view asked for. */
export interface GraphInput {
  samples: Partial<Record<TrafficMetric, readonly Sample[]>>;
  /** The reads over a recent sub-window at the end of the window, and its length in seconds; absent for none. */
  recent?: { samples: Partial<Record<TrafficMetric, readonly Sample[]>>; seconds: number } | null;
  facts: MeshFacts;
  graphType: GraphType;
  layers: GraphLayers;
  thresholds: HealthThresholds;
}

/** Builds the graph's nodes and edges. */
export function buildGraph(input: GraphInput): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const edges = deduplicate(trafficRecords(input.samples), input.facts);
  borrowL4Security(edges);
  const recent = input.recent ?? null;
  if (recent !== null) attachRecent(edges, deduplicate(trafficRecords(recent.samples), input.facts));
  const graph = toGraphModel(edges, input.graphType, input.facts);
  filterLayers(graph, input.layers);
  addConfig(graph, input.facts);
  addRates(graph);
  addHealth(graph, input.thresholds, recent?.seconds ?? null);
  return toResponse(graph, recent?.seconds ?? null);
}
