import { describe, expect, it } from 'vitest';
import type { Sample } from '@/lib/metrics/types';
import { caseSamples, clusterFacts, recentCaseReads, type CaseName } from './__fixtures__/cases';
import { clusterSnapshot } from './__fixtures__/cluster';
import { deduplicate } from './deduplicate';
import { meshFacts } from './mesh-facts';
import type { TrafficEdge } from './model';
import { trafficRecords } from './traffic-records';

const facts = clusterFacts();
const edgesOf = (...names: CaseName[]): TrafficEdge[] =>
  deduplicate(trafficRecords(caseSamples(...names)), facts);
const pair = (e: TrafficEdge): string =>
  `${e.source.workload}->${e.destination.workload} ${e.protocol} ${e.layer} by ${e.reporter}`;

/** The sum of one read's samples with these labels. */
function sum(samples: Sample[] | undefined, labels: Record<string, string>): number {
  return (samples ?? [])
    .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}

describe('deduplicate, one recorded case at a time', () => {
  it('ambient -> waypoint -> ambient: the three series of a call become one L7 edge through the waypoint', () => {
    const samples = caseSamples('ambient-waypoint');
    // Three reporters saw the bytes: the client's ztunnel, the waypoint and the server's ztunnel.
    expect(new Set(samples.sentBytes?.map((s) => s.labels.reporter))).toEqual(
      new Set(['source', 'waypoint', 'destination']),
    );
    const edges = edgesOf('ambient-waypoint');
    expect(edges.map(pair)).toEqual(['productpage-v1->reviews-v2 http L7 by waypoint']);
    const [edge] = edges;
    expect(edge?.via).toBe('bookinfo/waypoint');
    expect(edge?.totals.requests).toBeCloseTo(1, 9);
    expect(edge?.totals.responseCodes).toEqual({
      '200': expect.closeTo(0.9, 9),
      '503': expect.closeTo(0.1, 9),
    });
    // Bytes are the waypoint's own TCP series for the pair, counted once.
    const waypointBytes =
      sum(samples.sentBytes, { reporter: 'waypoint' }) + sum(samples.receivedBytes, { reporter: 'waypoint' });
    expect(edge?.totals.bytes).toBeCloseTo(waypointBytes, 6);
    expect(edge?.totals.mtlsRequests).toBeCloseTo(1, 9);
    expect(edge?.totals.latency?.weight).toBeCloseTo(1, 9);
    expect(edge?.totals.sourcePrincipals).toEqual(
      new Set(['spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage']),
    );
  });

  it('ambient -> ambient without a waypoint: L4 edges from the destination ztunnel only', () => {
    const samples = caseSamples('ambient-l4');
    const edges = edgesOf('ambient-l4');
    expect(edges.map(pair).sort()).toEqual([
      'api-v1->postgres-v1 tcp L4 by destination',
      'worker-v1->api-v1 tcp L4 by destination',
    ]);
    const api = edges.find((e) => e.destination.workload === 'api-v1');
    const at = { reporter: 'destination', destination_workload: 'api-v1' };
    expect(api?.totals.bytes).toBeCloseTo(sum(samples.sentBytes, at) + sum(samples.receivedBytes, at), 6);
    expect(api?.totals.connections).toBeCloseTo(sum(samples.closedConnections, at), 9);
    expect(api?.totals.mtlsConnections).toBeCloseTo(api?.totals.connections ?? NaN, 9);
    expect(api?.totals.requests).toBe(0);
  });

  it('sidecar -> sidecar: the destination sidecar counts, the source copy does not add', () => {
    const samples = caseSamples('sidecar');
    expect(sum(samples.requests, {})).toBeCloseTo(6, 9);
    const edges = edgesOf('sidecar');
    expect(edges.map(pair)).toEqual(['orders-v1->inventory-v1 http L7 by destination']);
    expect(edges[0]?.totals.requests).toBeCloseTo(3, 9);
    expect(edges[0]?.via).toBeNull();
    expect(edges[0]?.totals.bytes).toBeNull();
  });

  it('out-of-mesh plaintext -> ambient: an L4 edge without mTLS or caller identity', () => {
    const [edge, ...rest] = edgesOf('plaintext-ambient');
    expect(rest).toEqual([]);
    expect(edge && pair(edge)).toBe('client-v1->api-v1 tcp L4 by destination');
    expect(edge?.totals.mtlsConnections).toBe(0);
    expect(edge?.totals.connections).toBeGreaterThan(0);
    expect(edge?.totals.sourcePrincipals.size).toBe(0);
  });

  it('ztunnel DENY: refused connections, read from the close, filed under code 0', () => {
    const [edge, ...rest] = edgesOf('ztunnel-deny');
    expect(rest).toEqual([]);
    expect(edge && pair(edge)).toBe('worker-v1->postgres-v1 tcp L4 by destination');
    expect(edge?.totals.denied).toBeCloseTo(0.4, 9);
    expect(edge?.totals.denied).toBeCloseTo(edge?.totals.connections ?? NaN, 9);
    expect(edge?.totals.responseCodes).toEqual({ '0': expect.closeTo(0.4, 9) });
  });

  it('403 at the waypoint: an L7 edge through the waypoint with the refusals', () => {
    const edges = edgesOf('waypoint-403');
    expect(edges.map(pair)).toEqual(['productpage-v1->details-v1 http L7 by waypoint']);
    expect(edges[0]?.totals.responseCodes).toEqual({
      '200': expect.closeTo(0.8, 9),
      '403': expect.closeTo(0.2, 9),
    });
  });

  it('gateway -> productpage: L7 from the gateway (the callee has no proxy), L4 from its ztunnel', () => {
    const edges = edgesOf('gateway');
    expect(edges.map(pair).sort()).toEqual([
      'istio-ingressgateway->productpage-v1 http L7 by source',
      'istio-ingressgateway->productpage-v1 tcp L4 by destination',
    ]);
    const l7 = edges.find((e) => e.layer === 'L7');
    expect(l7?.totals.requests).toBeCloseTo(1, 9);
    // The gateway cannot tell the security of the connection; security.ts completes it.
    expect(l7?.totals.mtlsRequests).toBe(0);
  });

  it('unknown caller: a plaintext client the sidecar cannot name', () => {
    const edges = edgesOf('unknown-caller');
    expect(edges.map(pair)).toEqual(['unknown->inventory-v1 http L7 by destination']);
    expect(edges[0]?.source.namespace).toBe('unknown');
  });
});

