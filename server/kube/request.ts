import 'server-only';
import { ApiException, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { SourceError } from '@/lib/source-error';
import { dashboardMetrics } from '@/server/observability/metrics';
import { clusterServer, requestTimeoutOf } from './config';
import { toKubeError } from './errors';
import { sendKube } from './transport';

/**
 * A raw GET through client-node's own transport (KubeConfig credentials and TLS dispatcher, the generated client's
 * fetch library), answering plain JSON. Used for discovery, lists and `/version`: the generated typed APIs would turn
 * list items into model classes with `Date` fields, while watch events arrive as plain JSON, and the cache must hold
 * one shape.
 */

/** Options of one GET. */
export interface KubeGetOptions {
  /** A short name for messages and metrics, e.g. `list pods`. */
  operation: string;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | undefined>;
  /** Deadline in milliseconds; the KubeConfig's request timeout when absent. */
  timeoutMs?: number;
  /** The caller's cancellation. */
  signal?: AbortSignal;
}

/** GETs `path` (e.g. `/api/v1/pods`) and parses the JSON answer; every failure is a SourceError. */
export async function kubeGetJson(kc: KubeConfig, path: string, options: KubeGetOptions): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? requestTimeoutOf(kc);
  const started = performance.now();
  const metrics = dashboardMetrics();
  try {
    const url = new URL(clusterServer(kc).replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const ctx = new RequestContext(url.toString(), 'GET');
    ctx.setHeaderParam('Accept', 'application/json');
    await kc.applySecurityAuthentication(ctx);
    const deadline = AbortSignal.timeout(timeoutMs);
    ctx.setSignal(options.signal ? AbortSignal.any([options.signal, deadline]) : deadline);
    const res = await sendKube(kc, ctx);
    if (res.status < 200 || res.status > 299) {
      throw new ApiException(res.status, 'Unsuccessful HTTP Request', res.text, res.headers);
    }
    const parsed = parseJson(res.text, options.operation, res.status, res.headers['content-type']);
    metrics.upstreamDuration.observe(
      { source: 'kubernetes', operation: options.operation, outcome: 'ok' },
      (performance.now() - started) / 1000,
    );
    return parsed;
  } catch (error) {
    const typed = toKubeError(error, { operation: options.operation, timeoutMs });
    metrics.upstreamErrors.inc({ source: 'kubernetes', operation: options.operation, kind: typed.kind });
    metrics.upstreamDuration.observe(
      { source: 'kubernetes', operation: options.operation, outcome: 'error' },
      (performance.now() - started) / 1000,
    );
    throw typed;
  }
}

function parseJson(
  body: string,
  operation: string,
  status: number,
  contentType: string | undefined,
): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const what =
      /html/i.test(contentType ?? '') || /^\s*</.test(body) ? 'HTML' : 'something that is not JSON';
    throw new SourceError(
      'kubernetes',
      'bad_response',
      `kubernetes ${operation}: expected JSON but got ${what} (HTTP ${status}, ${body.length} bytes)`,
      { status },
    );
  }
}
