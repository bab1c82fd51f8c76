import { describe, expect, it } from 'vitest';
import type { GraphLayers } from '@/lib/graph/types';
import { caseGraph } from './__fixtures__/cases';
import { filterLayers } from './layers';

function kept(layers: GraphLayers) {
  const graph = caseGraph('workload', 'gateway', 'ambient-waypoint', 'ambient-l4');
  filterLayers(graph, layers);
  return { edges: [...graph.edges.values()].map((e) => e.layer), nodes: [...graph.nodes.keys()].sort() };
}

describe('filterLayers', () => {
  it('keeps everything for both', () => {
    expect(kept('both').edges.sort()).toEqual(['L4', 'L4', 'L4', 'L7', 'L7']);
  });

  it('keeps request edges for l7, with the waypoints they pass through', () => {
    const { edges, nodes } = kept('l7');
    expect(edges).toEqual(['L7', 'L7']);
    expect(nodes).toEqual([
      'workload:bookinfo/productpage-v1',
      'workload:bookinfo/reviews-v2',
      'workload:bookinfo/waypoint',
      'workload:istio-system/istio-ingressgateway',
    ]);
  });

  it('keeps connection edges for l4, dropping nodes left without edges', () => {
    const { edges, nodes } = kept('l4');
    expect(edges).toEqual(['L4', 'L4', 'L4']);
    // The hops through the waypoint belong to its L7 edge, so reviews and the waypoint go.
    expect(nodes).toEqual([
      'workload:bookinfo/productpage-v1',
      'workload:istio-system/istio-ingressgateway',
      'workload:payments/api-v1',
      'workload:payments/postgres-v1',
      'workload:payments/worker-v1',
    ]);
  });
});
