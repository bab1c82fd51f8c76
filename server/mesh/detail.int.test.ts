import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataResponse } from '@/lib/api/dto';
import type { PeerRow, WorkloadDetail } from '@/lib/mesh/detail-types';
import { SourceError } from '@/lib/source-error';
import type { DemoMesh } from '@/server/demo/mesh';
import type { KubeCache } from '@/server/kube/cache';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { startDemoCluster } from '@/server/testing/demo-cluster';
import { readNamespaceDetail } from './namespace-detail';
import { readWorkloadDetail } from './workload-detail';

/**
 * The namespace and workload pages on the live demo mesh: its API server read through the watch cache, its
 * telemetry through the direct MetricsSource, as the routes do in demo mode. Seven minutes of history, so that a
 * five-minute window is full.
 */

let mesh: DemoMesh;
let cache: KubeCache;
let stop: (() => Promise<void>) | undefined;
const WINDOW = { windowSeconds: 300 };
const sources = (): { kube: KubeCache; metrics: MetricsSource } => ({
  kube: cache,
  metrics: mesh.telemetry.metrics,
});

beforeAll(async () => {
  ({ mesh, cache, stop } = await startDemoCluster({ seed: 'mesh-detail-int', prefillMs: 420_000 }));
});

afterAll(async () => {
  await stop?.();
});

async function workload(
  namespace: string,
  name: string,
  metrics: MetricsSource | null = mesh.telemetry.metrics,
): Promise<DataResponse<WorkloadDetail>> {
  const answer = await readWorkloadDetail({ namespace, name }, WINDOW, { kube: cache, metrics });
  if (answer.status !== 200)
    throw new Error(`${namespace}/${name}: ${answer.status} ${answer.body.error.message}`);
  return answer.body;
}

function peer(rows: readonly PeerRow[], name: string): PeerRow {
  const found = rows.find(
    (r) => r.workload !== null && `${r.workload.namespace}/${r.workload.name}` === name,
  );
  if (!found) throw new Error(`no peer ${name}: ${rows.map((r) => r.node).join(', ')}`);
  return found;
}

describe('the workload page on the demo mesh', () => {
  it('bookinfo/reviews-v2: through bookinfo/waypoint, PERMISSIVE by default, called by productpage, calling ratings', async () => {
    const { data, errors } = await workload('bookinfo', 'reviews-v2');
    expect(errors).toEqual([]);
    expect(data).toMatchObject({ role: 'workload', dataplane: 'ambient', trafficKnown: true });
    expect(data.waypoint).toMatchObject({
      waypoint: { namespace: 'bookinfo', name: 'waypoint' },
      status: 'bound',
    });
    expect(data.waypoint.reason).toMatch(/inherited from namespace/);
    expect(data.peerAuthentication).toMatchObject({
      mode: 'PERMISSIVE',
      level: 'default',
      policy: null,
      ports: [],
    });
    expect(data.pods.length).toBeGreaterThan(0);
    expect(data.pods.every((p) => p.dataplane === 'ambient' && p.ready)).toBe(true);
    expect(data.services).toContain('reviews');
    expect(data.identities).toEqual(['spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews']);

    const caller = peer(data.callers, 'bookinfo/productpage-v1');
    expect(caller.requestsPerSecond).toBeGreaterThan(0);
    expect(caller.via).toBe('workload:bookinfo/waypoint');
    expect(caller.mtlsShare).toBe(1);
    expect(peer(data.callees, 'bookinfo/ratings-v1').requestsPerSecond).toBeGreaterThan(0);

    const { inbound, outbound } = data.traffic;
    expect(inbound.points.length).toBeGreaterThan(5);
    expect(inbound).toMatchObject({ reporters: ['waypoint'], known: true });
    expect(inbound.stepSeconds).toBe(15);
    const last = inbound.points.at(-1);
    expect(last?.requestsPerSecond).toBeGreaterThan(0);
    expect(last?.p95Ms).toBeGreaterThan(0);
    // The series counts each call once: about what the graph's edge says.
    const rps = data.callers.reduce((sum, r) => sum + r.requestsPerSecond, 0);
    const mean = inbound.points.slice(-5).reduce((s, p) => s + p.requestsPerSecond, 0) / 5;
    expect(mean).toBeGreaterThan(rps * 0.6);
    expect(mean).toBeLessThan(rps * 1.4);
    expect(outbound.points.length).toBeGreaterThan(5);
  });

  it('legacy/inventory-v1: sidecar, its series from its own sidecar', async () => {
    const { data } = await workload('legacy', 'inventory-v1');
    expect(data.dataplane).toBe('sidecar');
    expect(data.pods.every((p) => p.dataplane === 'sidecar')).toBe(true);
    expect(data.waypoint).toMatchObject({ waypoint: null, status: 'not-captured' });
    expect(data.traffic.inbound.reporters).toEqual(['destination']);
    expect(peer(data.callers, 'legacy/inventory-sync').requestsPerSecond).toBeGreaterThan(2);
  });

  it('an unknown workload or namespace is a 404', async () => {
    const unknown = await readWorkloadDetail({ namespace: 'bookinfo', name: 'nope' }, WINDOW, sources());
    expect(unknown).toEqual({
      status: 404,
      body: {
        error: { source: 'kubernetes', kind: 'not_found', message: 'workload "bookinfo/nope" not found' },
      },
    });
    const elsewhere = await readWorkloadDetail({ namespace: 'nowhere', name: 'api-v1' }, WINDOW, sources());
    expect(elsewhere.status).toBe(404);
    const namespace = await readNamespaceDetail('nowhere', WINDOW, sources());
    expect(namespace.status).toBe(404);
  });
});

