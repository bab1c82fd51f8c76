import * as k8s from '@kubernetes/client-node';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './__fixtures__/kubectl';
import { virtualService } from './__fixtures__/objects';
import { seedCluster } from './__fixtures__/seed';
import { type ApiServer, startApiServer, writeKubeconfig } from './index';
import { ResourceStore } from './store';

const VS = { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices' };
let api: ApiServer;
let dir: string;
let kc: k8s.KubeConfig;

beforeAll(async () => {
  const store = new ResourceStore({ historyLimit: 20 });
  seedCluster(store);
  api = await startApiServer({ store });
  dir = await mkdtemp(join(tmpdir(), 'meshlens-client-node-'));
  await writeKubeconfig(join(dir, 'kubeconfig'), api.url);
  kc = new k8s.KubeConfig();
  kc.loadFromFile(join(dir, 'kubeconfig'));
});

afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

function apiError(error: unknown): { code: number; body: k8s.V1Status } {
  if (!(error instanceof k8s.ApiException)) throw error;
  return { code: error.code, body: JSON.parse(String(error.body)) as k8s.V1Status };
}

describe('client-node against the demo API server', () => {
  it('lists pods across namespaces and by label', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const all = await core.listPodForAllNamespaces();
    expect(all.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual([
      'bookinfo/reviews-v1-aaaaa',
      'bookinfo/reviews-v1-bbbbb',
      'istio-system/ztunnel-xxxxx',
    ]);
    expect(all.metadata?.resourceVersion).toBe(api.store.resourceVersion);
    const ztunnel = await core.listNamespacedPod({
      namespace: 'istio-system',
      labelSelector: 'app in (ztunnel)',
    });
    expect(ztunnel.items.map((p) => p.metadata?.name)).toEqual(['ztunnel-xxxxx']);
  });

  it('creates, patches and deletes a VirtualService, seen by an informer', async () => {
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const list = (): Promise<k8s.KubernetesListObject<k8s.KubernetesObject>> =>
      custom.listClusterCustomObject(VS) as Promise<k8s.KubernetesListObject<k8s.KubernetesObject>>;
    const informer = k8s.makeInformer(kc, '/apis/networking.istio.io/v1/virtualservices', list);
    const seen: string[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('update', (o) =>
      seen.push(`update ${o.metadata?.name} ${JSON.stringify(o.metadata?.labels)}`),
    );
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    informer.on('error', () => undefined);
    await informer.start();
    try {
      await custom.createNamespacedCustomObject({
        ...VS,
        namespace: 'bookinfo',
        body: virtualService('bookinfo', 'ratings'),
      });
      const patched = (await custom.patchNamespacedCustomObject(
        { ...VS, namespace: 'bookinfo', name: 'ratings', body: { metadata: { labels: { team: 'blue' } } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      )) as k8s.KubernetesObject;
      expect(patched.metadata?.labels).toEqual({ team: 'blue' });
      await custom.deleteNamespacedCustomObject({ ...VS, namespace: 'bookinfo', name: 'ratings' });
      await waitFor(() => seen.includes('delete ratings'), 'the informer to see the delete');
      expect(seen).toEqual([
        'add reviews',
        'add ratings',
        'update ratings {"team":"blue"}',
        'delete ratings',
      ]);
    } finally {
      await informer.stop().catch(() => undefined);
    }
  });

  it('answers a dry run without storing, and refuses stale and invalid writes with Status bodies', async () => {
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const rv = api.store.resourceVersion;
    const dry = (await custom.createNamespacedCustomObject({
      ...VS,
      namespace: 'bookinfo',
      body: virtualService('bookinfo', 'dry'),
      dryRun: 'All',
    })) as k8s.KubernetesObject;
    expect(dry.metadata?.name).toBe('dry');
    expect(api.store.get('vs', 'bookinfo', 'dry')).toBeUndefined();
    expect(api.store.resourceVersion).toBe(rv);

    const current = api.store.get('vs', 'bookinfo', 'reviews');
    api.store.patch('vs', 'bookinfo', 'reviews', 'merge', { metadata: { labels: { bumped: 'yes' } } });
    const stale = await custom
      .replaceNamespacedCustomObject({ ...VS, namespace: 'bookinfo', name: 'reviews', body: current })
      .catch(apiError);
    expect(stale).toMatchObject({ code: 409, body: { reason: 'Conflict' } });

    const bad = virtualService('bookinfo', 'bad', [50, 50]);
    bad['spec'] = { hosts: ['bad'], http: [{ route: [{ destination: { host: 7 } }] }] };
    const invalid = await custom
      .createNamespacedCustomObject({ ...VS, namespace: 'bookinfo', body: bad })
      .catch(apiError);
    expect(invalid).toMatchObject({
      code: 422,
      body: { reason: 'Invalid', details: { causes: [{ field: 'spec.http[0].route[0].destination.host' }] } },
    });
  });

  it('ends a watch from a resourceVersion older than the history with a 410 ERROR event', async () => {
    const old = api.store.resourceVersion;
    for (let i = 0; i < 25; i++)
      api.store.create('configmaps', { metadata: { name: `cm-${i}`, namespace: 'default' } });
    const events: { type: string; code?: number }[] = [];
    let done = false;
    await new k8s.Watch(kc).watch(
      '/api/v1/configmaps',
      { resourceVersion: old },
      (type, object: { code?: number }) => events.push({ type, code: object.code }),
      () => (done = true),
    );
    await waitFor(() => done, 'the server to end the expired watch');
    expect(events).toEqual([{ type: 'ERROR', code: 410 }]);
  });
});
