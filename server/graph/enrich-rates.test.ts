import { describe, expect, it } from 'vitest';
import { caseGraph } from './__fixtures__/cases';
import { addRates } from './enrich-rates';

describe('addRates', () => {
  it('sums L7 requests per second in and out of each node; L4 edges and waypoints add nothing', () => {
    const graph = caseGraph('workload', 'gateway', 'ambient-waypoint', 'ambient-l4');
    addRates(graph);
    const rates = (id: string) => {
      const node = graph.nodes.get(id);
      return [node?.inboundRps, node?.outboundRps].map((v) => Math.round((v ?? NaN) * 1000) / 1000);
    };
    expect(rates('workload:bookinfo/productpage-v1')).toEqual([1, 1]);
    expect(rates('workload:bookinfo/reviews-v2')).toEqual([1, 0]);
    expect(rates('workload:bookinfo/waypoint')).toEqual([0, 0]);
    expect(rates('workload:payments/api-v1')).toEqual([0, 0]);
  });
});