describe('the namespace page on the demo mesh', () => {
  it('payments: its workloads, none through a waypoint, with inbound rates', async () => {
    const answer = await readNamespaceDetail('payments', WINDOW, sources());
    if (answer.status !== 200) throw new Error(answer.body.error.message);
    const { data, errors } = answer.body;
    expect(errors).toEqual([]);
    expect(data.posture).toMatchObject({ name: 'payments', mode: 'ambient', waypoints: [] });
    expect(data.workloads.map((w) => w.name)).toEqual(['api-v1', 'postgres']);
    expect(data.workloads.every((w) => w.waypoint.waypoint === null && w.dataplane === 'ambient')).toBe(true);
    expect(data.workloads[0]?.pods).toEqual({ total: 2, ready: 2 });
    expect(data.workloads[0]?.peerAuthentication).toMatchObject({ mode: 'PERMISSIVE', level: 'default' });
    expect(data.traffic.inbound.points.length).toBeGreaterThan(5);
    // L4 only without a waypoint: ztunnel's connections, and the sidecar client's requests.
    expect(data.traffic.inbound.points.at(-1)?.connectionsPerSecond).toBeGreaterThan(0);
  });

  it('bookinfo: every workload behind its waypoint, the waypoint itself not listed', async () => {
    const answer = await readNamespaceDetail('bookinfo', WINDOW, sources());
    if (answer.status !== 200) throw new Error(answer.body.error.message);
    const { data } = answer.body;
    expect(data.workloads.map((w) => w.name)).not.toContain('waypoint');
    expect(data.workloads).toHaveLength(6);
    expect(data.workloads.every((w) => w.waypoint.waypoint?.name === 'waypoint')).toBe(true);
    const reviews = data.workloads.find((w) => w.name === 'reviews-v2');
    expect(reviews?.inbound?.requestsPerSecond).toBeGreaterThan(0);
    expect(data.traffic.inbound.reporters[0]).toBe('waypoint');
    expect(data.posture.traffic?.requestsPerSecond).toBeGreaterThan(10);
  });
});

