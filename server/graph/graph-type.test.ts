import { describe, expect, it } from 'vitest';
import { ALL_CASES, caseEdges, caseGraph, clusterFacts } from './__fixtures__/cases';
import { toGraphModel } from './graph-type';
import { emptyTotals, type TrafficEdge } from './model';

const ids = (map: Map<string, unknown>): string[] => [...map.keys()].sort();

describe('toGraphModel', () => {
  it('workload graph: one node per workload, waypoints and gateways as such, the unknown caller', () => {
    const graph = caseGraph('workload', ...ALL_CASES);
    const kinds = Object.fromEntries([...graph.nodes.values()].map((n) => [n.id, n.kind]));
    expect(kinds).toEqual({
      unknown: 'unknown',
      'workload:bookinfo/details-v1': 'workload',
      'workload:bookinfo/productpage-v1': 'workload',
      'workload:bookinfo/reviews-v2': 'workload',
      'workload:bookinfo/waypoint': 'waypoint',
      'workload:istio-system/istio-ingressgateway': 'gateway',
      'workload:legacy/inventory-v1': 'workload',
      'workload:legacy/orders-v1': 'workload',
      'workload:outside/client-v1': 'workload',
      'workload:payments/api-v1': 'workload',
      'workload:payments/postgres-v1': 'workload',
      'workload:payments/worker-v1': 'workload',
    });
    const reviews = graph.nodes.get('workload:bookinfo/reviews-v2');
    expect([reviews?.namespace, reviews?.name, reviews?.app, reviews?.version]).toEqual([
      'bookinfo',
      'reviews-v2',
      'reviews',
      'v2',
    ]);
    const edge = graph.edges.get('workload:bookinfo/productpage-v1->workload:bookinfo/reviews-v2|http|L7');
    expect(edge?.via).toBe('workload:bookinfo/waypoint');
  });

  it('app graph: apps without versions, waypoints still workload nodes so that via is the same', () => {
    const graph = caseGraph('app', 'ambient-waypoint', 'gateway');
    expect(ids(graph.nodes)).toEqual([
      'app:bookinfo/productpage',
      'app:bookinfo/reviews',
      'app:istio-system/istio-ingressgateway',
      'workload:bookinfo/waypoint',
    ]);
    expect(graph.nodes.get('app:bookinfo/reviews')).toMatchObject({
      kind: 'app',
      name: 'reviews',
      version: null,
    });
    expect(graph.nodes.get('app:istio-system/istio-ingressgateway')?.kind).toBe('gateway');
    expect(graph.edges.get('app:bookinfo/productpage->app:bookinfo/reviews|http|L7')?.via).toBe(
      'workload:bookinfo/waypoint',
    );
  });

  it('merges the edges that land on the same nodes, adding their traffic', () => {
    const edges = caseEdges('ambient-waypoint');
    const twin: TrafficEdge = {
      ...edges[0]!,
      destination: {
        ...edges[0]!.destination,
        key: 'bookinfo/reviews-v3',
        workload: 'reviews-v3',
        version: 'v3',
      },
    };
    const graph = toGraphModel([...edges, twin], 'app', clusterFacts());
    const merged = graph.edges.get('app:bookinfo/productpage->app:bookinfo/reviews|http|L7');
    expect(merged?.totals.requests).toBeCloseTo(2, 9);
    expect(graph.nodes.get('app:bookinfo/reviews')?.workloads).toEqual(
      new Set(['bookinfo/reviews-v2', 'bookinfo/reviews-v3']),
    );
  });

  it('adds the recent sub-window’s traffic of merged edges too, without touching the workload edges’', () => {
    const [edge] = caseEdges('ambient-waypoint');
    const recent = { ...emptyTotals(), requests: 1, responseCodes: { '500': 1 } };
    const v2: TrafficEdge = { ...edge!, totals: emptyTotals(), recent: null };
    const v3: TrafficEdge = {
      ...v2,
      destination: { ...edge!.destination, key: 'bookinfo/reviews-v3', workload: 'reviews-v3' },
      recent,
    };
    const v1: TrafficEdge = {
      ...v3,
      destination: { ...edge!.destination, key: 'bookinfo/reviews-v1', workload: 'reviews-v1' },
    };
    const graph = toGraphModel([v2, v3, v1], 'app', clusterFacts());
    const merged = graph.edges.get('app:bookinfo/productpage->app:bookinfo/reviews|http|L7');
    expect(merged?.recent?.requests).toBe(2);
    expect(merged?.recent?.responseCodes).toEqual({ '500': 2 });
    expect(recent.requests).toBe(1);
    const alone = toGraphModel([v2], 'app', clusterFacts());
    expect(alone.edges.get('app:bookinfo/productpage->app:bookinfo/reviews|http|L7')?.recent).toBeNull();
  });

  it('service graph: edges into the Service called, from the caller’s only Service or else its workload', () => {
    const graph = caseGraph('service', 'ambient-waypoint', 'ambient-l4', 'unknown-caller');
    expect(ids(graph.edges)).toEqual(
      [
        'service:payments/api->service:payments/postgres|tcp|L4',
        'service:bookinfo/productpage->service:bookinfo/reviews|http|L7',
        'unknown->service:legacy/inventory|http|L7',
        'workload:payments/worker-v1->service:payments/api|tcp|L4',
      ].sort(),
    );
    expect(graph.nodes.get('service:bookinfo/reviews')).toMatchObject({ kind: 'service', app: null });
  });

  it('puts callees the telemetry could not name on their Service, or outside the cluster', () => {
    const [edge] = caseEdges('sidecar');
    const nowhere = {
      ...edge!.destination,
      key: 'unknown/unknown',
      workload: 'unknown',
      namespace: 'unknown',
    };
    const external: TrafficEdge = {
      ...edge!,
      destination: nowhere,
      service: { host: 'api.stripe.com', name: 'api.stripe.com', namespace: 'unknown' },
      totals: emptyTotals(),
    };
    const unrouted: TrafficEdge = { ...edge!, destination: nowhere, totals: emptyTotals() };
    const graph = toGraphModel([external, unrouted], 'workload', clusterFacts());
    expect(graph.nodes.get('external:api.stripe.com')).toMatchObject({ kind: 'external', namespace: '' });
    expect(graph.nodes.get('service:legacy/inventory')?.kind).toBe('service');
  });
});
