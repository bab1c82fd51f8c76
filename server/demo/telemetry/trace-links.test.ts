import { describe, expect, it } from 'vitest';
import { appNodeId } from '@/lib/graph/ids';
import { nodeFor, tracePath } from '@/lib/graph/trace-path';
import {
  edgeTraceQueries,
  NO_ENVOY,
  nodeTraceQueries,
  TCP_NOT_TRACED,
  type TraceQueries,
} from '@/lib/graph/trace-queries';
import type { GraphResponse } from '@/lib/graph/types';
import { buildView } from '@/lib/graph/view';
import { traceCalls } from '@/lib/traces/hops';
import { compileTraceQL } from '@/lib/traces/traceql-match';
import type { Span, Trace } from '@/lib/traces/types';
import { bookinfoTrace, edge, legacyTrace, NODE_MAP, NODES } from './__fixtures__/traced-mesh';

// Checks lib/graph/trace-queries and lib/graph/trace-path (graph ↔ traces) against the demo mesh's spans.

// Each search is run, as TraceQL, over traces made by the demo mesh's span builder: the check is which spans it
// finds, not how its text looks.

function searches(queries: TraceQueries): { errors: string; slow: string | null } {
  if ('unavailable' in queries) throw new Error(queries.unavailable);
  return queries;
}

/** The spans a query selects in a trace, as `service:kind`; empty when the trace does not match. */
function found(traceql: string, trace: Trace): string[] {
  return (compileTraceQL(traceql).matchSpans(trace.spans) ?? []).map((s: Span) => `${s.service}:${s.kind}`);
}

const ok = bookinfoTrace('a1'.repeat(16));
const failed = bookinfoTrace('b2'.repeat(16), 503);
const slow = bookinfoTrace('c3'.repeat(16), 200, 80);
const legacyOk = legacyTrace('d4'.repeat(16));
const legacyFailed = legacyTrace('e5'.repeat(16), 500);

const throughWaypoint = edge(NODES.productpage, NODES.reviews, {
  protocol: 'http',
  layer: 'L7',
  via: NODES.waypoint.id,
});
const sidecarToSidecar = edge(NODES.orders, NODES.inventory, { protocol: 'http', layer: 'L7' });

