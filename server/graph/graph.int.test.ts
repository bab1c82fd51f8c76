import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphParams } from '@/lib/api/graph-params';
import type { GraphEdge, GraphResponse } from '@/lib/graph/types';
import type { DemoMesh } from '@/server/demo/mesh';
import type { KubeCache } from '@/server/kube/cache';
import { startDemoCluster } from '@/server/testing/demo-cluster';
import { readGraph } from './index';

/**
 * The graph of the live demo mesh: its API server read through the watch cache, its telemetry through the direct
 * MetricsSource, as the route does in demo mode.
 */

let mesh: DemoMesh;
let cache: KubeCache;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ mesh, cache, stop } = await startDemoCluster({ seed: 'graph-int', prefillMs: 120_000 }));
});

afterAll(async () => {
  await stop?.();
});

const graphOf = (p: Partial<GraphParams>): Promise<GraphResponse> =>
  readGraph(
    { namespaces: '*', windowSeconds: 60, end: null, graphType: 'workload', layers: 'both', ...p },
    { kube: cache, metrics: mesh.telemetry.metrics },
  );

function edge(graph: GraphResponse, source: string, target: string, layer: GraphEdge['layer']): GraphEdge {
  const id = `workload:${source}->workload:${target}|${layer === 'L7' ? 'http' : 'tcp'}|${layer}`;
  const found = graph.edges.find((e) => e.id === id);
  if (!found) throw new Error(`no edge ${id} in ${graph.edges.map((e) => e.id).join(', ')}`);
  return found;
}

describe('the graph of the demo mesh', () => {
  it('bookinfo: L7 edges through the waypoint, from the waypoint’s own series', async () => {
    const graph = await graphOf({ namespaces: ['bookinfo'] });
    expect(graph.errors).toEqual([]);
    const calls = [
      ['bookinfo/productpage-v1', 'bookinfo/reviews-v1'],
      ['bookinfo/productpage-v1', 'bookinfo/reviews-v2'],
      ['bookinfo/productpage-v1', 'bookinfo/reviews-v3'],
      ['bookinfo/reviews-v2', 'bookinfo/ratings-v1'],
      ['bookinfo/reviews-v3', 'bookinfo/ratings-v1'],
    ] as const;
    for (const [from, to] of calls) {
      const e = edge(graph, from, to, 'L7');
      expect(e.via, `${from} -> ${to}`).toBe('workload:bookinfo/waypoint');
      expect(e.requestsPerSecond).toBeGreaterThan(0);
      expect(e.mtls).toBe(1);
      expect(e.latencyMs?.p99).toBeGreaterThan(0);
    }
    expect(graph.nodes.find((n) => n.id === 'workload:bookinfo/waypoint')?.kind).toBe('waypoint');
    // The hops into and out of the waypoint are carried by those edges, not drawn again.
    expect(
      graph.edges.filter(
        (e) => e.source === 'workload:bookinfo/waypoint' || e.target === 'workload:bookinfo/waypoint',
      ),
    ).toEqual([]);
    // reviews-v1 never calls ratings.
    expect(graph.edges.some((e) => e.id.startsWith('workload:bookinfo/reviews-v1->'))).toBe(false);
  });

  it('payments: api -> postgres over mTLS and the outside client in plaintext, as L4 edges', async () => {
    const graph = await graphOf({ namespaces: ['payments'] });
    const postgres = edge(graph, 'payments/api-v1', 'payments/postgres', 'L4');
    expect(postgres).toMatchObject({ protocol: 'tcp', mtls: 1, requestsPerSecond: 0, latencyMs: null });
    expect(postgres.bytesPerSecond).toBeGreaterThan(0);
    const outside = edge(graph, 'outside/client', 'payments/api-v1', 'L4');
    expect(outside.mtls).toBe(0);
    expect(outside.sourcePrincipals).toEqual([]);
    expect(graph.nodes.find((n) => n.id === 'workload:outside/client')?.dataplane).toBe('none');
  });

  it('issues the same number of queries for one namespace as for three: six, eight with a recent sub-window', async () => {
    const one = await graphOf({ namespaces: ['bookinfo'] });
    const three = await graphOf({ namespaces: ['bookinfo', 'payments', 'legacy'] });
    expect(one.meta.queries).toBe(6);
    expect(three.meta.queries).toBe(one.meta.queries);
    expect(three.edges.length).toBeGreaterThan(one.edges.length);
    const recent = await graphOf({ namespaces: ['bookinfo', 'payments', 'legacy'], recentSeconds: 10 });
    expect(recent.meta.queries).toBe(8);
    expect(recent.meta.recentSeconds).toBe(10);
    expect(recent.edges.map((e) => e.id)).toEqual(three.edges.map((e) => e.id));
  });

  it('judges each edge over the recent sub-window too, with the same de-duplication', async () => {
    const graph = await graphOf({ namespaces: ['bookinfo', 'payments'], recentSeconds: 20 });
    const reviews = edge(graph, 'bookinfo/productpage-v1', 'bookinfo/reviews-v2', 'L7');
    expect(reviews.recent).toMatchObject({ seconds: 20, errorRate: 0, mtls: 1 });
    // The waypoint's requests, counted once: about the window's rate, not two or three times it.
    const ratio = (reviews.recent?.requestsPerSecond ?? 0) / reviews.requestsPerSecond;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(1.5);
    expect(edge(graph, 'outside/client', 'payments/api-v1', 'L4').recent).toMatchObject({ mtls: 0 });
    expect(edge(graph, 'payments/api-v1', 'payments/postgres', 'L4').recent).toMatchObject({ mtls: 1 });
  });

  it('answers an unknown namespace with an empty graph and an error', async () => {
    const graph = await graphOf({ namespaces: ['no-such-namespace'] });
    expect(graph).toMatchObject({ nodes: [], edges: [], meta: { queries: 0 } });
    expect(graph.errors).toEqual([expect.objectContaining({ kind: 'not_found' })]);
  });
});
