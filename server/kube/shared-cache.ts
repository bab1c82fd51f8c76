import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeCache, type KubeCacheOptions } from './cache';
import { clusterServer } from './config';

/**
 * One started {@link KubeCache} per cluster and user per process, kept on globalThis because Next.js may evaluate
 * this module more than once (route bundles, instrumentation), and a second cache would double every watch.
 */

const key = Symbol.for('meshlens.kube-caches');
type Holder = { [key]?: Map<string, KubeCache> };

function caches(): Map<string, KubeCache> {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  return holder[key];
}

/** The cache key of a KubeConfig: its API server and user. */
export function cacheKeyOf(kc: KubeConfig): string {
  return `${clusterServer(kc)}|${kc.getCurrentUser()?.name ?? ''}`;
}

/** The process's cache for this cluster and user, created and started on first use. */
export function sharedKubeCache(
  kubeConfig: KubeConfig,
  options: Omit<KubeCacheOptions, 'kubeConfig'> = {},
): KubeCache {
  const all = caches();
  const cacheKey = cacheKeyOf(kubeConfig);
  let cache = all.get(cacheKey);
  if (!cache) {
    cache = new KubeCache({ ...options, kubeConfig });
    all.set(cacheKey, cache);
    cache.start();
  }
  return cache;
}

/** Stops and forgets every shared cache (shutdown, tests). */
export async function stopSharedKubeCaches(): Promise<void> {
  const all = caches();
  const running = [...all.values()];
  all.clear();
  await Promise.all(running.map((cache) => cache.stop()));
}
