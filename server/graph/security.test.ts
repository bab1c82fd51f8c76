import { describe, expect, it } from 'vitest';
import { caseSamples, clusterFacts } from './__fixtures__/cases';
import { deduplicate } from './deduplicate';
import { borrowL4Security } from './security';
import { trafficRecords } from './traffic-records';

const edgesOf = (name: Parameters<typeof caseSamples>[0]) =>
  deduplicate(trafficRecords(caseSamples(name)), clusterFacts());

describe('borrowL4Security', () => {
  it("gives a gateway's L7 edge the mTLS share and identities ztunnel saw for the same pair", () => {
    const edges = edgesOf('gateway');
    const l7 = edges.find((e) => e.layer === 'L7');
    const l4 = edges.find((e) => e.layer === 'L4');
    expect(l7?.totals.mtlsRequests).toBe(0);
    const bytesBefore = l4?.totals.bytes;
    borrowL4Security(edges);
    expect(l7?.totals.mtlsRequests).toBeCloseTo(l7?.totals.requests ?? NaN, 9);
    expect([...(l7?.totals.destinationPrincipals ?? [])]).toEqual([
      'spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage',
    ]);
    // Bytes stay with the L4 edge: never on both.
    expect(l7?.totals.bytes).toBeNull();
    expect(l4?.totals.bytes).toBe(bytesBefore);
  });

  it('leaves edges alone that report their own security, or have no L4 twin', () => {
    const sidecar = edgesOf('sidecar');
    const before = sidecar[0]?.totals.mtlsRequests;
    borrowL4Security(sidecar);
    expect(sidecar[0]?.totals.mtlsRequests).toBe(before);
    const unknown = edgesOf('unknown-caller');
    borrowL4Security(unknown);
    expect(unknown[0]?.totals.mtlsRequests).toBe(0);
  });
});
