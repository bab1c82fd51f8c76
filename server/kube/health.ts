import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { HealthProbe, ProbeResult } from '@/lib/health';
import { SourceError } from '@/lib/source-error';
import type { KubeCache } from './cache';
import { requestTimeoutOf } from './config';
import { kubeGetJson } from './request';

/** What the probe needs. */
export interface KubeHealthProbeOptions {
  kubeConfig: KubeConfig;
  /** Deadline of the `/version` call in ms; the KubeConfig's request timeout by default. */
  timeoutMs?: number;
  /** The watch cache, whose missing kinds and sync state go into `detail`. */
  cache?: Pick<KubeCache, 'missingKinds' | 'isSynced'>;
}

/**
 * The Kubernetes health probe: `GET /version` within the timeout, answering the API server's `gitVersion` and, as
 * detail, the kinds the cluster lacks ("Gateway API not installed: gatewayclasses, gateways, httproutes") and
 * whether the watch cache is still syncing. Throws a SourceError (unreachable, timeout, unauthorized, …) when the
 * API server is not healthy.
 */
export function createKubeHealthProbe(options: KubeHealthProbeOptions): HealthProbe {
  const timeoutMs = options.timeoutMs ?? requestTimeoutOf(options.kubeConfig);
  return {
    source: 'kubernetes',
    async probe(signal?: AbortSignal): Promise<ProbeResult> {
      const doc = await kubeGetJson(options.kubeConfig, '/version', {
        operation: 'version',
        timeoutMs,
        signal,
      });
      const version = (doc as { gitVersion?: unknown } | null)?.gitVersion;
      if (typeof version !== 'string') {
        throw new SourceError(
          'kubernetes',
          'bad_response',
          'kubernetes version: the answer has no gitVersion',
        );
      }
      const notes = options.cache?.missingKinds().map((r) => r.message) ?? [];
      if (options.cache && !options.cache.isSynced()) notes.push('watch cache still syncing');
      return notes.length > 0 ? { version, detail: notes.join('; ') } : { version };
    },
  };
}
