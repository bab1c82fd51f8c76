import 'server-only';

/**
 * The Kubernetes adapter: client-node 2.x behind a small surface.
 *
 * ```ts
 * const kc = loadKubeConfig({ kubeconfigPath, context, timeoutMs }); // from the settings module
 * const cache = sharedKubeCache(kc);                                  // started once per process and cluster
 * await cache.whenSynced(15_000);
 * const waypoints = cache.list('gateways', 'bookinfo');
 * const errors = cache.missingKindErrors();                           // "Gateway API not installed: …"
 * const probe = createKubeHealthProbe({ kubeConfig: kc, cache });
 * ```
 *
 * Writes use client-node's typed clients built from the same KubeConfig (`kc.makeApiClient(CoreV1Api)`,
 * `KubernetesObjectApi.makeApiClient(kc)`): they inherit its request deadline; map their failures with
 * {@link toKubeError}.
 */
export { KubeCache, type KubeCacheEvent, type KubeCacheListener, type KubeCacheOptions } from './cache';
export type { KindState, KindStats, KubeCacheStats } from './cache-stats';
export {
  clusterServer,
  DEFAULT_KUBE_TIMEOUT_MS,
  loadKubeConfig,
  requestTimeoutOf,
  TimedKubeConfig,
  type KubeConfigOptions,
} from './config';
export { isGone, kindForKubeStatus, toKubeError, type KubeErrorContext } from './errors';
export { createKubeHealthProbe, type KubeHealthProbeOptions } from './health';
export { kubeGetJson, type KubeGetOptions } from './request';
export { cacheKeyOf, sharedKubeCache, stopSharedKubeCaches } from './shared-cache';
