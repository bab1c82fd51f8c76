import { describe, expect, it } from 'vitest';
import type { WaypointCard } from '@/lib/mesh/views-types';
import {
  bytesText,
  meshTab,
  meshTabHref,
  modeTone,
  nodeName,
  programmedText,
  replicasText,
  shortPrincipal,
} from './mesh-format';

describe('the tab in the URL', () => {
  it.each([
    ['', 'waypoints'],
    ['tab=mtls', 'mtls'],
    ['window=1h&tab=waypoints', 'waypoints'],
    ['tab=bogus', 'waypoints'],
  ])('%s shows %s', (query, tab) => {
    expect(meshTab(query)).toBe(tab);
  });

  it("keeps the shell's view and leaves the default tab out, so the section link stays /mesh?<view>", () => {
    expect(meshTabHref('window=1h&refresh=30s', 'mtls')).toBe('/mesh?window=1h&refresh=30s&tab=mtls');
    expect(meshTabHref('window=1h&tab=mtls', 'waypoints')).toBe('/mesh?window=1h');
    expect(meshTabHref('tab=mtls', 'waypoints')).toBe('/mesh');
  });
});

describe('words', () => {
  it('names nodes as people read them', () => {
    expect(nodeName('workload:outside/client')).toBe('outside/client');
    expect(nodeName('unknown')).toBe('unknown (outside the mesh)');
    expect(nodeName('external:api.stripe.com')).toBe('api.stripe.com');
    expect(shortPrincipal('spiffe://cluster.local/ns/legacy/sa/inventory')).toBe('legacy/inventory');
    expect(shortPrincipal('spiffe://other')).toBe('spiffe://other');
  });

  it.each([
    [null, '—'],
    [820.4, '820 B/s'],
    [9_963.3, '9.96 kB/s'],
    [59_200, '59.2 kB/s'],
    [1_250_000, '1.3 MB/s'],
  ])('writes %s bytes/s as %s', (bytes, text) => {
    expect(bytesText(bytes)).toBe(text);
  });

  it('colours modes: only where PeerAuthentication applies', () => {
    expect(modeTone('STRICT', 'ambient')).toBe('good');
    expect(modeTone('PERMISSIVE', 'sidecar')).toBe('warn');
    expect(modeTone('DISABLE', 'mixed')).toBe('bad');
    expect(modeTone('PERMISSIVE', 'none')).toBe('muted');
  });

  it('writes Programmed and replicas with their tone', () => {
    const card = {
      programmed: { status: 'False', reason: 'Invalid', message: null },
      replicas: { ready: 1, desired: 2 },
    } as WaypointCard;
    expect(programmedText(card)).toEqual({ text: 'not Programmed (Invalid)', tone: 'bad' });
    expect(replicasText(card)).toEqual({ text: '1/2 ready', tone: 'warn' });
    expect(replicasText({ ...card, replicas: null })).toEqual({ text: 'no Deployment', tone: 'bad' });
    expect(programmedText({ ...card, programmed: null }).text).toBe('no status yet');
  });
});
