import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParamError } from '@/lib/api/params';
import type { KubeObject } from '@/lib/kube/object';
import type { DemoMesh } from '@/server/demo/mesh';
import type { KubeCache } from '@/server/kube/cache';
import { startDemoCluster } from '@/server/testing/demo-cluster';
import { checkProposed, readImpact, type ImpactPreview } from './preview';

// The impact preview over the live demo mesh: its traffic through the direct MetricsSource, its configuration
// through the watch cache, as the route reads them.

let mesh: DemoMesh;
let cache: KubeCache;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ mesh, cache, stop } = await startDemoCluster({ seed: 'impact-int', prefillMs: 120_000 }));
});

afterAll(async () => {
  await stop?.();
});

const denyReviews = (target: Record<string, unknown>): KubeObject =>
  checkProposed({
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { namespace: 'bookinfo', name: 'deny-reviews' },
    spec: {
      action: 'DENY',
      ...target,
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/bookinfo/sa/bookinfo-reviews'] } }] }],
    },
  });

function authorization(preview: ImpactPreview | null | undefined) {
  if (preview?.kind !== 'AuthorizationPolicy')
    throw new Error(`no AuthorizationPolicy preview: ${JSON.stringify(preview)}`);
  return preview.authorization;
}

describe('the impact preview on the demo mesh', () => {
  it('lists the reviews -> ratings edges a DENY on the ratings Service would refuse, with their rates', async () => {
    const answer = await readImpact(
      denyReviews({ targetRefs: [{ kind: 'Service', group: '', name: 'ratings' }] }),
      60,
      { kube: cache, metrics: mesh.telemetry.metrics },
    );
    expect(answer.errors).toEqual([]);
    const denied = authorization(answer.data).denied;
    expect(denied.map((e) => `${e.source} -> ${e.target}`)).toEqual(
      expect.arrayContaining([
        'workload:bookinfo/reviews-v2 -> workload:bookinfo/ratings-v1',
        'workload:bookinfo/reviews-v3 -> workload:bookinfo/ratings-v1',
      ]),
    );
    expect(denied.every((e) => e.enforcedAt === 'waypoint' && e.requestsPerSecond > 0)).toBe(true);
    expect(answer.data?.edges).toBeGreaterThan(denied.length);
  });

  it('says a selector DENY on ratings changes nothing: behind the waypoint, ratings’ ztunnel sees the waypoint', async () => {
    const answer = await readImpact(denyReviews({ selector: { matchLabels: { app: 'ratings' } } }), 60, {
      kube: cache,
      metrics: mesh.telemetry.metrics,
    });
    expect(authorization(answer.data).denied).toEqual([]);
  });

  // legacy/inventory is a sidecar workload calling bookinfo/details (behind the waypoint). A sidecar never goes
  // through a waypoint (upstream Istio), so the waypoint's policies do not judge its calls, and details' ztunnel
  // sees inventory's own identity.
  const denyInventory = (target: Record<string, unknown>): KubeObject =>
    checkProposed({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { namespace: 'bookinfo', name: 'deny-inventory' },
      spec: {
        action: 'DENY',
        ...target,
        rules: [{ from: [{ source: { principals: ['cluster.local/ns/legacy/sa/inventory'] } }] }],
      },
    });
  const inventoryToDetails = (e: { source: string; target: string }): boolean =>
    e.source === 'workload:legacy/inventory-v1' && e.target === 'workload:bookinfo/details-v1';

  it('leaves a sidecar caller out of a DENY bound to the Service: its calls bypass the waypoint', async () => {
    const answer = await readImpact(
      denyInventory({ targetRefs: [{ kind: 'Service', group: '', name: 'details' }] }),
      60,
      { kube: cache, metrics: mesh.telemetry.metrics },
    );
    expect(answer.errors).toEqual([]);
    const { denied, undecided } = authorization(answer.data);
    expect([...denied, ...undecided].filter(inventoryToDetails)).toEqual([]);
  });

  it('denies a sidecar caller by a selector DENY on the callee: its ztunnel sees the caller, not the waypoint', async () => {
    const answer = await readImpact(denyInventory({ selector: { matchLabels: { app: 'details' } } }), 60, {
      kube: cache,
      metrics: mesh.telemetry.metrics,
    });
    const denied = authorization(answer.data).denied.filter(inventoryToDetails);
    expect(denied.map((e) => `${e.protocol} ${e.enforcedAt}`).sort()).toEqual([
      'http ztunnel',
      'tcp ztunnel',
    ]);
    expect(denied.find((e) => e.protocol === 'http')?.requestsPerSecond).toBeGreaterThan(0);
  });

  it('answers no preview, with the reason, when there are no traffic figures', async () => {
    const answer = await readImpact(denyReviews({}), 60, { kube: cache, metrics: null });
    expect(answer.data).toBeNull();
    expect(answer.errors[0]).toMatchObject({ source: 'prometheus' });
  });

  it('shows a VirtualService’s split against today’s: reviews 80/20 over three versions called evenly', async () => {
    const answer = await readImpact(
      checkProposed({
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { namespace: 'bookinfo', name: 'reviews' },
        spec: {
          hosts: ['reviews'],
          http: [
            {
              route: [
                { destination: { host: 'reviews', subset: 'v1' }, weight: 80 },
                { destination: { host: 'reviews', subset: 'v3' }, weight: 20 },
              ],
            },
          ],
        },
      }),
      60,
      { kube: cache, metrics: mesh.telemetry.metrics },
    );
    if (answer.data?.kind !== 'VirtualService') throw new Error('no VirtualService preview');
    const [reviews] = answer.data.routing;
    // The demo ships bookinfo's DestinationRules, so the subsets resolve to the versions' workloads.
    expect(reviews?.notes).toEqual([]);
    expect(reviews?.expected).toEqual([
      { workload: 'workload:bookinfo/reviews-v1', share: 0.8 },
      { workload: 'workload:bookinfo/reviews-v3', share: 0.2 },
    ]);
    expect(reviews?.current.map((c) => c.workload)).toEqual([
      'workload:bookinfo/reviews-v1',
      'workload:bookinfo/reviews-v2',
      'workload:bookinfo/reviews-v3',
    ]);
    expect(reviews?.callers[0]?.source).toBe('workload:bookinfo/productpage-v1');
  });

  it('refuses what it does not preview, naming the field', () => {
    expect(() => checkProposed({ kind: 'DestinationRule', apiVersion: 'networking.istio.io/v1' })).toThrow(
      ParamError,
    );
    expect(() =>
      checkProposed({
        kind: 'AuthorizationPolicy',
        apiVersion: 'security.istio.io/v1',
        metadata: { name: 'x' },
      }),
    ).toThrow(/namespace/);
  });
});