describe('the pages when metrics are down (errors are data)', () => {
  const down: MetricsSource = {
    source: 'prometheus',
    resolutionSeconds: 15,
    rate: () =>
      Promise.reject(new SourceError('prometheus', 'unreachable', 'prometheus: connection refused')),
    quantile: () =>
      Promise.reject(new SourceError('prometheus', 'unreachable', 'prometheus: connection refused')),
    rateRange: () =>
      Promise.reject(new SourceError('prometheus', 'unreachable', 'prometheus: connection refused')),
    probe: () => Promise.reject(new Error('not used')),
  };

  it('answers the structure, with empty series and the error listed once', async () => {
    const { data, errors } = await workload('bookinfo', 'reviews-v2', down);
    expect(errors).toEqual([
      { source: 'prometheus', kind: 'unreachable', message: 'prometheus: connection refused' },
    ]);
    expect(data).toMatchObject({ trafficKnown: false, callers: [], callees: [], health: 'unknown' });
    expect(data.traffic.inbound).toMatchObject({ points: [], known: false });
    expect(data.traffic.outbound).toMatchObject({ points: [], known: false });
    expect(data.waypoint.waypoint?.name).toBe('waypoint');
    expect(data.pods.length).toBeGreaterThan(0);

    const answer = await readNamespaceDetail('bookinfo', WINDOW, { kube: cache, metrics: down });
    if (answer.status !== 200) throw new Error(answer.body.error.message);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.data.workloads.every((w) => w.inbound === null && w.health === 'unknown')).toBe(true);
    expect(answer.body.data.posture.traffic).toBeNull();
  });

  it('says there is no metrics source when there is none', async () => {
    const { data, errors } = await workload('payments', 'api-v1', null);
    expect(errors).toEqual([expect.objectContaining({ source: 'prometheus', kind: 'unavailable' })]);
    expect(data.meta.queries).toBe(0);
    expect(data.traffic.inbound.points).toEqual([]);
  });
});

describe('policies on the pages (applied last: they change the demo’s traffic)', () => {
  it('lists what applies to a workload with where it is enforced, and the namespace’s own', async () => {
    const create = (kind: string, object: unknown): void => void mesh.api.store.create(kind, object);
    create('authorizationpolicies', {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'reviews-get', namespace: 'bookinfo' },
      spec: {
        targetRefs: [{ kind: 'Service', group: '', name: 'reviews' }],
        rules: [{ to: [{ operation: { methods: ['GET'] } }] }],
      },
    });
    create('authorizationpolicies', {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'no-admin', namespace: 'payments' },
      spec: {
        selector: { matchLabels: { app: 'api' } },
        action: 'DENY',
        rules: [{ to: [{ operation: { paths: ['/admin'] } }] }],
      },
    });
    create('virtualservices', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
    });
    const policies = async (): Promise<string[]> =>
      (await workload('bookinfo', 'reviews-v2')).data.policies.map(
        (p) => `${p.kind} ${p.name} ${p.enforcedAt.join('+')}`,
      );
    await expect.poll(policies, { timeout: 10_000, interval: 200 }).toEqual([
      'AuthorizationPolicy reviews-get waypoint',
      // Sidecar clients apply routing themselves: they bypass waypoints.
      'VirtualService reviews sidecar+waypoint',
      // The demo ships bookinfo's DestinationRules.
      'DestinationRule reviews sidecar+waypoint',
    ]);

    const api = await workload('payments', 'api-v1');
    expect(api.data.policies).toEqual([
      expect.objectContaining({
        kind: 'AuthorizationPolicy',
        name: 'no-admin',
        action: 'DENY',
        enforcedAt: ['ztunnel'],
        note: 'ztunnel strips the L7 parts of its rules and enforces the rest (stricter)',
      }),
    ]);
    const answer = await readNamespaceDetail('payments', WINDOW, sources());
    if (answer.status !== 200) throw new Error(answer.body.error.message);
    expect(answer.body.data.policies.map((p) => [p.kind, p.name, p.appliesTo])).toEqual([
      ['AuthorizationPolicy', 'no-admin', 'workloads app=api'],
    ]);
  });
});
