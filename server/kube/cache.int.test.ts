import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WATCHED_KINDS } from '@/lib/kube/kinds';
import { ResourceStore, startApiServer, writeKubeconfig, type ApiServer } from '@/server/demo/apiserver';
import { KubeCache, type KubeCacheEvent } from './cache';
import { loadKubeConfig, type TimedKubeConfig } from './config';
import { startLoopbackProxy, statusBody, type LoopbackProxy } from './testing/loopback-servers';
import { meshSeed } from './testing/mesh-seed';
import { eventually } from './testing/wait';

/**
 * The watch cache against the demo mesh's API server (a real HTTP server speaking the Kubernetes protocol), through
 * client-node: sync, changes made through the API, dropped watches, 410 Gone.
 */

const dir = mkdtempSync(join(tmpdir(), 'kube-cache-int-'));
const fast = { initialMs: 50, maxMs: 400, jitter: 0 };
let api: ApiServer | undefined;
let proxy: LoopbackProxy | undefined;
let cache: KubeCache | undefined;

afterEach(async () => {
  await cache?.stop();
  await proxy?.close();
  await api?.close();
  cache = proxy = api = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function seededStore(historyLimit?: number): ResourceStore {
  const store = new ResourceStore({ historyLimit });
  for (const seed of meshSeed()) store.create(seed.ref, seed.body);
  return store;
}

async function connect(url: string, name: string): Promise<TimedKubeConfig> {
  const path = join(dir, name);
  await writeKubeconfig(path, url);
  return loadKubeConfig({ kubeconfigPath: path, timeoutMs: 3000 });
}

function startCache(kubeConfig: TimedKubeConfig): { cache: KubeCache; events: KubeCacheEvent[] } {
  const events: KubeCacheEvent[] = [];
  cache = new KubeCache({ kubeConfig, backoff: fast });
  cache.subscribe((event) => events.push(event));
  cache.start();
  return { cache, events };
}

describe('KubeCache against the demo API server', () => {
  it('syncs every watched kind at v1 and keeps the objects as plain JSON', async () => {
    api = await startApiServer({ store: seededStore() });
    const { cache: c } = startCache(await connect(api.url, 'sync'));
    await c.whenSynced(10_000);
    const stats = c.stats();
    expect(stats.missing).toEqual([]);
    for (const kind of WATCHED_KINDS) {
      const row = stats.kinds.find((k) => k.kind === kind.name);
      expect(row, kind.name).toMatchObject({ synced: true, objects: kind.name === 'namespaces' ? 2 : 1 });
      expect(row?.apiVersion).toBe(kind.group === '' ? 'v1' : `${kind.group}/v1`);
    }
    const vs = c.get('virtualservices', 'bookinfo', 'reviews');
    expect(vs).toMatchObject({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' });
    expect(typeof vs?.metadata.creationTimestamp).toBe('string');
    expect(c.list('pods', 'bookinfo').map((p) => p.metadata.name)).toEqual(['reviews-v1-abc']);
    expect(c.list('pods', 'istio-system')).toEqual([]);
  });

  it('sees objects created, replaced and deleted through the API (KubernetesObjectApi)', async () => {
    api = await startApiServer({ store: seededStore() });
    const kc = await connect(api.url, 'crud');
    const { cache: c, events } = startCache(kc);
    await c.whenSynced(10_000);
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const dr: KubernetesObject & { spec: unknown } = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'ratings', namespace: 'bookinfo' },
      spec: { host: 'ratings', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
    };
    await objects.create(dr);
    await eventually(
      () => c.get('destinationrules', 'bookinfo', 'ratings') !== undefined,
      'the created object',
    );

    const header = { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule' };
    const live = await objects.read({ ...header, metadata: { name: 'ratings', namespace: 'bookinfo' } });
    await objects.replace({
      ...live,
      spec: { host: 'ratings', subsets: [{ name: 'v2', labels: { version: 'v2' } }] },
    });
    const subsetOf = (): unknown =>
      (c.get('destinationrules', 'bookinfo', 'ratings')?.spec as { subsets?: { name: string }[] } | undefined)
        ?.subsets?.[0]?.name;
    await eventually(() => subsetOf() === 'v2', 'the replaced object');

    await objects.delete(dr);
    await eventually(() => c.get('destinationrules', 'bookinfo', 'ratings') === undefined, 'the deletion');
    const seen = events.filter((e) => e.kind === 'destinationrules' && e.object.metadata.name === 'ratings');
    expect(seen.map((e) => e.type)).toEqual(['added', 'modified', 'deleted']);
  });

  it('survives a restart of the API server on the same port (watches dropped)', async () => {
    const store = seededStore();
    api = await startApiServer({ store });
    const port = new URL(api.url).port;
    const { cache: c } = startCache(await connect(api.url, 'restart'));
    await c.whenSynced(10_000);
    await api.close();
    api = undefined;
    // While the server is down the watches fail (connection refused) and back off.
    store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'while-down', namespace: 'bookinfo' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    api = await startApiServer({ store, port: Number(port) });
    store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'after-restart', namespace: 'bookinfo' },
    });
    await eventually(
      () => c.get('pods', 'bookinfo', 'after-restart') !== undefined,
      'the pod created after restart',
    );
    expect(c.get('pods', 'bookinfo', 'while-down')).toBeDefined();
    const pods = c.stats().kinds.find((k) => k.kind === 'pods');
    expect(pods?.reconnects).toBeGreaterThanOrEqual(1);
    // The history still reached back, so the watch resumed without a re-list.
    expect(pods?.relists).toBe(0);
  });

  it('survives connections cut by the network (every watch dropped at once)', async () => {
    api = await startApiServer({ store: seededStore() });
    proxy = await startLoopbackProxy(api.url);
    const { cache: c } = startCache(await connect(proxy.url, 'drop'));
    await c.whenSynced(10_000);
    const watchesBefore = proxy.requests.filter((r) => r.includes('watch=true')).length;
    proxy.dropConnections();
    api.store.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ratings', namespace: 'bookinfo' },
      spec: { ports: [{ port: 9080 }] },
    });
    await eventually(() => c.get('services', 'bookinfo', 'ratings') !== undefined, 'the service');
    expect(proxy.requests.filter((r) => r.includes('watch=true')).length).toBeGreaterThan(watchesBefore);
  });

  it('re-lists after 410 Gone when the history no longer reaches back (ERROR event in the stream)', async () => {
    const store = seededStore(3);
    api = await startApiServer({ store });
    const port = Number(new URL(api.url).port);
    const { cache: c, events } = startCache(await connect(api.url, 'gone'));
    await c.whenSynced(10_000);
    await api.close();
    api = undefined;
    store.delete('pods', 'bookinfo', 'reviews-v1-abc');
    for (let i = 0; i < 5; i++) {
      store.create('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `p${i}`, namespace: 'bookinfo' },
      });
    }
    api = await startApiServer({ store, port });
    await eventually(() => c.list('pods').length === 5, 'the five new pods');
    expect(c.get('pods', 'bookinfo', 'reviews-v1-abc')).toBeUndefined();
    expect(events).toContainEqual(expect.objectContaining({ type: 'deleted', kind: 'pods' }));
    expect(c.stats().kinds.find((k) => k.kind === 'pods')?.relists).toBeGreaterThanOrEqual(1);
  });

  it('re-lists after a watch answered with HTTP 410', async () => {
    api = await startApiServer({ store: seededStore() });
    let answered = false;
    proxy = await startLoopbackProxy(api.url, (_req, url) => {
      if (answered || url.pathname !== '/api/v1/pods' || url.searchParams.get('watch') !== 'true')
        return undefined;
      answered = true;
      return { status: 410, body: statusBody(410, 'Expired', 'too old resource version: 1 (20)') };
    });
    const { cache: c } = startCache(await connect(proxy.url, 'http-410'));
    await c.whenSynced(10_000);
    await eventually(
      () => proxy!.requests.filter((r) => r.startsWith('GET /api/v1/pods?')).length >= 4,
      'a re-list',
    );
    const pods = proxy.requests
      .filter((r) => r.startsWith('GET /api/v1/pods?'))
      .map((r) => r.includes('watch=true'));
    expect(pods.slice(0, 4)).toEqual([false, true, false, true]);
    expect(c.stats().kinds.find((k) => k.kind === 'pods')?.relists).toBe(1);
    api.store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'later', namespace: 'bookinfo' },
    });
    await eventually(() => c.get('pods', 'bookinfo', 'later') !== undefined, 'a pod after the re-list');
  });
});
