import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServedKind } from '@/lib/kube/discovery';
import { watchedKind, type KindName } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import { SourceError } from '@/lib/source-error';
import { dashboardMetrics } from '@/server/observability/metrics';
import { KubeCache, type KubeCacheEvent, type KubeCacheOptions } from './cache';
import type { DiscoveryResult } from './discovery';
import type { ListResult, ListWatchClient } from './list-watch';

const served = (name: KindName): ServedKind => ({
  ...watchedKind(name),
  servedVersion: 'v1',
  apiVersion: 'x/v1',
});
const kinds = (['namespaces', 'pods', 'gateways', 'httproutes'] as const).map((n) => watchedKind(n));
const fast = { initialMs: 10, maxMs: 50, jitter: 0 };
const obj = (name: string, namespace?: string): KubeObject => ({
  metadata: { name, namespace, resourceVersion: '1' },
});

/** A client whose list answers `lists[kind]` and whose watch stays open until aborted. */
function clients(
  lists: Partial<Record<KindName, () => Promise<ListResult>>>,
): (k: ServedKind) => ListWatchClient {
  return (k) => ({
    list: lists[k.name] ?? (async () => ({ items: [], resourceVersion: '1' })),
    watch: (_rv, _emit, signal) =>
      new Promise((resolve) =>
        signal.addEventListener('abort', () => resolve({ error: null }), { once: true }),
      ),
  });
}

const withoutGatewayApi: DiscoveryResult = {
  served: [served('namespaces'), served('pods')],
  missing: [
    { kind: watchedKind('gateways'), reason: 'API group gateway.networking.k8s.io is not served' },
    { kind: watchedKind('httproutes'), reason: 'API group gateway.networking.k8s.io is not served' },
  ],
};

let cache: KubeCache | undefined;
afterEach(async () => {
  await cache?.stop();
  cache = undefined;
});

function make(options: Partial<KubeCacheOptions>): KubeCache {
  cache = new KubeCache({ kubeConfig: new KubeConfig(), kinds, backoff: fast, ...options });
  return cache;
}

describe('KubeCache', () => {
  it('syncs the served kinds, reports the missing ones, and serves reads and changes', async () => {
    const c = make({
      discover: async () => withoutGatewayApi,
      listWatch: clients({ namespaces: async () => ({ items: [obj('bookinfo')], resourceVersion: '3' }) }),
    });
    const events: KubeCacheEvent[] = [];
    c.subscribe((e) => events.push(e));
    c.start();
    await c.whenSynced(2000);
    expect(c.list('namespaces').map((o) => o.metadata.name)).toEqual(['bookinfo']);
    expect(c.get('namespaces', undefined, 'bookinfo')?.metadata.name).toBe('bookinfo');
    expect(c.list('gateways')).toEqual([]);
    expect(events).toEqual([{ type: 'added', kind: 'namespaces', object: obj('bookinfo') }]);
    expect(c.missingKinds().map((r) => r.message)).toEqual([
      'Gateway API not installed: gateways, httproutes',
    ]);
    expect(c.missingKindErrors()[0]?.kind).toBe('missing_kind');
    expect(c.kindError('gateways')?.kind).toBe('missing_kind');
    expect(c.kindError('pods')).toBeNull();
    const stats = c.stats();
    expect(stats.synced).toBe(true);
    expect(stats.kinds.find((k) => k.kind === 'namespaces')).toMatchObject({ objects: 1, state: 'watching' });
    expect(stats.kinds.find((k) => k.kind === 'gateways')).toMatchObject({
      state: 'missing',
      apiVersion: null,
    });
    const gauge = await dashboardMetrics().cacheObjects.get();
    expect(gauge.values.find((v) => v.labels.kind === 'namespaces')?.value).toBe(1);
  });

  it('picks up a kind installed later at the next rediscovery, without retrying in a loop', async () => {
    let rounds = 0;
    const everything: DiscoveryResult = { served: kinds.map((k) => served(k.name)), missing: [] };
    const c = make({
      rediscoverIntervalMs: 100,
      discover: async () => (++rounds === 1 ? withoutGatewayApi : everything),
      listWatch: clients({}),
    });
    c.start();
    await c.whenSynced(2000);
    expect(c.missingKinds()).toHaveLength(1);
    for (let i = 0; i < 100 && c.missingKinds().length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(c.missingKinds()).toEqual([]);
    expect(c.stats().kinds.find((k) => k.kind === 'gateways')?.state).not.toBe('missing');
    await new Promise((r) => setTimeout(r, 250));
    expect(rounds).toBe(2);
  });

  it('rejects whenSynced with the underlying error kind when the API server cannot be reached', async () => {
    const refused = new SourceError(
      'kubernetes',
      'unreachable',
      'kubernetes discovery: cannot reach the API server',
    );
    const c = make({ discover: () => Promise.reject(refused), listWatch: clients({}) });
    c.start();
    const error = await c.whenSynced(150).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect((error as Error).message).toContain(
      'not synced within 150 ms (pending: namespaces, pods, gateways',
    );
    expect(c.stats().discoveryError?.kind).toBe('unreachable');
  });

  it('rejects whenSynced with timeout when a list hangs, naming the kind', async () => {
    const c = make({
      discover: async () => withoutGatewayApi,
      listWatch: clients({ pods: () => new Promise(() => {}) }),
    });
    c.start();
    const error = (await c.whenSynced(100).catch((e: unknown) => e)) as SourceError;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('kubernetes: watch cache not synced within 100 ms (pending: pods)');
  });

  it('drops a kind whose list answers 404 and reports it missing', async () => {
    const c = make({
      rediscoverIntervalMs: 60_000,
      discover: async () => ({ served: kinds.map((k) => served(k.name)), missing: [] }),
      listWatch: clients({
        httproutes: () =>
          Promise.reject(new SourceError('kubernetes', 'not_found', 'list httproutes: 404', { status: 404 })),
      }),
    });
    c.start();
    await c.whenSynced(2000);
    expect(c.missingKinds().map((r) => r.message)).toEqual(['Gateway API kinds not served: httproutes']);
  });

  it('rejects pending whenSynced calls when stopped', async () => {
    const c = make({ discover: () => new Promise(() => {}), listWatch: clients({}) });
    c.start();
    const pending = c.whenSynced(5000).catch((e: unknown) => e);
    await c.stop();
    expect(await pending).toMatchObject({ kind: 'unavailable', message: 'kubernetes: cache stopped' });
  });
});
