import { describe, expect, it } from 'vitest';
import type { NamespacePosture, NamespaceTraffic } from '@/lib/mesh/types';
import {
  modeWord,
  mtlsText,
  peerAuthenticationText,
  percentDown,
  perSecond,
  podCountsText,
  trafficText,
} from './posture-format';

const traffic = (t: Partial<NamespaceTraffic>): NamespaceTraffic => ({
  requestsPerSecond: 0,
  errorsPerSecond: 0,
  clientErrorsPerSecond: 0,
  connectionsPerSecond: 0,
  deniedPerSecond: 0,
  bytesPerSecond: 0,
  mtlsShare: null,
  ...t,
});
const card = (over: Partial<NamespacePosture>): NamespacePosture => ({
  name: 'shop',
  mode: 'ambient',
  enrollment: null,
  pods: { total: 1, captured: 1, sidecar: 0, uncaptured: 0, infrastructure: 0 },
  waypoints: [],
  peerAuthentication: { mode: 'PERMISSIVE', level: 'default', source: null, workloadPolicies: 0 },
  traffic: traffic({}),
  health: 'idle',
  problems: [],
  ...over,
});
const STRICT = {
  mode: 'STRICT',
  level: 'mesh',
  source: 'istio-system/default',
  workloadPolicies: 0,
} as const;

describe('numbers', () => {
  it.each([
    [0, '0/s'],
    [0.004, '<0.01/s'],
    [0.0166, '0.02/s'],
    [3.0166, '3.02/s'],
    [39.633, '39.6/s'],
    [1234.4, '1234/s'],
  ])('perSecond(%s) = %s', (rate, text) => {
    expect(perSecond(rate)).toBe(text);
  });

  it('never rounds plaintext away', () => {
    expect(percentDown(0.9996)).toBe('99.9%');
    expect(percentDown(1)).toBe('100%');
  });
});

describe('mtlsText: red only where STRICT promised mTLS', () => {
  it.each([
    ['all mTLS', card({ traffic: traffic({ mtlsShare: 1 }) }), '100% mTLS', 'good'],
    ['plaintext under PERMISSIVE', card({ traffic: traffic({ mtlsShare: 0.872 }) }), '87.2% mTLS', 'warn'],
    [
      'plaintext under STRICT',
      card({ peerAuthentication: STRICT, traffic: traffic({ mtlsShare: 0.5 }) }),
      '50% mTLS',
      'bad',
    ],
    [
      'plaintext out of the mesh',
      card({ mode: 'none', traffic: traffic({ mtlsShare: 0 }) }),
      '0% mTLS',
      'muted',
    ],
  ])('%s', (_name, posture, text, tone) => {
    expect(mtlsText(posture)).toEqual({ text, tone });
  });

  it('says nothing without traffic', () => {
    expect(mtlsText(card({}))).toBeNull();
    expect(mtlsText(card({ traffic: null }))).toBeNull();
  });
});

describe('words', () => {
  it('names the PeerAuthentication and where it comes from', () => {
    expect(peerAuthenticationText(STRICT)).toBe('STRICT from istio-system/default (mesh)');
    expect(
      peerAuthenticationText({ mode: 'PERMISSIVE', level: 'default', source: null, workloadPolicies: 2 }),
    ).toBe('PERMISSIVE (default); 2 workload policies');
  });

  it.each([
    [traffic({ requestsPerSecond: 3.0166, errorsPerSecond: 0.0166 }), '3.02 rps, 0.6% 5xx'],
    [traffic({ requestsPerSecond: 1.55, connectionsPerSecond: 3.9166 }), '1.55 rps, 0% 5xx · 3.92 conn/s'],
    [traffic({}), 'no traffic in the window'],
    [null, 'rates unavailable'],
  ])('trafficText %#', (t, text) => {
    expect(trafficText(card({ traffic: t }))).toBe(text);
  });
});

describe('pods and mode', () => {
  const pods = (p: Partial<NamespacePosture['pods']>): NamespacePosture['pods'] => ({
    total: 0,
    captured: 0,
    sidecar: 0,
    uncaptured: 0,
    infrastructure: 0,
    ...p,
  });
  it.each([
    [pods({ total: 6, captured: 6, infrastructure: 1 }), '6 captured (+1 mesh infrastructure)'],
    [pods({ total: 3, captured: 1, sidecar: 1, uncaptured: 1 }), '1 captured, 1 sidecar, 1 not captured'],
    [pods({ total: 2, uncaptured: 2 }), '2 pods'],
    [pods({}), 'no application pods'],
    [pods({ infrastructure: 8 }), '8 pods'],
  ])('podCountsText %#', (p, text) => {
    expect(podCountsText(p)).toBe(text);
  });

  it('reads a namespace of only mesh pods as infrastructure, not as out of the mesh', () => {
    expect(modeWord(card({ mode: 'none', pods: pods({ infrastructure: 8 }) })).text).toBe(
      'mesh infrastructure',
    );
    expect(modeWord(card({ mode: 'none', pods: pods({ total: 1, uncaptured: 1 }) })).text).toBe(
      'out of mesh',
    );
  });
});
