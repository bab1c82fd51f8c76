import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataResponse } from '@/lib/api/dto';
import type { MtlsView, NamespaceWaypoints, WaypointsView } from '@/lib/mesh/views-types';
import { SourceError } from '@/lib/source-error';
import type { DemoMesh } from '@/server/demo/mesh';
import type { KubeCache } from '@/server/kube/cache';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { startDemoCluster } from '@/server/testing/demo-cluster';
import { readMtlsView } from './mtls';
import { readWaypointsView } from './waypoints';

/**
 * The Mesh page's waypoints and mTLS on the live demo mesh: its API server read through the watch cache, its
 * telemetry through the direct MetricsSource, as the routes do in demo mode. One namespace of each kind: bookinfo
 * (ambient, namespace waypoint), payments (ambient, no waypoint, plaintext from outside), legacy (sidecars),
 * outside (out of the mesh), istio-system.
 */

let mesh: DemoMesh;
let cache: KubeCache;
let stop: (() => Promise<void>) | undefined;
let waypoints: DataResponse<WaypointsView>;
let mtls: DataResponse<MtlsView>;
const sources = (): { kube: KubeCache; metrics: MetricsSource } => ({
  kube: cache,
  metrics: mesh.telemetry.metrics,
});

beforeAll(async () => {
  ({ mesh, cache, stop } = await startDemoCluster({ seed: 'mesh-views-int', prefillMs: 120_000 }));
  waypoints = await readWaypointsView({ windowSeconds: 60 }, sources());
  mtls = await readMtlsView({ windowSeconds: 60 }, sources());
});

afterAll(async () => {
  await stop?.();
});

function namespaceRows(name: string): NamespaceWaypoints {
  const found = waypoints.data.namespaces.find((n) => n.namespace === name);
  if (!found) throw new Error(`no waypoint rows for ${name}`);
  return found;
}

describe('waypoints of the demo mesh', () => {
  it('answers without errors, with the graph’s fixed reads', () => {
    expect(waypoints.errors).toEqual([]);
    expect(waypoints.data.meta).toMatchObject({ windowSeconds: 60, queries: 6 });
  });

  it("bookinfo's waypoint: Programmed, 1/1 ready, bound by the namespace label, carrying bookinfo's calls", () => {
    expect(waypoints.data.waypoints).toHaveLength(1);
    const [card] = waypoints.data.waypoints;
    expect(card).toMatchObject({
      namespace: 'bookinfo',
      name: 'waypoint',
      waypointFor: 'service',
      programmed: { status: 'True', reason: 'Programmed' },
      replicas: { ready: 1, desired: 1 },
      revision: 'default',
      serves: { services: 10, workloads: 6 },
      problems: [],
    });
    expect(card?.bindings).toEqual([
      expect.objectContaining({
        kind: 'namespace',
        name: 'bookinfo',
        label: 'istio.io/use-waypoint=waypoint',
      }),
    ]);
    // productpage -> details (10/s), -> reviews v1..v3 (10/s), reviews v2/v3 -> ratings. legacy's inventory calls
    // details too, but from a sidecar, which bypasses waypoints (it applies the VirtualService itself).
    expect(card?.traffic?.requestsPerSecond).toBeGreaterThan(22);
    expect(card?.traffic?.requestsPerSecond).toBeLessThan(32);
    expect(card?.traffic?.calls).toBe(6);
    expect(card?.traffic?.topCalls.map((c) => `${c.source}->${c.target}`)).not.toContain(
      'workload:legacy/inventory-v1->workload:bookinfo/details-v1',
    );
  });

  it('bookinfo: every Service and workload resolves to bookinfo/waypoint, inherited from the namespace', () => {
    const bookinfo = namespaceRows('bookinfo');
    expect(bookinfo.label).toBe('waypoint');
    expect(bookinfo.services.map((r) => r.name)).toContain('reviews');
    expect(bookinfo.workloads.map((r) => r.name)).toEqual([
      'details-v1',
      'productpage-v1',
      'ratings-v1',
      'reviews-v1',
      'reviews-v2',
      'reviews-v3',
    ]);
    for (const row of [...bookinfo.services, ...bookinfo.workloads]) {
      expect(row.waypoint, row.name).toEqual({ namespace: 'bookinfo', name: 'waypoint' });
      expect(row.reason, row.name).toMatch(/inherited from namespace/);
    }
    // The waypoint serves services only: a pod's own address is not served, which the reason says.
    expect(bookinfo.workloads.find((r) => r.name === 'reviews-v2')?.reason).toBe(
      'bookinfo/waypoint, inherited from namespace (through Service reviews); addressed to the pod: ignored: ' +
        'this waypoint serves services only',
    );
  });

  it('payments has no waypoint; legacy, outside and istio-system have nothing to do with waypoints', () => {
    expect(waypoints.data.withoutWaypoint).toEqual(['payments']);
    expect(waypoints.data.namespaces.map((n) => n.namespace)).toEqual(['bookinfo']);
  });
});

