import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '@/lib/graph/health';
import { caseGraph } from './__fixtures__/cases';
import { addHealth, windowAndRecentHealth } from './enrich-health';
import { emptyTotals, type EdgeTotals, type GraphModel } from './model';

/** Judges a graph; edges given a `recent` had it over a 10 s sub-window. */
function judged(graph: GraphModel, thresholds = DEFAULT_THRESHOLDS, recentSeconds = 10): GraphModel {
  addHealth(graph, thresholds, recentSeconds);
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

  it('judges an edge and its callee over the window and the recent sub-window, the worse winning', () => {
    const recentOf = (ok: number, failed: number): EdgeTotals => ({
      ...emptyTotals(),
      requests: ok + failed,
      responseCodes: { '200': ok, '500': failed },
    });
    const id = 'workload:legacy/orders-v1->workload:legacy/inventory-v1|http|L7';
    const callee = 'workload:legacy/inventory-v1';
    const withRecent = (recent: EdgeTotals | null, seconds = 10) => {
      const graph = caseGraph('workload', 'sidecar');
      const edge = graph.edges.get(id);
      if (edge) edge.recent = recent;
      return judged(graph, DEFAULT_THRESHOLDS, seconds);
    };
    // A healthy window with a fault in the last seconds: failing at once, edge and callee.
    const fault = withRecent(recentOf(1, 1));
    expect([fault.edges.get(id)?.health, fault.nodes.get(callee)?.health]).toEqual(['failing', 'failing']);
    // A few errors in the sub-window degrade it; nothing in it (idle) leaves the window's verdict.
    expect(withRecent(recentOf(99, 1)).edges.get(id)?.health).toBe('degraded');
    // One failed request of seven in 5 s is 14%, but one failure is not a trend: the window's verdict stands.
    const single = withRecent(recentOf(1.2, 0.2), 5);
    expect([single.edges.get(id)?.health, single.nodes.get(callee)?.health]).toEqual(['healthy', 'healthy']);
    expect(withRecent(recentOf(1, 0.4), 5).edges.get(id)?.health).toBe('failing');
    const quiet = withRecent(emptyTotals());
    expect([quiet.edges.get(id)?.health, quiet.nodes.get(callee)?.health]).toEqual(['healthy', 'healthy']);
    // A failure the window still holds stays flagged though the sub-window is clean.
    const graph = caseGraph('workload', 'waypoint-403');
    for (const edge of graph.edges.values()) edge.recent = recentOf(10, 0);
    judged(graph);
    expect([...graph.edges.values()].map((e) => e.health)).toEqual(['failing']);
    expect(graph.nodes.get('workload:bookinfo/details-v1')?.health).toBe('failing');
  });
});

describe('windowAndRecentHealth', () => {
  it.each([
    ['healthy', null, 'healthy'],
    ['healthy', 'failing', 'failing'],
    ['degraded', 'failing', 'failing'],
    ['failing', 'healthy', 'failing'],
    ['degraded', 'idle', 'degraded'],
    ['idle', 'healthy', 'healthy'],
  ] as const)('window %s, recent %s: %s', (window, recent, expected) => {
    expect(windowAndRecentHealth(window, recent)).toBe(expected);
  });
});
