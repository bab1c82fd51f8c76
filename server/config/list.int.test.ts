import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureObjects } from '@/lib/config/__fixtures__/load';
import { authorizationPolicy, rule, virtualService, weighted } from '@/lib/config/__fixtures__/objects';
import type { ConfigListParams } from '@/lib/config/params';
import type { ConfigObjectSummary } from '@/lib/config/types';
import type { KindName } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import { SourceError } from '@/lib/source-error';
import type { DemoMesh } from '@/server/demo/mesh';
import type { KubeCache } from '@/server/kube/cache';
import { startDemoCluster } from '@/server/testing/demo-cluster';
import { listConfigObjects } from './list';

/**
 * The config list on the live demo mesh, read through the watch cache as the route does: bookinfo in ambient
 * behind its namespace waypoint. Istio's bookinfo samples are applied to the demo's store and must come back
 * clean; hand-made mistakes must come back with their findings.
 */

let mesh: DemoMesh;
let cache: KubeCache;
let stop: (() => Promise<void>) | undefined;
const all: ConfigListParams = { namespaces: '*', kinds: null };

beforeAll(async () => {
  ({ mesh, cache, stop } = await startDemoCluster({ seed: 'config-list-int', prefillMs: 10_000 }));
});

afterAll(async () => {
  await stop?.();
});

/** Creates objects in the demo's store and waits until the watch cache has them. */
async function apply(plural: KindName, objects: KubeObject[]): Promise<void> {
  for (const object of objects) mesh.api.store.create(plural, object);
  await expect
    .poll(
      () =>
        objects.every((o) =>
          cache.list(plural, o.metadata.namespace).some((c) => c.metadata.name === o.metadata.name),
        ),
      {
        timeout: 10_000,
        interval: 100,
      },
    )
    .toBe(true);
}

function row(
  rows: ConfigObjectSummary[],
  kind: string,
  namespace: string,
  name: string,
): ConfigObjectSummary {
  const found = rows.find((r) => r.kind === kind && r.namespace === namespace && r.name === name);
  if (!found)
    throw new Error(
      `no ${kind} ${namespace}/${name}: ${rows.map((r) => `${r.kind} ${r.namespace}/${r.name}`).join(', ')}`,
    );
  return found;
}

describe('the config list of the demo mesh', () => {
  it("lists bookinfo's waypoint with what it applies to, clean", () => {
    const answer = listConfigObjects(all, { kube: cache });
    expect(answer.errors).toEqual([]);
    expect(row(answer.data, 'Gateway', 'bookinfo', 'waypoint')).toMatchObject({
      apiVersion: 'gateway.networking.k8s.io/v1',
      appliesTo: 'waypoint (service traffic) for namespace bookinfo',
      status: 'ok',
      findings: [],
      gitops: null,
    });
  });

  it("lists Istio's bookinfo DestinationRules (the demo ships them) and the reviews 80/20 VirtualService with no findings", async () => {
    await apply('virtualservices', fixtureObjects('bookinfo/networking-virtual-service-reviews-80-20.yaml'));
    const answer = listConfigObjects({ namespaces: ['bookinfo'], kinds: null }, { kube: cache });
    expect(answer.errors).toEqual([]);
    const reviews = row(answer.data, 'VirtualService', 'bookinfo', 'reviews');
    expect(reviews).toMatchObject({
      appliesTo: 'service reviews (host reviews)',
      status: 'ok',
      findings: [],
    });
    expect(reviews.resourceVersion).toMatch(/^\d+$/);
    expect(Date.parse(reviews.created ?? '')).toBeGreaterThan(0);
    expect(reviews.object).toMatchObject({ spec: { http: [{ route: [{ weight: 80 }, { weight: 20 }] }] } });
    for (const name of ['productpage', 'reviews', 'ratings', 'details']) {
      expect(row(answer.data, 'DestinationRule', 'bookinfo', name)).toMatchObject({
        status: 'ok',
        findings: [],
      });
    }
    expect(row(answer.data, 'DestinationRule', 'bookinfo', 'reviews').appliesTo).toBe(
      'service reviews (host reviews), subsets v1, v2, v3',
    );
    // Grouped by namespace, then in the table's kind order.
    expect(answer.data.map((r) => r.kind)).toEqual([
      'Gateway',
      'VirtualService',
      'DestinationRule',
      'DestinationRule',
      'DestinationRule',
      'DestinationRule',
    ]);
  });

  it('reports a hand-made 70/20 VirtualService as weights-not-100', async () => {
    await apply('virtualservices', [virtualService('ratings', 'bookinfo', weighted('ratings', [70, 20]))]);
    const answer = listConfigObjects(
      { namespaces: ['bookinfo'], kinds: ['VirtualService'] },
      { kube: cache },
    );
    expect(answer.data.map((r) => r.name)).toEqual(['ratings', 'reviews']);
    const ratings = row(answer.data, 'VirtualService', 'bookinfo', 'ratings');
    expect(ratings).toMatchObject({ status: 'error', counts: { error: 1, warning: 0, info: 0 } });
    expect(ratings.findings).toEqual([
      {
        code: 'weights-not-100',
        severity: 'error',
        path: 'spec.http[0].route',
        message: 'the weights sum to 90 (70 + 20), not 100',
      },
    ]);
  });

  it('reports an L7 selector policy on a workload behind the waypoint for what ztunnel will do with it', async () => {
    const policy = authorizationPolicy('ratings-get', 'bookinfo', {
      selector: { matchLabels: { app: 'ratings' } },
      rules: [rule({ principals: ['cluster.local/ns/bookinfo/sa/bookinfo-reviews'] }, { methods: ['GET'] })],
    });
    await apply('authorizationpolicies', [policy]);
    const answer = listConfigObjects(
      { namespaces: ['bookinfo'], kinds: ['AuthorizationPolicy'] },
      { kube: cache },
    );
    const listed = row(answer.data, 'AuthorizationPolicy', 'bookinfo', 'ratings-get');
    expect(listed.appliesTo).toBe('workloads with app=ratings');
    expect(listed.findings.map((f) => [f.code, f.path])).toEqual([
      ['ap-l7-at-ztunnel', 'spec.rules[0]'],
      ['ap-selector-behind-waypoint', 'spec.selector'],
    ]);
    expect(listed.findings[0]?.message).toMatch(/in an ALLOW policy ztunnel drops the whole rule/);
    expect(listed.findings[1]?.message).toMatch(
      /waypoint's identity \(cluster\.local\/ns\/bookinfo\/sa\/waypoint\)/,
    );
  });

  it('lists the namespaces asked for only', () => {
    const answer = listConfigObjects({ namespaces: ['payments', 'legacy'], kinds: null }, { kube: cache });
    expect(answer.data).toEqual([]);
    expect(answer.errors).toEqual([]);
  });

  it('answers a kind the cluster does not serve as an error, and lists the rest', () => {
    const missing = new SourceError(
      'kubernetes',
      'missing_kind',
      'Istio telemetry not installed: telemetries',
    );
    const kube = {
      list: cache.list.bind(cache),
      kindError: (kind: Parameters<KubeCache['kindError']>[0]) =>
        kind === 'telemetries' ? missing : cache.kindError(kind),
    };
    const answer = listConfigObjects(all, { kube });
    expect(answer.errors).toEqual([missing.toDTO()]);
    expect(answer.data.length).toBeGreaterThanOrEqual(7);
  });
});
