import 'server-only';
import { SourceError, isSourceError, type SourceName } from '@/lib/source-error';
import { dashboardMetrics } from '@/server/observability/metrics';

/** One HTTP call to an upstream (Prometheus, Tempo). */
export interface UpstreamRequest {
  source: SourceName;
  /** A short name for metrics and messages, e.g. `query_range`. */
  operation: string;
  url: URL;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A form body (sent as application/x-www-form-urlencoded). */
  form?: URLSearchParams;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The upstream's answer, whatever its status. Network failures and timeouts are thrown, not returned. */
export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Calls an upstream with a hard timeout and turns every transport failure into a typed {@link SourceError}:
 * nothing answered -> `unreachable`, too slow -> `timeout`, body cut short -> `bad_response`. The status is left to
 * the adapter, which knows its upstream's error envelope. Records latency and errors in the dashboard's metrics.
 */
export async function callUpstream(req: UpstreamRequest): Promise<UpstreamResponse> {
  const started = performance.now();
  const metrics = dashboardMetrics();
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const headers = new Headers(req.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (req.form) headers.set('content-type', 'application/x-www-form-urlencoded');
  try {
    const res = await fetch(req.url, {
      method: req.method ?? 'GET',
      headers,
      body: req.form?.toString(),
      signal,
      // A redirect from an API is almost always a proxy sending us to a login page: say so instead of following.
      redirect: 'manual',
    }).catch((error: unknown) => {
      throw transportError(req, error, timeout, 'unreachable');
    });
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location') ?? 'nowhere';
      throw new SourceError(
        req.source,
        'bad_response',
        `${label(req)}: ${req.url.origin} redirected to ${location} (a login page in front of the API?)`,
        { status: res.status },
      );
    }
    const body = await res.text().catch((error: unknown) => {
      throw transportError(req, error, timeout, 'bad_response');
    });
    // Content-Length counts the encoded bytes: with gzip it says nothing about the decoded body's length.
    const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const declared = Number(res.headers.get('content-length'));
    if (!encoded && Number.isFinite(declared) && declared > 0 && Buffer.byteLength(body) < declared) {
      throw new SourceError(req.source, 'bad_response', `${label(req)}: the answer was cut short`, {
        status: res.status,
      });
    }
    metrics.upstreamDuration.observe(
      { source: req.source, operation: req.operation, outcome: res.ok ? 'ok' : 'error' },
      (performance.now() - started) / 1000,
    );
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
  } catch (error) {
    // The caller gave up (a browser navigated away): not the upstream's fault, so neither counted nor re-typed.
    if (req.signal?.aborted && !isSourceError(error)) throw error;
    const kind = isSourceError(error) ? error.kind : 'unreachable';
    metrics.upstreamErrors.inc({ source: req.source, operation: req.operation, kind });
    metrics.upstreamDuration.observe(
      { source: req.source, operation: req.operation, outcome: 'error' },
      (performance.now() - started) / 1000,
    );
    throw error;
  }
}

/**
 * Parses a JSON body, or explains in one line why it is not JSON (an HTML login page from a proxy, a truncated
 * body). Never echoes the whole body: it may be large or contain markup.
 */
export function parseJsonBody(
  req: Pick<UpstreamRequest, 'source' | 'operation' | 'url'>,
  res: UpstreamResponse,
): unknown {
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    const what =
      /html/i.test(res.contentType) || /^\s*</.test(res.body) ? 'HTML' : 'something that is not JSON';
    throw new SourceError(
      req.source,
      'bad_response',
      `${label(req)}: expected JSON but got ${what} (HTTP ${res.status}, ${res.body.length} bytes)`,
      { status: res.status },
    );
  }
}

function transportError(
  req: UpstreamRequest,
  error: unknown,
  timeout: AbortSignal,
  fallback: 'unreachable' | 'bad_response',
): Error {
  if (isSourceError(error)) return error;
  if (req.signal?.aborted)
    return req.signal.reason instanceof Error ? req.signal.reason : new Error('aborted');
  if (timeout.aborted) {
    return new SourceError(req.source, 'timeout', `${label(req)}: no answer within ${req.timeoutMs} ms`, {
      cause: error,
    });
  }
  const detail = describeCause(error);
  const message =
    fallback === 'unreachable'
      ? `${label(req)}: cannot reach ${req.url.origin} (${detail})`
      : `${label(req)}: the answer was cut short (${detail})`;
  return new SourceError(req.source, fallback, message, { cause: error });
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  const message = cause instanceof Error ? cause.message : String(cause);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

function label(req: Pick<UpstreamRequest, 'source' | 'operation'>): string {
  return `${req.source} ${req.operation}`;
}
