import { describe, expect, it } from 'vitest';
import { caseGraph } from './__fixtures__/cases';
import { toResponse } from './to-response';

describe('toResponse', () => {
  it('turns totals into the DTO: rates, error share, latency means, mTLS share, sorted ids', () => {
    const graph = caseGraph('workload', 'ambient-waypoint', 'ambient-l4');
    const { nodes, edges } = toResponse(graph);
    expect(nodes.map((n) => n.id)).toEqual([...nodes.map((n) => n.id)].sort());
    expect(nodes.every((n) => !('workloads' in n) && !('services' in n))).toBe(true);
    const l7 = edges.find((e) => e.layer === 'L7');
    expect(l7).toMatchObject({
      protocol: 'http',
      via: 'workload:bookinfo/waypoint',
      requestsPerSecond: expect.closeTo(1, 9),
      errorRate: expect.closeTo(0.1, 9),
      mtls: 1,
      sourcePrincipals: ['spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage'],
    });
    const latency = l7?.latencyMs;
    expect(latency?.p50).toBeGreaterThan(0);
    expect(latency?.p50).toBeLessThanOrEqual(latency?.p95 ?? 0);
    expect(latency?.p95).toBeLessThanOrEqual(latency?.p99 ?? 0);
    const l4 = edges.find((e) => e.target === 'workload:payments/postgres-v1');
    expect(l4).toMatchObject({
      requestsPerSecond: 0,
      errorRate: 0,
      latencyMs: null,
      mtls: 1,
      responseCodes: {},
    });
    expect(l4?.bytesPerSecond).toBeGreaterThan(0);
  });

  it('files failing gRPC statuses in the error share', () => {
    const graph = caseGraph('workload', 'sidecar');
    const [edge] = graph.edges.values();
    if (edge) edge.totals = { ...edge.totals, requests: 4, responseCodes: { '200': 4 }, grpcErrors: 1 };
    expect(toResponse(graph).edges[0]?.errorRate).toBeCloseTo(0.25, 9);
  });
});
