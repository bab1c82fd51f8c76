import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataResponse } from '@/lib/api/dto';
import type { ControlPlaneComponent, MeshOverview, NamespacePosture } from '@/lib/mesh/types';
import { SourceError } from '@/lib/source-error';
import type { DemoMesh } from '@/server/demo/mesh';
import type { KubeCache } from '@/server/kube/cache';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { startDemoCluster } from '@/server/testing/demo-cluster';
import { readMeshOverview } from './posture';

/**
 * The posture of the live demo mesh: its API server read through the watch cache, its telemetry through the direct
 * MetricsSource, as the route does in demo mode.
 */

let mesh: DemoMesh;
let cache: KubeCache;
let stop: (() => Promise<void>) | undefined;
let overview: DataResponse<MeshOverview>;

beforeAll(async () => {
  ({ mesh, cache, stop } = await startDemoCluster({ seed: 'posture-int', prefillMs: 120_000 }));
  overview = await readMeshOverview({ windowSeconds: 60 }, { kube: cache, metrics: mesh.telemetry.metrics });
});

afterAll(async () => {
  await stop?.();
});

function card(name: string, from: DataResponse<MeshOverview> = overview): NamespacePosture {
  const found = from.data.namespaces.find((n) => n.name === name);
  if (!found) throw new Error(`no card for ${name}: ${from.data.namespaces.map((n) => n.name).join(', ')}`);
  return found;
}
function component(id: string): ControlPlaneComponent {
  const found = overview.data.controlPlane.find((c) => c.id === id);
  if (!found) throw new Error(`no component ${id}`);
  return found;
}

describe('the posture of the demo mesh', () => {
  it('answers without errors, with a fixed number of queries', () => {
    expect(overview.errors).toEqual([]);
    expect(overview.data.meta).toMatchObject({ windowSeconds: 60, queries: 3 });
  });

  it('bookinfo: ambient, every pod captured, through its Programmed namespace waypoint', () => {
    const bookinfo = card('bookinfo');
    expect(bookinfo).toMatchObject({ mode: 'ambient', problems: [] });
    expect(bookinfo.pods).toMatchObject({
      total: 6,
      captured: 6,
      sidecar: 0,
      uncaptured: 0,
      infrastructure: 1,
    });
    expect(bookinfo.waypoints).toEqual([
      {
        namespace: 'bookinfo',
        name: 'waypoint',
        exists: true,
        programmed: true,
        trafficType: 'service',
        usedBy: ['namespace'],
      },
    ]);
    expect(bookinfo.peerAuthentication).toEqual({
      mode: 'PERMISSIVE',
      level: 'default',
      source: null,
      workloadPolicies: 0,
    });
    expect(bookinfo.traffic?.requestsPerSecond).toBeGreaterThan(10);
    expect(bookinfo.traffic?.mtlsShare).toBe(1);
    expect(['healthy', 'degraded']).toContain(bookinfo.health);
  });

  it('payments: ambient without a waypoint, L4 only, plaintext from outside accepted', () => {
    const payments = card('payments');
    expect(payments).toMatchObject({ mode: 'ambient', waypoints: [], health: 'healthy' });
    expect(payments.pods).toMatchObject({ total: 3, captured: 3 });
    expect(payments.traffic?.connectionsPerSecond).toBeGreaterThan(0);
    expect(payments.traffic?.mtlsShare).toBeGreaterThan(0);
    expect(payments.traffic?.mtlsShare).toBeLessThan(1);
    expect(payments.problems).toEqual([
      expect.stringMatching(/^PERMISSIVE: plaintext accepted \(\d+(\.\d)?% of/),
    ]);
  });

  it('legacy: sidecars, with their requests counted once', () => {
    const legacy = card('legacy');
    expect(legacy).toMatchObject({ mode: 'sidecar', waypoints: [] });
    expect(legacy.pods).toMatchObject({ total: 2, sidecar: 2, captured: 0 });
    expect(legacy.enrollment).toBe('istio-injection=enabled');
    // inventory-sync sends 3 requests a second to inventory; the sidecars at both ends report them.
    expect(legacy.traffic?.requestsPerSecond).toBeGreaterThan(2.4);
    expect(legacy.traffic?.requestsPerSecond).toBeLessThan(3.6);
  });

  it('outside: out of the mesh, with nothing to say about it', () => {
    expect(card('outside')).toMatchObject({
      mode: 'none',
      enrollment: null,
      pods: { total: 1, uncaptured: 1 },
      waypoints: [],
      problems: [],
    });
  });

  it('istio-system: a healthy control plane, ztunnel ready on the three nodes', () => {
    expect(overview.data.controlPlane.map((c) => [c.id, c.state])).toEqual([
      ['istiod', 'ok'],
      ['ztunnel', 'ok'],
      ['cni', 'ok'],
      ['gateway-api', 'ok'],
    ]);
    expect(component('istiod')).toMatchObject({ version: '1.28.0', ready: 1, desired: 1 });
    const ztunnel = component('ztunnel');
    expect(ztunnel).toMatchObject({ version: '1.28.0', ready: 3, desired: 3 });
    expect(ztunnel.nodes?.map((n) => [n.node, n.ready])).toEqual([
      ['demo-worker-1', true],
      ['demo-worker-2', true],
      ['demo-worker-3', true],
    ]);
    expect(component('cni')).toMatchObject({ version: '1.28.0', ready: 3, desired: 3 });
    expect(card('istio-system').pods.infrastructure).toBeGreaterThanOrEqual(5);
  });

  it('puts namespaces with problems first', () => {
    const names = overview.data.namespaces.map((n) => n.name);
    expect(names.indexOf('payments')).toBeLessThan(names.indexOf('outside'));
  });
});

describe('the posture when metrics are down (errors are data)', () => {
  const down: MetricsSource = {
    source: 'prometheus',
    resolutionSeconds: 15,
    rate: () =>
      Promise.reject(new SourceError('prometheus', 'unreachable', 'prometheus: connection refused')),
    quantile: () => Promise.reject(new Error('not used')),
    rateRange: () => Promise.reject(new Error('not used')),
    probe: () => Promise.reject(new Error('not used')),
  };

  it('leaves the rates empty with an error, and still shows the Kubernetes parts', async () => {
    const answer = await readMeshOverview({ windowSeconds: 60 }, { kube: cache, metrics: down });
    expect(answer.errors).toEqual([
      { source: 'prometheus', kind: 'unreachable', message: 'prometheus: connection refused' },
    ]);
    expect(card('bookinfo', answer)).toMatchObject({ mode: 'ambient', traffic: null, health: 'unknown' });
    expect(card('bookinfo', answer).waypoints).toHaveLength(1);
    expect(answer.data.controlPlane.every((c) => c.state === 'ok')).toBe(true);
  });

  it('says there is no metrics source when there is none', async () => {
    const answer = await readMeshOverview({ windowSeconds: 60 }, { kube: cache, metrics: null });
    expect(answer.errors).toEqual([expect.objectContaining({ source: 'prometheus', kind: 'unavailable' })]);
    expect(answer.data.meta.queries).toBe(0);
    expect(card('legacy', answer).mode).toBe('sidecar');
  });
});
