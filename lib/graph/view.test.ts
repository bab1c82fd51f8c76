import { describe, expect, it } from 'vitest';
import fixture from '@/components/graph/__fixtures__/bookinfo-graph.json';
import { parseExpression, type Expr } from './expression';
import {
  aggregate,
  buildView,
  edgeLabel,
  formatBytes,
  formatMs,
  formatPercent,
  formatRps,
  nodeLabel,
  type ViewOptions,
} from './view';
import type { GraphEdge, GraphResponse } from './types';

const graph = fixture as GraphResponse;
const WAYPOINT = 'workload:bookinfo/waypoint';
const PRODUCTPAGE = 'workload:bookinfo/productpage-v1';
const DETAILS = 'workload:bookinfo/details-v1';
const INVENTORY = 'workload:legacy/inventory-v1';

function expr(input: string): Expr | null {
  const result = parseExpression(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
}

function view(options: Partial<ViewOptions> = {}): ReturnType<typeof buildView> {
  return buildView(graph, { showWaypoints: true, labelMode: 'rps', hide: null, find: null, ...options });
}

function edgeIds(v: ReturnType<typeof buildView>): string[] {
  return v.edges.map((e) => e.data.id);
}

describe('buildView with waypoints shown', () => {
  const v = view();

  it('draws every logical edge through its waypoint as two segments, aggregated per hop', () => {
    const toWaypoint = v.edges.find((e) => e.data.id === `seg:${PRODUCTPAGE}->${WAYPOINT}`);
    // productpage calls details (10) and reviews v1..v3 (3.33 + 3.34 + 3.33) through the waypoint.
    expect(toWaypoint?.edge.requestsPerSecond).toBeCloseTo(20, 5);
    expect(toWaypoint?.edge.carries).toHaveLength(4);
    expect(toWaypoint?.edge.segment).toBe(true);
    const intoDetails = v.edges.find((e) => e.data.id === `seg:${WAYPOINT}->${DETAILS}`);
    // details is called by productpage (10) and by legacy inventory (1.5), both through the waypoint.
    expect(intoDetails?.edge.requestsPerSecond).toBeCloseTo(11.5, 5);
    expect(intoDetails?.edge.carries.map((e) => e.source).sort()).toEqual([PRODUCTPAGE, INVENTORY]);
    expect(edgeIds(v)).not.toContain(`${PRODUCTPAGE}->${DETAILS}|http|L7`);
  });

  it('draws edges without a waypoint directly', () => {
    expect(edgeIds(v)).toContain('workload:legacy/inventory-sync->workload:legacy/inventory-v1|http|L7');
    expect(edgeIds(v)).toContain('workload:payments/api-v1->workload:payments/postgres|tcp|L4');
  });

  it('puts namespaced nodes in namespace boxes, and the unknown caller in none', () => {
    const boxes = v.nodes.filter((n) => n.data.kind === 'namespace').map((n) => n.data.id);
    expect(boxes).toEqual(['ns:bookinfo', 'ns:istio-system', 'ns:legacy', 'ns:outside', 'ns:payments']);
    expect(v.nodes.find((n) => n.data.id === PRODUCTPAGE)?.data.box).toBe('ns:bookinfo');
    expect(v.nodes.find((n) => n.data.id === 'unknown')?.data.box).toBeUndefined();
    // Boxes come first, so that they are drawn under the nodes when all are added together.
    const firstMember = v.nodes.findIndex((n) => n.data.box !== undefined);
    expect(v.nodes.slice(firstMember).every((n) => n.data.kind !== 'namespace')).toBe(true);
  });

  it('keeps every drawn edge between drawn nodes', () => {
    const ids = new Set(v.nodes.map((n) => n.data.id));
    expect(v.edges.every((e) => ids.has(e.data.source) && ids.has(e.data.target))).toBe(true);
    expect(ids.has(WAYPOINT)).toBe(true);
  });
});

describe('buildView with waypoints hidden', () => {
  const v = view({ showWaypoints: false });

  it('drops waypoint nodes and joins their edges', () => {
    expect(v.nodes.map((n) => n.data.id)).not.toContain(WAYPOINT);
    expect(edgeIds(v).some((id) => id.includes(WAYPOINT))).toBe(false);
    const direct = v.edges.find((e) => e.data.id === `${PRODUCTPAGE}->${DETAILS}|http|L7`);
    expect(direct?.edge.requestsPerSecond).toBe(10);
    expect(direct?.edge.segment).toBe(false);
    expect(v.edges).toHaveLength(graph.edges.length);
  });

  it('gives the same answer as hiding the waypoint by expression', () => {
    const byExpression = view({ hide: expr('kind = waypoint') });
    expect(edgeIds(byExpression).sort()).toEqual(edgeIds(v).sort());
  });
});

describe('buildView with expressions', () => {
  it('hides matching nodes with their edges, and counts them', () => {
    const v = view({ hide: expr('ns = legacy') });
    expect(v.nodes.some((n) => n.node?.namespace === 'legacy')).toBe(false);
    expect(v.nodes.map((n) => n.data.id)).not.toContain('ns:legacy');
    expect(v.edges.some((e) => e.edge.carries.some((c) => c.source.includes('legacy')))).toBe(false);
    expect(v.hidden).toEqual({ nodes: 2, edges: 0 });
  });

  it('hides matching edges without touching nodes when the expression is about edges only', () => {
    const v = view({ hide: expr('!mtls'), showWaypoints: false });
    expect(edgeIds(v)).not.toContain('unknown->workload:istio-system/istio-ingressgateway|http|L7');
    expect(edgeIds(v)).not.toContain('workload:outside/client->workload:payments/api-v1|tcp|L4');
    expect(v.hidden).toEqual({ nodes: 0, edges: 2 });
    expect(v.nodes.map((n) => n.data.id)).toContain('workload:outside/client');
  });

  it('leaves out of a segment the logical edges that are hidden', () => {
    const v = view({ hide: expr('errorRate > 0.1') });
    // ratings-v1 (failing, 23% inbound errors) goes, and both edges into it with it.
    expect(v.nodes.map((n) => n.data.id)).not.toContain('workload:bookinfo/ratings-v1');
    const fromWaypoint = edgeIds(v).filter((id) => id.startsWith(`seg:${WAYPOINT}->`));
    expect(fromWaypoint).not.toContain(`seg:${WAYPOINT}->workload:bookinfo/ratings-v1`);
  });

  it('marks found nodes and the segments carrying a found edge', () => {
    const v = view({ find: expr('errorRate > 0.2') });
    const found = [...v.nodes, ...v.edges].filter((e) => e.data.found).map((e) => e.data.id);
    expect(found.sort()).toEqual(
      [
        'workload:bookinfo/ratings-v1',
        `seg:workload:bookinfo/reviews-v2->${WAYPOINT}`,
        `seg:workload:bookinfo/reviews-v3->${WAYPOINT}`,
        `seg:${WAYPOINT}->workload:bookinfo/ratings-v1`,
      ].sort(),
    );
    expect(v.found).toBe(4);
  });
});

describe('aggregate', () => {
  const base: GraphEdge = graph.edges[0] as GraphEdge;
  it('weights the error rate and the mTLS share by requests and keeps the worst latency', () => {
    const a = {
      ...base,
      requestsPerSecond: 9,
      errorRate: 0,
      mtls: 1,
      latencyMs: { p50: 1, p95: 10, p99: 20 },
    };
    const b = {
      ...base,
      requestsPerSecond: 1,
      errorRate: 0.5,
      mtls: 0,
      health: 'failing' as const,
      latencyMs: { p50: 3, p95: 5, p99: 90 },
      responseCodes: { '200': 0.5, '503': 0.5 },
    };
    const sum = aggregate('seg:x', 's', 't', [a, { ...a, requestsPerSecond: 0 }, b]);
    expect(sum.requestsPerSecond).toBe(10);
    expect(sum.errorRate).toBeCloseTo(0.05, 10);
    expect(sum.mtls).toBeCloseTo(0.9, 10);
    expect(sum.latencyMs).toEqual({ p50: 3, p95: 10, p99: 90 });
    expect(sum.health).toBe('failing');
    expect(sum.responseCodes['503']).toBe(0.5);
  });
});

describe('labels and formats', () => {
  const l7 = aggregate('e', 's', 't', [graph.edges[6] as GraphEdge]);
  const l4 = aggregate('e', 's', 't', [graph.edges[8] as GraphEdge]);
  it.each([
    ['rps', '3.3 rps', '2.1 kB/s'],
    ['errors', '25%', ''],
    ['p95', '15 ms', ''],
    ['mtls', '✓ mTLS', '⚠ plaintext'],
    ['none', '', ''],
  ] as const)('%s: L7 %s, L4 %s', (mode, forL7, forL4) => {
    expect(edgeLabel(l7, mode)).toBe(forL7);
    expect(edgeLabel(l4, mode)).toBe(forL4);
  });

  it('labels only failing lines in error mode, and puts labels of hops out of a waypoint near the callee', () => {
    const healthy = aggregate('e', 's', 't', [graph.edges[9] as GraphEdge]);
    expect(edgeLabel(healthy, 'errors')).toBe('');
    const v = view();
    const at = (id: string): string | undefined => v.edges.find((e) => e.data.id === id)?.data.labelAt;
    expect(at(`seg:${PRODUCTPAGE}->${WAYPOINT}`)).toBe('middle');
    expect(at(`seg:${WAYPOINT}->${DETAILS}`)).toBe('target');
    expect(at('workload:payments/api-v1->workload:payments/postgres|tcp|L4')).toBe('middle');
  });

  it('labels nodes with their name and tags for what is not plain ambient', () => {
    const names = graph.nodes.map(nodeLabel);
    expect(names).toContain('reviews-v2\nVS');
    expect(names).toContain('ratings-v1\nL7 authz');
    expect(names).toContain('inventory-v1\nsidecar');
    expect(names).toContain('client\nno mesh');
    expect(names).toContain('productpage-v1');
    expect(names).toContain('unknown caller');
  });

  it.each([
    [formatRps(12.34), '12 rps'],
    [formatRps(0.054), '0.05 rps'],
    [formatPercent(0.04), '4.0%'],
    [formatPercent(0.0004), '<0.1%'],
    [formatMs(1234), '1.2 s'],
    [formatBytes(18400), '18 kB/s'],
    [formatBytes(512), '512 B/s'],
  ])('%s = %s', (actual, expected) => expect(actual).toBe(expected));
});
