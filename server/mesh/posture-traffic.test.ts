import { describe, expect, it } from 'vitest';
import type { NamespaceTraffic } from '@/lib/mesh/types';
import { caseSamples, clusterFacts, type CaseName } from '@/server/graph/__fixtures__/cases';
import { GRAPH_QUERIES } from '@/server/graph/queries';
import { POSTURE_QUERIES, trafficByNamespace } from './posture-traffic';

/** The recorded cases of the graph's tests (real reporter patterns), as the posture's reads, per namespace. */
function trafficOf(...names: CaseName[]): Map<string, NamespaceTraffic> {
  const all = caseSamples(...names);
  const reads = Object.fromEntries(POSTURE_QUERIES.map((q) => [q.name, all[q.name] ?? []]));
  return trafficByNamespace(reads, clusterFacts());
}

describe('trafficByNamespace: each hop once (docs: "Avoiding double counting")', () => {
  const rows: [string, CaseName[], string, Partial<Record<keyof NamespaceTraffic, number | null>>][] = [
    [
      'a call through a waypoint: the waypoint’s L7 series only, not the two ztunnel hops',
      ['ambient-waypoint'],
      'bookinfo',
      {
        requestsPerSecond: 1,
        errorsPerSecond: 0.1,
        connectionsPerSecond: 0,
        bytesPerSecond: 4000,
        mtlsShare: 1,
      },
    ],
    [
      'sidecar to sidecar: the destination report, not both',
      ['sidecar'],
      'legacy',
      { requestsPerSecond: 3, errorsPerSecond: 0, mtlsShare: 1 },
    ],
    [
      'ambient L4 and a plaintext client: ztunnel’s destination report; plaintext lowers the share',
      ['ambient-l4', 'plaintext-ambient'],
      'payments',
      { requestsPerSecond: 0, connectionsPerSecond: 0.75, mtlsShare: 0.7 / 0.75 },
    ],
    [
      'a connection refused by ztunnel',
      ['ztunnel-deny'],
      'payments',
      { connectionsPerSecond: 0.4, deniedPerSecond: 0.4 },
    ],
    [
      'a 403 at the waypoint',
      ['waypoint-403'],
      'bookinfo',
      { requestsPerSecond: 1, clientErrorsPerSecond: 0.2 },
    ],
    [
      'the ingress gateway’s source report takes mTLS from ztunnel’s view of the same pair',
      ['gateway'],
      'bookinfo',
      { requestsPerSecond: 1, connectionsPerSecond: 0.1, mtlsShare: 1 },
    ],
    [
      'a plaintext caller seen by a sidecar',
      ['unknown-caller'],
      'legacy',
      { requestsPerSecond: 0.3, mtlsShare: 0 },
    ],
  ];
  it.each(rows)('%s', (_name, cases, namespace, expected) => {
    const traffic = trafficOf(...cases).get(namespace);
    expect(traffic).toBeDefined();
    for (const [field, value] of Object.entries(expected)) {
      const actual = traffic?.[field as keyof NamespaceTraffic];
      if (value === null) expect(actual, field).toBeNull();
      else expect(actual, field).toBeCloseTo(value, 9);
    }
  });

  it('counts a namespace only for what arrives in it', () => {
    expect([...trafficOf('plaintext-ambient').keys()]).toEqual(['payments']);
  });
});

describe('POSTURE_QUERIES', () => {
  it('are three of the graph’s reads, with the graph’s labels', () => {
    expect(POSTURE_QUERIES.map((q) => q.name)).toEqual(['requests', 'sentBytes', 'closedConnections']);
    for (const q of POSTURE_QUERIES) expect(GRAPH_QUERIES).toContain(q);
    expect(POSTURE_QUERIES.every((q) => q.read.kind === 'rate')).toBe(true);
  });
});