describe('deduplicate, beyond the recorded cases', () => {
  it('keeps every case apart when they are read together', () => {
    const all = edgesOf('ambient-waypoint', 'ambient-l4', 'sidecar', 'gateway');
    expect(all).toHaveLength(1 + 2 + 1 + 2);
  });

  it('names the waypoint from the client hop when configuration no longer binds it', () => {
    const snapshot = clusterSnapshot();
    const unbound = meshFacts({
      ...snapshot,
      namespaces: snapshot.namespaces.map((ns) =>
        ns.metadata.name === 'bookinfo' ? { metadata: { name: 'bookinfo' } } : ns,
      ),
    });
    const [edge] = deduplicate(trafficRecords(caseSamples('ambient-waypoint')), unbound);
    expect(edge?.via).toBe('bookinfo/waypoint');
  });

  it('does not treat a workload named waypoint as one unless a waypoint Gateway runs it', () => {
    const noGateway = meshFacts({ ...clusterSnapshot(), gateways: [] });
    const edges = deduplicate(trafficRecords(caseSamples('ambient-waypoint')), noGateway);
    // Without configuration, the hops through it are edges of their own.
    expect(edges.map(pair).sort()).toContain('productpage-v1->waypoint tcp L4 by source');
  });

  it('counts bytes read both ways in one query as it counts the two one-way reads', () => {
    const cases: CaseName[] = ['ambient-waypoint', 'ambient-l4', 'gateway', 'ztunnel-deny'];
    const bytesOf = (edges: TrafficEdge[]): Record<string, number | null> =>
      Object.fromEntries(edges.map((e) => [pair(e), e.totals.bytes]));
    const oneWay = bytesOf(edgesOf(...cases));
    const merged = bytesOf(deduplicate(trafficRecords(recentCaseReads(...cases).samples), facts));
    expect(Object.keys(merged).sort()).toEqual(Object.keys(oneWay).sort());
    for (const [key, bytes] of Object.entries(oneWay)) {
      if (bytes === null) expect(merged[key], key).toBeNull();
      else expect(merged[key], key).toBeCloseTo(bytes, 6);
    }
    expect(Object.values(merged).filter((bytes) => (bytes ?? 0) > 0).length).toBeGreaterThan(3);
  });

  it('makes TCP through a waypoint an L4 edge via the waypoint when no L7 edge carries it', () => {
    const { sentBytes, receivedBytes, closedConnections } = caseSamples('ambient-waypoint');
    const edges = deduplicate(trafficRecords({ sentBytes, receivedBytes, closedConnections }), facts);
    expect(edges.map(pair)).toEqual(['productpage-v1->reviews-v2 tcp L4 by waypoint']);
    expect(edges[0]?.via).toBe('bookinfo/waypoint');
  });
});
