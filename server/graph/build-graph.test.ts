import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '@/lib/graph/health';
import type { GraphLayers, GraphType } from '@/lib/graph/types';
import { ALL_CASES, caseSamples, clusterFacts } from './__fixtures__/cases';
import { buildGraph } from './build-graph';

const build = (graphType: GraphType = 'workload', layers: GraphLayers = 'both') =>
  buildGraph({
    samples: caseSamples(...ALL_CASES),
    facts: clusterFacts(),
    graphType,
    layers,
    thresholds: DEFAULT_THRESHOLDS,
  });

describe('buildGraph over every recorded case', () => {
  it('draws the mesh as the cases made it, one edge per hop', () => {
    const { edges } = build();
    expect(edges.map((e) => e.id)).toEqual([
      'unknown->workload:legacy/inventory-v1|http|L7',
      'workload:bookinfo/productpage-v1->workload:bookinfo/details-v1|http|L7',
      'workload:bookinfo/productpage-v1->workload:bookinfo/reviews-v2|http|L7',
      'workload:istio-system/istio-ingressgateway->workload:bookinfo/productpage-v1|http|L7',
      'workload:istio-system/istio-ingressgateway->workload:bookinfo/productpage-v1|tcp|L4',
      'workload:legacy/orders-v1->workload:legacy/inventory-v1|http|L7',
      'workload:outside/client-v1->workload:payments/api-v1|tcp|L4',
      'workload:payments/api-v1->workload:payments/postgres-v1|tcp|L4',
      'workload:payments/worker-v1->workload:payments/api-v1|tcp|L4',
      'workload:payments/worker-v1->workload:payments/postgres-v1|tcp|L4',
    ]);
  });

  it('fills every field of the DTO', () => {
    const { nodes, edges } = build();
    const gateway = edges.find(
      (e) => e.id.startsWith('workload:istio-system/istio-ingressgateway') && e.layer === 'L7',
    );
    expect(gateway).toMatchObject({ via: null, mtls: 1, health: 'healthy', bytesPerSecond: null });
    const plaintext = edges.find((e) => e.source === 'workload:outside/client-v1');
    expect(plaintext).toMatchObject({ mtls: 0, layer: 'L4', sourcePrincipals: [] });
    const details = nodes.find((n) => n.id === 'workload:bookinfo/details-v1');
    expect(details).toEqual({
      id: 'workload:bookinfo/details-v1',
      kind: 'workload',
      namespace: 'bookinfo',
      name: 'details-v1',
      app: 'details',
      version: 'v1',
      dataplane: 'ambient',
      waypoint: { name: 'waypoint', namespace: 'bookinfo' },
      health: 'failing',
      badges: { l7Policy: true, virtualService: false },
      inboundRps: expect.closeTo(1, 9),
      outboundRps: 0,
    });
    expect(JSON.parse(JSON.stringify({ nodes, edges }))).toEqual({ nodes, edges });
  });

  it('answers an empty graph when nothing was read', () => {
    const graph = buildGraph({
      samples: {},
      facts: clusterFacts(),
      graphType: 'app',
      layers: 'l7',
      thresholds: DEFAULT_THRESHOLDS,
    });
    expect(graph).toEqual({ nodes: [], edges: [] });
  });

  it('keeps the same traffic in every graph type', () => {
    const total = (type: GraphType) =>
      build(type).edges.reduce((sum, e) => sum + e.requestsPerSecond + (e.bytesPerSecond ?? 0), 0);
    expect(total('app')).toBeCloseTo(total('workload'), 6);
    expect(total('service')).toBeCloseTo(total('workload'), 6);
  });
});