describe('mTLS of the demo mesh', () => {
  const ns = (name: string): MtlsView['namespaces'][number] | undefined =>
    mtls.data.namespaces.find((n) => n.namespace === name);

  it('answers without errors', () => {
    expect(mtls.errors).toEqual([]);
    expect(mtls.data).toMatchObject({ trafficKnown: true, policiesKnown: true });
  });

  it('each namespace kind: its data plane and, with no policy anywhere, PERMISSIVE by default', () => {
    expect(mtls.data.namespaces.map((n) => [n.namespace, n.dataplane, n.mode])).toEqual([
      ['bookinfo', 'ambient', 'PERMISSIVE'],
      ['default', 'none', 'PERMISSIVE'],
      ['istio-system', 'none', 'PERMISSIVE'],
      ['kube-system', 'none', 'PERMISSIVE'],
      ['legacy', 'sidecar', 'PERMISSIVE'],
      ['meshlens-system', 'none', 'PERMISSIVE'],
      ['outside', 'none', 'PERMISSIVE'],
      ['payments', 'ambient', 'PERMISSIVE'],
    ]);
    expect(ns('payments')).toMatchObject({
      level: 'default',
      policy: null,
      text: 'no policy: PERMISSIVE by default',
    });
    expect(ns('bookinfo')?.inboundMtls).toBe(1);
    expect(ns('payments')?.inboundMtls).toBe(0);
  });

  it('outside -> payments is plaintext, sent by outside/client and accepted', () => {
    expect(mtls.data.plaintext).toEqual([
      expect.objectContaining({
        sender: 'outside/client',
        receiver: 'payments/api-v1',
        plaintextShare: 1,
        destinationMode: 'PERMISSIVE',
        outcome: 'accepted',
      }),
    ]);
    expect(mtls.data.plaintext[0]?.bytesPerSecond).toBeGreaterThan(0);
  });

  it('finds plaintext accepted into payments, and bookinfo and legacy safe to make STRICT', () => {
    expect(mtls.data.findings.map((f) => [f.code, f.subject])).toEqual([
      ['permissive-plaintext', 'payments/api-v1'],
      ['permissive-all-mtls', 'bookinfo'],
      ['permissive-all-mtls', 'legacy'],
    ]);
    expect(mtls.data.findings[0]?.message).toMatch(
      /^PERMISSIVE: plaintext accepted into payments\/api-v1 from outside\/client/,
    );
  });

  it("legacy's sidecar edges are mTLS, with both SPIFFE identities", () => {
    const sync = mtls.data.edges.find(
      (e) => e.source === 'workload:legacy/inventory-sync' && e.target === 'workload:legacy/inventory-v1',
    );
    expect(sync).toMatchObject({
      mtlsShare: 1,
      layers: ['L7'],
      sourcePrincipals: ['spiffe://cluster.local/ns/legacy/sa/inventory-sync'],
      destinationPrincipals: ['spiffe://cluster.local/ns/legacy/sa/inventory'],
    });
    const fromLegacy = mtls.data.edges.filter((e) => e.source === 'workload:legacy/inventory-v1');
    expect(fromLegacy.map((e) => [e.target, e.mtlsShare])).toEqual(
      expect.arrayContaining([
        ['workload:bookinfo/details-v1', 1],
        ['workload:payments/api-v1', 1],
      ]),
    );
    expect(mtls.data.principals.map((p) => p.principal)).toContain(
      'spiffe://cluster.local/ns/legacy/sa/inventory-sync',
    );
  });

  it('STRICT on payments: the plaintext from outside is refused, and said so', async () => {
    mesh.api.store.create('peerauthentications', {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'strict', namespace: 'payments' },
      spec: { mtls: { mode: 'STRICT' } },
    });
    const refused = async (): Promise<DataResponse<MtlsView>> => {
      mesh.tick();
      return readMtlsView({ windowSeconds: 60 }, sources());
    };
    await expect
      .poll(async () => (await refused()).data.findings.map((f) => f.code), {
        timeout: 15_000,
        interval: 500,
      })
      .toContain('strict-refusing-plaintext');
    const answer = await refused();
    expect(answer.data.namespaces.find((n) => n.namespace === 'payments')).toMatchObject({
      mode: 'STRICT',
      level: 'namespace',
      text: 'namespace policy payments/strict',
    });
    const finding = answer.data.findings.find((f) => f.code === 'strict-refusing-plaintext');
    expect(finding).toMatchObject({ subject: 'payments/api-v1', severity: 'warning' });
    expect(finding?.message).toMatch(
      /^STRICT but plaintext attempts are being refused: payments\/api-v1 refuses outside\/client \(/,
    );
    expect(answer.data.plaintext[0]).toMatchObject({ sender: 'outside/client', destinationMode: 'STRICT' });
    expect(answer.data.plaintext[0]?.refusedPerSecond).toBeGreaterThan(0);
    expect(answer.data.findings.map((f) => f.code)).not.toContain('permissive-plaintext');
  }, 30_000);
});

