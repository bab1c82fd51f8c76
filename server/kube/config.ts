import 'server-only';
import { existsSync } from 'node:fs';
import { KubeConfig, type RequestContext } from '@kubernetes/client-node';
import { SourceError } from '@/lib/source-error';

/**
 * Builds the client-node KubeConfig the dashboard uses. No environment reading here: the settings module decides
 * where the configuration comes from and passes it in.
 *
 * Timeouts: client-node 2.x sends requests with undici's `fetch` and, without help, waits forever (up to undici's
 * 300 s header timeout). Every generated API client (`kc.makeApiClient(CoreV1Api)`), `KubernetesObjectApi` and our own
 * raw requests call `applySecurityAuthentication(requestContext)` on the KubeConfig right before sending, so
 * {@link TimedKubeConfig} overrides it to attach `AbortSignal.timeout(requestTimeoutMs)` to the RequestContext,
 * which the fetch library passes to `fetch` (it covers connecting, the headers and reading the body). A signal set
 * later by a middleware replaces it. `Watch` ignores the RequestContext's signal and keeps its own 30 s
 * connect/inactivity timer, which is what long-lived watches need.
 */

/** Where the Kubernetes API is, as the settings module resolved it. */
export interface KubeConfigOptions {
  /** A kubeconfig file. Required unless `inCluster`. */
  kubeconfigPath?: string;
  /** A context of that file; its `current-context` when absent. */
  context?: string;
  /** Use the pod's service account (client-node's `loadFromCluster`). */
  inCluster?: boolean;
  /** Deadline of every non-watch request, in milliseconds. */
  timeoutMs?: number;
}

/** The request deadline when the settings give none, in milliseconds. */
export const DEFAULT_KUBE_TIMEOUT_MS = 10_000;

/** A KubeConfig that puts a deadline on every request made through it (see the module comment). */
export class TimedKubeConfig extends KubeConfig {
  /** Deadline of every non-watch request, in milliseconds. */
  requestTimeoutMs: number = DEFAULT_KUBE_TIMEOUT_MS;

  /** Applies the credentials and TLS settings as client-node does, then the deadline. */
  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    const deadline = AbortSignal.timeout(this.requestTimeoutMs);
    const existing = context.getSignal();
    context.setSignal(existing ? AbortSignal.any([existing, deadline]) : deadline);
  }
}

function configError(message: string, cause?: unknown): SourceError {
  return new SourceError('kubernetes', 'unreachable', message, { cause });
}

/**
 * Loads a kubeconfig file (optionally selecting a context) or the in-cluster service account configuration.
 * Throws a SourceError (`unreachable`) naming the file, the context or the missing piece when it cannot.
 */
export function loadKubeConfig(options: KubeConfigOptions): TimedKubeConfig {
  const kc = new TimedKubeConfig();
  kc.requestTimeoutMs = options.timeoutMs ?? DEFAULT_KUBE_TIMEOUT_MS;
  const where = options.inCluster ? 'in-cluster configuration' : `kubeconfig ${options.kubeconfigPath ?? ''}`;
  if (options.inCluster) {
    kc.loadFromCluster();
  } else if (options.kubeconfigPath === undefined) {
    throw configError('kubernetes: no kubeconfig path given and not running in a cluster');
  } else {
    if (!existsSync(options.kubeconfigPath)) throw configError(`${where}: file not found`);
    try {
      kc.loadFromFile(options.kubeconfigPath);
    } catch (error) {
      throw configError(
        `${where}: cannot read it (${error instanceof Error ? error.message : String(error)})`,
        error,
      );
    }
  }
  if (options.context !== undefined) {
    if (!kc.getContextObject(options.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw configError(
        `${where}: no context "${options.context}" (contexts: ${known.join(', ') || 'none'})`,
      );
    }
    kc.setCurrentContext(options.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!kc.getContextObject(kc.getCurrentContext())) throw configError(`${where}: no current context`);
  if (!cluster) throw configError(`${where}: context "${kc.getCurrentContext()}" names no known cluster`);
  if (!URL.canParse(cluster.server) || cluster.server.includes('undefined')) {
    throw configError(`${where}: the cluster's server "${cluster.server}" is not a URL`);
  }
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify && !cluster.proxyUrl) {
    // client-node 2.x refuses plain HTTP at the first request otherwise; say so now, with the fix.
    throw configError(
      `${where}: the cluster's server ${cluster.server} is plain HTTP, which client-node accepts only with ` +
        '`insecure-skip-tls-verify: true` on the cluster',
    );
  }
  return kc;
}

/** The API server URL of the current context. */
export function clusterServer(kc: KubeConfig): string {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw configError('kubernetes: the configuration has no current cluster');
  return cluster.server;
}

/** The request deadline of a KubeConfig: its own for a {@link TimedKubeConfig}, else the default. */
export function requestTimeoutOf(kc: KubeConfig): number {
  return kc instanceof TimedKubeConfig ? kc.requestTimeoutMs : DEFAULT_KUBE_TIMEOUT_MS;
}
