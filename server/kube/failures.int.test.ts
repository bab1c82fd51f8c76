import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SourceError } from '@/lib/source-error';
import { ResourceStore, startApiServer, writeKubeconfig, type ApiServer } from '@/server/demo/apiserver';
import { KubeCache } from './cache';
import { loadKubeConfig, type TimedKubeConfig } from './config';
import { toKubeError } from './errors';
import { createKubeHealthProbe } from './health';
import {
  closedPortUrl,
  startHangingServer,
  startLoopbackProxy,
  statusBody,
  type LoopbackServer,
} from './testing/loopback-servers';
import { meshSeed } from './testing/mesh-seed';

/**
 * What the adapter does when the cluster is not what it hoped for: a kind not served, an API server that does not
 * answer at all, one that accepts connections but hangs. Real servers on 127.0.0.1, client-node in between.
 */

const dir = mkdtempSync(join(tmpdir(), 'kube-failures-int-'));
const servers: LoopbackServer[] = [];
let api: ApiServer | undefined;
let cache: KubeCache | undefined;

afterEach(async () => {
  await cache?.stop();
  for (const server of servers.splice(0)) await server.close();
  await api?.close();
  cache = api = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function connect(url: string, name: string, timeoutMs: number): Promise<TimedKubeConfig> {
  const path = join(dir, name);
  await writeKubeconfig(path, url);
  return loadKubeConfig({ kubeconfigPath: path, timeoutMs });
}

async function failure(promise: Promise<unknown>): Promise<{ error: SourceError; ms: number }> {
  const started = performance.now();
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof SourceError)) throw error;
  return { error, ms: performance.now() - started };
}

const GATEWAY_API = 'gateway.networking.k8s.io';

describe('a cluster without Gateway API', () => {
  it('reports gatewayclasses, gateways and httproutes as missing, syncs the rest and tells the health probe', async () => {
    const store = new ResourceStore();
    for (const seed of meshSeed()) store.create(seed.ref, seed.body);
    api = await startApiServer({ store });
    const upstream = api.url;
    // An API server whose discovery lacks the group, and which 404s its paths, as one without the CRDs does.
    const proxy = await startLoopbackProxy(upstream, async (_req, url) => {
      if (url.pathname.startsWith(`/apis/${GATEWAY_API}`))
        return { status: 404, body: statusBody(404, 'NotFound', '404 page not found') };
      if (url.pathname !== '/apis') return undefined;
      const groups = (await (await fetch(`${upstream}/apis`)).json()) as { groups: { name: string }[] };
      return {
        status: 200,
        body: { ...groups, groups: groups.groups.filter((g) => g.name !== GATEWAY_API) },
      };
    });
    servers.push(proxy);
    const kubeConfig = await connect(proxy.url, 'no-gateway-api', 3000);
    cache = new KubeCache({
      kubeConfig,
      backoff: { initialMs: 50, maxMs: 400, jitter: 0 },
      rediscoverIntervalMs: 60_000,
    });
    cache.start();
    await cache.whenSynced(10_000);

    expect(cache.missingKinds().map((r) => r.message)).toEqual([
      'Gateway API not installed: gatewayclasses, gateways, httproutes',
    ]);
    expect(cache.kindError('httproutes')?.kind).toBe('missing_kind');
    expect(cache.list('gateways')).toEqual([]);
    expect(cache.list('virtualservices')).toHaveLength(1);
    const stats = cache.stats();
    expect(stats.kinds.find((k) => k.kind === 'gateways')).toMatchObject({
      state: 'missing',
      missingReason: `API group ${GATEWAY_API} is not served`,
    });
    // Not retried in a loop: one discovery round, no list of the missing kinds.
    expect(proxy.requests.filter((r) => r === 'GET /apis').length).toBe(1);
    expect(proxy.requests.some((r) => r.includes(GATEWAY_API))).toBe(false);

    const probe = createKubeHealthProbe({ kubeConfig, cache });
    await expect(probe.probe()).resolves.toEqual({
      version: 'v1.32.0-meshlens-demo',
      detail: 'Gateway API not installed: gatewayclasses, gateways, httproutes',
    });
  });
});

describe('an API server that does not answer', () => {
  it('is unreachable, quickly, for the probe and for the cache', async () => {
    const kubeConfig = await connect(await closedPortUrl(), 'closed', 5000);
    const probe = await failure(createKubeHealthProbe({ kubeConfig }).probe());
    expect(probe.error.kind).toBe('unreachable');
    expect(probe.error.message).toMatch(/^kubernetes version: cannot reach the API server \(.*ECONNREFUSED/);
    expect(probe.ms).toBeLessThan(1000);

    cache = new KubeCache({ kubeConfig, backoff: { initialMs: 50, maxMs: 200, jitter: 0 } });
    cache.start();
    const synced = await failure(cache.whenSynced(500));
    expect(synced.error.kind).toBe('unreachable');
    expect(synced.error.message).toContain('not synced within 500 ms');
  });

  it('times out within the configured timeout when it accepts connections but hangs', async () => {
    const hanging = await startHangingServer();
    servers.push(hanging);
    const kubeConfig = await connect(hanging.url, 'hanging', 400);

    const probe = await failure(createKubeHealthProbe({ kubeConfig }).probe());
    expect(probe.error).toMatchObject({
      kind: 'timeout',
      message: 'kubernetes version: no answer within 400 ms',
    });
    expect(probe.ms).toBeGreaterThanOrEqual(350);
    expect(probe.ms).toBeLessThan(1500);

    // The same deadline applies to the generated typed clients built from this KubeConfig.
    const started = performance.now();
    const typed = await kubeConfig
      .makeApiClient(CoreV1Api)
      .listNamespace()
      .then(
        () => undefined,
        (e: unknown) => toKubeError(e, { operation: 'list namespaces', timeoutMs: 400 }),
      );
    expect(typed?.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1500);

    cache = new KubeCache({ kubeConfig, backoff: { initialMs: 50, maxMs: 200, jitter: 0 } });
    cache.start();
    const synced = await failure(cache.whenSynced(1000));
    expect(synced.error.kind).toBe('timeout');
    expect(cache.stats().discoveryError?.message).toBe('kubernetes discovery: no answer within 400 ms');
  });
});