describe('edgeTraceQueries', () => {
  it('finds a failed call through a waypoint by the waypoint’s two spans, and no trace where that call succeeded', () => {
    const { errors } = searches(edgeTraceQueries(throughWaypoint, NODE_MAP));
    expect(found(errors, failed)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
    expect(found(errors, ok)).toEqual([]);
    expect(found(errors, legacyFailed)).toEqual([]);
  });

  it('finds the slow calls of the hop: over its p95, not the fast ones', () => {
    const { slow: slowQuery } = searches(edgeTraceQueries(throughWaypoint, NODE_MAP));
    expect(slowQuery).not.toBeNull();
    expect(found(slowQuery ?? '', slow)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
    expect(found(slowQuery ?? '', ok)).toEqual([]);
  });

  it('finds a failed sidecar-to-sidecar call by the caller’s client span', () => {
    const { errors } = searches(edgeTraceQueries(sidecarToSidecar, NODE_MAP));
    expect(found(errors, legacyFailed)).toEqual(['orders.legacy:client']);
    expect(found(errors, legacyOk)).toEqual([]);
    expect(found(errors, failed)).toEqual([]);
  });

  it('narrows a waypoint segment to its side: into the waypoint by the caller, out of it by the callee', () => {
    const into = searches(edgeTraceQueries(throughWaypoint, NODE_MAP, 'into-waypoint')).errors;
    const out = searches(edgeTraceQueries(throughWaypoint, NODE_MAP, 'from-waypoint')).errors;
    expect(into).toContain('istio.source_workload');
    expect(into).not.toContain('istio.destination_workload');
    expect(out).toContain('istio.destination_workload');
    expect(out).not.toContain('istio.source_workload');
    expect(found(into, failed)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
    expect(found(out, failed)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
  });

  it('offers no search where nothing on the hop makes spans, and says why', () => {
    const ambientOnly = edge(NODES.reviews, NODES.ratings, { protocol: 'http', layer: 'L7' });
    expect(edgeTraceQueries(ambientOnly, NODE_MAP)).toEqual({ unavailable: NO_ENVOY });
    const tcp = edge(NODES.orders, NODES.inventory, { protocol: 'tcp', layer: 'L4' });
    expect(edgeTraceQueries(tcp, NODE_MAP)).toEqual({ unavailable: TCP_NOT_TRACED });
  });

  it('offers no slow search for an edge without latency figures', () => {
    expect(edgeTraceQueries({ ...throughWaypoint, latencyMs: null }, NODE_MAP)).toMatchObject({
      slow: null,
      slowAboveMs: null,
    });
  });

  it('quotes names, so a hostile name stays one value and matches nothing', () => {
    const hostile = { ...NODES.reviews, id: 'workload:bookinfo/x', name: 'x" || true || "' };
    const nodes = new Map(NODE_MAP).set(hostile.id, hostile);
    const { errors } = searches(edgeTraceQueries({ ...throughWaypoint, target: hostile.id }, nodes));
    expect(found(errors, failed)).toEqual([]);
  });
});

describe('nodeTraceQueries', () => {
  it('finds the failed requests a workload behind a waypoint served', () => {
    const { errors } = searches(nodeTraceQueries(NODES.reviews, 12.5));
    expect(found(errors, failed)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
    expect(found(errors, ok)).toEqual([]);
  });

  it('finds the failed requests a sidecar workload served by its server span', () => {
    const { errors } = searches(nodeTraceQueries(NODES.inventory, null));
    // The caller's span failed too, but the search is about what inventory served.
    expect(found(errors, legacyFailed)).toEqual(['inventory.legacy:server']);
  });

  it('says why an ambient workload without a waypoint has no traces', () => {
    expect(nodeTraceQueries({ ...NODES.ratings, waypoint: null }, null)).toEqual({ unavailable: NO_ENVOY });
  });
});

const meta: GraphResponse['meta'] = {
  namespaces: '*',
  windowSeconds: 300,
  end: '2026-11-21T12:00:00Z',
  graphType: 'workload',
  layers: 'both',
  queries: 7,
  durationMs: 1,
};

const gatewayToProductpage = edge(NODES.ingress, NODES.productpage, { protocol: 'http', layer: 'L7' });
const productpageToReviews = edge(NODES.productpage, NODES.reviews, {
  protocol: 'http',
  layer: 'L7',
  via: NODES.waypoint.id,
});
const reviewsToRatingsL4 = edge(NODES.reviews, NODES.ratings, { protocol: 'tcp', layer: 'L4' });
const ordersToInventory = edge(NODES.orders, NODES.inventory, { protocol: 'http', layer: 'L7' });

const graph: GraphResponse = {
  nodes: Object.values(NODES),
  edges: [gatewayToProductpage, productpageToReviews, reviewsToRatingsL4, ordersToInventory],
  errors: [],
  meta,
};

describe('tracePath', () => {
  it('marks the nodes, the waypoint and the edges a bookinfo request went through, and nothing else', () => {
    const path = tracePath(traceCalls(bookinfoTrace('a1'.repeat(16))), graph);
    expect([...path.nodes].sort()).toEqual(
      [NODES.ingress, NODES.productpage, NODES.reviews, NODES.waypoint].map((n) => n.id).sort(),
    );
    expect([...path.edges].sort()).toEqual([gatewayToProductpage.id, productpageToReviews.id].sort());
    expect([...path.failedEdges]).toEqual([]);
  });

  it('marks a failed call’s edge as failed', () => {
    const path = tracePath(traceCalls(bookinfoTrace('b2'.repeat(16), 503)), graph);
    expect([...path.failedEdges]).toEqual([productpageToReviews.id]);
  });

  it('lists the calls the graph does not have (another namespace, outside the window)', () => {
    const onlyBookinfo = { ...graph, nodes: graph.nodes.filter((n) => n.namespace !== 'legacy') };
    const path = tracePath(traceCalls(legacyTrace('c3'.repeat(16))), onlyBookinfo);
    expect(path.nodes.size).toBe(0);
    expect(path.missing).toHaveLength(1);
  });

  it('feeds the view: on-trace elements stand out, the rest fades', () => {
    const path = tracePath(traceCalls(bookinfoTrace('b2'.repeat(16), 503)), graph);
    const view = buildView(graph, {
      showWaypoints: false,
      labelMode: 'rps',
      hide: null,
      find: null,
      trace: path,
    });
    const byId = new Map(view.edges.map((e) => [e.data.id, e.data]));
    expect(byId.get(productpageToReviews.id)).toMatchObject({
      onTrace: true,
      traceFailed: true,
      offTrace: false,
    });
    expect(byId.get(ordersToInventory.id)).toMatchObject({ onTrace: false, offTrace: true });
    const orders = view.nodes.find((n) => n.data.id === NODES.orders.id);
    expect(orders?.data).toMatchObject({ onTrace: false, offTrace: true });
  });
});

describe('nodeFor', () => {
  it('finds an app node by canonical service when the graph is the app graph', () => {
    const app = {
      ...NODES.reviews,
      id: appNodeId('bookinfo', 'reviews'),
      kind: 'app' as const,
      name: 'reviews',
      version: null,
    };
    expect(
      nodeFor({ namespace: 'bookinfo', workload: 'reviews-v2', app: 'reviews', version: 'v2' }, [app]),
    ).toBe(app);
  });

  it('finds nothing in another namespace', () => {
    expect(
      nodeFor({ namespace: 'other', workload: 'reviews-v2', app: 'reviews', version: 'v2' }, graph.nodes),
    ).toBeNull();
  });
});
