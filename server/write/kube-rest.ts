import 'server-only';
import { ApiException, RequestContext, type HttpMethod, type KubeConfig } from '@kubernetes/client-node';
import { isSourceError, SourceError } from '@/lib/source-error';
import type { JsonObject } from '@/lib/write/types';
import { clusterServer, requestTimeoutOf } from '@/server/kube/config';
import { toKubeError } from '@/server/kube/errors';
import { sendKube } from '@/server/kube/transport';
import { dashboardMetrics } from '@/server/observability/metrics';

/**
 * The write path's calls to the API server: plain JSON in and out through client-node's own transport (the
 * KubeConfig's credentials, TLS and deadline), like `kubeGetJson`. The generated typed clients are not used because
 * they turn objects into model classes (Dates, dropped unknown fields), and the write path must show and store
 * exactly what the server holds. Every failure is a {@link SourceError} whose `cause` keeps the Status body.
 */

/** Options of a write. */
export interface WriteCallOptions {
  /** `dryRun=All`: the server validates and answers, and stores nothing. */
  dryRun?: boolean;
}

/** The calls the write path makes. */
export interface KubeRest {
  /** The object at `path`, or null when the server answers 404. */
  get(path: string, operation: string): Promise<JsonObject | null>;
  /** The items of the list at `path`. */
  list(path: string, query: Record<string, string>, operation: string): Promise<JsonObject[]>;
  create(path: string, body: JsonObject, operation: string, options?: WriteCallOptions): Promise<JsonObject>;
  replace(path: string, body: JsonObject, operation: string, options?: WriteCallOptions): Promise<JsonObject>;
  /** DELETE with `preconditions.resourceVersion` when given. */
  remove(
    path: string,
    operation: string,
    options?: WriteCallOptions & { resourceVersion?: string },
  ): Promise<JsonObject>;
}

/** One cause of a Kubernetes `Status` (422 Invalid lists one per bad field). */
export interface StatusCause {
  field?: string;
  message?: string;
  reason?: string;
}

async function send(
  kc: KubeConfig,
  method: HttpMethod,
  path: string,
  operation: string,
  init: { query?: Record<string, string>; body?: JsonObject } = {},
): Promise<unknown> {
  const timeoutMs = requestTimeoutOf(kc);
  const started = performance.now();
  const metrics = dashboardMetrics();
  try {
    const url = new URL(clusterServer(kc).replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
    const ctx = new RequestContext(url.toString(), method);
    ctx.setHeaderParam('Accept', 'application/json');
    if (init.body !== undefined) {
      ctx.setHeaderParam('Content-Type', 'application/json');
      ctx.setBody(JSON.stringify(init.body));
    }
    await kc.applySecurityAuthentication(ctx);
    ctx.setSignal(ctx.getSignal() ?? AbortSignal.timeout(timeoutMs));
    const res = await sendKube(kc, ctx);
    const text = res.text;
    if (res.status < 200 || res.status > 299) {
      throw new ApiException(res.status, 'Unsuccessful HTTP Request', text, res.headers);
    }
    metrics.upstreamDuration.observe(
      { source: 'kubernetes', operation, outcome: 'ok' },
      (performance.now() - started) / 1000,
    );
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SourceError('kubernetes', 'bad_response', `kubernetes ${operation}: the answer is not JSON`, {
        status: res.status,
      });
    }
  } catch (error) {
    const typed = toKubeError(error, { operation, timeoutMs });
    metrics.upstreamErrors.inc({ source: 'kubernetes', operation, kind: typed.kind });
    metrics.upstreamDuration.observe(
      { source: 'kubernetes', operation, outcome: 'error' },
      (performance.now() - started) / 1000,
    );
    throw typed;
  }
}

function asObject(value: unknown, operation: string): JsonObject {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
  throw new SourceError('kubernetes', 'bad_response', `kubernetes ${operation}: the answer is not an object`);
}

const dry = (options?: WriteCallOptions): Record<string, string> =>
  options?.dryRun ? { dryRun: 'All' } : {};

/** The write path's API calls over a KubeConfig (the dashboard's, or later the acting user's). */
export function kubeRest(kc: KubeConfig): KubeRest {
  return {
    async get(path, operation) {
      try {
        return asObject(await send(kc, 'GET', path, operation), operation);
      } catch (error) {
        if (isSourceError(error) && error.status === 404) return null;
        throw error;
      }
    },
    async list(path, query, operation) {
      const answer = asObject(await send(kc, 'GET', path, operation, { query }), operation);
      const items = answer['items'];
      return Array.isArray(items) ? items.map((item) => asObject(item, operation)) : [];
    },
    async create(path, body, operation, options) {
      return asObject(await send(kc, 'POST', path, operation, { body, query: dry(options) }), operation);
    },
    async replace(path, body, operation, options) {
      return asObject(await send(kc, 'PUT', path, operation, { body, query: dry(options) }), operation);
    },
    async remove(path, operation, options) {
      const body: JsonObject = { apiVersion: 'v1', kind: 'DeleteOptions' };
      if (options?.dryRun) body['dryRun'] = ['All'];
      if (options?.resourceVersion) body['preconditions'] = { resourceVersion: options.resourceVersion };
      return asObject(await send(kc, 'DELETE', path, operation, { body }), operation);
    },
  };
}

/** The HTTP status and Status causes behind a SourceError from {@link kubeRest}, when the server answered. */
export function statusOfFailure(error: unknown): { status: number; causes: StatusCause[] } | undefined {
  if (!isSourceError(error) || error.status === undefined) return undefined;
  const cause = error.cause;
  let causes: StatusCause[] = [];
  if (cause instanceof ApiException && typeof cause.body === 'string') {
    try {
      const parsed = JSON.parse(cause.body) as { details?: { causes?: StatusCause[] } };
      causes = Array.isArray(parsed.details?.causes) ? parsed.details.causes : [];
    } catch {
      causes = [];
    }
  }
  return { status: error.status, causes };
}