describe('the views when metrics are down (errors are data)', () => {
  const down: MetricsSource = {
    source: 'prometheus',
    resolutionSeconds: 15,
    rate: () =>
      Promise.reject(new SourceError('prometheus', 'unreachable', 'prometheus: connection refused')),
    quantile: () =>
      Promise.reject(new SourceError('prometheus', 'unreachable', 'prometheus: connection refused')),
    rateRange: () => Promise.reject(new Error('not used')),
    probe: () => Promise.reject(new Error('not used')),
  };
  const refused = { source: 'prometheus', kind: 'unreachable', message: 'prometheus: connection refused' };

  it('waypoints: configuration answered, traffic unknown', async () => {
    const answer = await readWaypointsView({ windowSeconds: 60 }, { kube: cache, metrics: down });
    expect(answer.errors).toEqual([refused]);
    expect(answer.data.waypoints[0]).toMatchObject({
      name: 'waypoint',
      traffic: null,
      replicas: { ready: 1 },
    });
    expect(answer.data.namespaces[0]?.workloads).toHaveLength(6);
  });

  it('mTLS: modes answered, traffic unknown, no traffic finding made up', async () => {
    const answer = await readMtlsView({ windowSeconds: 60 }, { kube: cache, metrics: null });
    expect(answer.errors).toEqual([expect.objectContaining({ source: 'prometheus', kind: 'unavailable' })]);
    expect(answer.data).toMatchObject({ trafficKnown: false, edges: [], plaintext: [], findings: [] });
    expect(answer.data.namespaces.find((n) => n.namespace === 'legacy')?.dataplane).toBe('sidecar');
  });
});

describe('waypoint-for on the GatewayClass (docs: "Precedence"), through the watch cache', () => {
  const WAYPOINT_FOR = 'istio.io/waypoint-for';
  const label = (
    ref: 'gatewayclasses' | 'gateways',
    namespace: string | undefined,
    name: string,
    value: string | null,
  ): void => {
    mesh.api.store.patch(ref, namespace, name, 'merge', { metadata: { labels: { [WAYPOINT_FOR]: value } } });
  };
  const card = async (): Promise<WaypointsView['waypoints'][number] | undefined> =>
    (await readWaypointsView({ windowSeconds: 60 }, sources())).data.waypoints.find(
      (w) => w.namespace === 'bookinfo' && w.name === 'waypoint',
    );
  const poll = { timeout: 10_000, interval: 100 };

  it("the demo's istio-waypoint class is watched; its label counts only where the Gateway has none", async () => {
    expect(cache.get('gatewayclasses', undefined, 'istio-waypoint')).toMatchObject({
      spec: { controllerName: 'istio.io/mesh-controller' },
    });
    try {
      label('gatewayclasses', undefined, 'istio-waypoint', 'workload');
      await expect
        .poll(() => cache.get('gatewayclasses', undefined, 'istio-waypoint')?.metadata.labels, poll)
        .toMatchObject({ [WAYPOINT_FOR]: 'workload' });
      // bookinfo's waypoint says service itself, as `istioctl waypoint apply` writes it: its own label wins.
      expect(await card()).toMatchObject({ waypointFor: 'service', waypointForFrom: 'gateway' });

      label('gateways', 'bookinfo', 'waypoint', null);
      await expect.poll(async () => (await card())?.waypointFor, poll).toBe('workload');
      expect(await card()).toMatchObject({ waypointForFrom: 'gatewayclass' });
      const bookinfo = (await readWaypointsView({ windowSeconds: 60 }, sources())).data.namespaces.find(
        (n) => n.namespace === 'bookinfo',
      );
      const reviews = bookinfo?.services.find((r) => r.name === 'reviews');
      expect(reviews).toMatchObject({
        waypoint: null,
        status: 'wrong-traffic-type',
        reason: 'ignored: this waypoint serves workloads only',
      });
    } finally {
      label('gateways', 'bookinfo', 'waypoint', 'service');
      label('gatewayclasses', undefined, 'istio-waypoint', null);
    }
    await expect.poll(async () => (await card())?.waypointForFrom, poll).toBe('gateway');
  }, 30_000);
});
