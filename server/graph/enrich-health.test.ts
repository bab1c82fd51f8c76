import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '@/lib/graph/health';
import { caseGraph } from './__fixtures__/cases';
import { addHealth } from './enrich-health';
import { emptyTotals, type GraphModel } from './model';

function judged(graph: GraphModel, thresholds = DEFAULT_THRESHOLDS): GraphModel {
  addHealth(graph, thresholds);
  return graph;
}

describe('addHealth', () => {
  it('403 at the waypoint: 20% 4xx fails the edge, the callee and the waypoint it passed', () => {
    const graph = judged(caseGraph('workload', 'waypoint-403'));
    expect(
      graph.edges.get('workload:bookinfo/productpage-v1->workload:bookinfo/details-v1|http|L7')?.health,
    ).toBe('failing');
    expect(graph.nodes.get('workload:bookinfo/details-v1')?.health).toBe('failing');
    expect(graph.nodes.get('workload:bookinfo/waypoint')?.health).toBe('failing');
    // The caller received nothing: its health is not known from this traffic.
    expect(graph.nodes.get('workload:bookinfo/productpage-v1')?.health).toBe('unknown');
  });

  it('judges with the thresholds given', () => {
    const lenient = { '5xx': { degraded: 0, failing: 0.5 }, '4xx': { degraded: 0.1, failing: 0.5 } };
    const graph = judged(caseGraph('workload', 'waypoint-403', 'ambient-waypoint'), lenient);
    expect(graph.nodes.get('workload:bookinfo/details-v1')?.health).toBe('degraded');
    // 10% 503: any 5xx degrades.
    expect(graph.nodes.get('workload:bookinfo/reviews-v2')?.health).toBe('degraded');
    expect(
      judged(caseGraph('workload', 'sidecar'), lenient).nodes.get('workload:legacy/inventory-v1')?.health,
    ).toBe('healthy');
  });

  it('ztunnel DENY: refused connections fail the L4 edge and the callee', () => {
    const graph = judged(caseGraph('workload', 'ztunnel-deny'));
    expect(graph.edges.get('workload:payments/worker-v1->workload:payments/postgres-v1|tcp|L4')?.health).toBe(
      'failing',
    );
    expect(graph.nodes.get('workload:payments/postgres-v1')?.health).toBe('failing');
  });

  it('takes the worse layer of a node with L7 and L4 traffic in', () => {
    const graph = caseGraph('workload', 'gateway');
    const l4 = graph.edges.get(
      'workload:istio-system/istio-ingressgateway->workload:bookinfo/productpage-v1|tcp|L4',
    );
    if (l4) l4.totals = { ...emptyTotals(), connections: 1, denied: 1 };
    judged(graph);
    expect(
      graph.edges.get('workload:istio-system/istio-ingressgateway->workload:bookinfo/productpage-v1|http|L7')
        ?.health,
    ).toBe('healthy');
    expect(graph.nodes.get('workload:bookinfo/productpage-v1')?.health).toBe('failing');
  });

  it('calls bytes over connections that stayed open healthy, and an edge with nothing idle', () => {
    const graph = caseGraph('workload', 'ambient-l4');
    const [a, b] = [...graph.edges.values()];
    if (a) a.totals = { ...emptyTotals(), bytes: 100 };
    if (b) b.totals = emptyTotals();
    judged(graph);
    expect([a?.health, b?.health]).toEqual(['healthy', 'idle']);
  });
});
