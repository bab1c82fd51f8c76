import 'server-only';
import { SourceError, kindForHttpStatus, type SourceErrorKind } from '@/lib/source-error';

/** Prometheus's `errorType` values and what they mean to the dashboard (Thanos, Mimir and Cortex share them). */
const KIND_BY_ERROR_TYPE: Readonly<Record<string, SourceErrorKind>> = {
  bad_data: 'bad_query',
  execution: 'execution',
  timeout: 'timeout',
  canceled: 'timeout',
  internal: 'unavailable',
  unavailable: 'unavailable',
  not_found: 'not_found',
  too_many_requests: 'unavailable',
};

/** Statuses the Prometheus API gives a meaning of its own; others are read as any HTTP API's would be. */
const KIND_BY_STATUS: Readonly<Record<number, SourceErrorKind>> = {
  422: 'execution',
  503: 'timeout',
};

/**
 * The error kind for a Prometheus API error envelope. 401 and 403 win over the errorType: they come from whatever
 * guards the API (a proxy, Mimir's gateway), and the fix is the credentials, not the query.
 */
export function prometheusErrorKind(status: number, errorType: string | undefined): SourceErrorKind {
  if (status === 401 || status === 403) return kindForHttpStatus(status);
  const byType = errorType === undefined ? undefined : KIND_BY_ERROR_TYPE[errorType];
  return byType ?? KIND_BY_STATUS[status] ?? kindForHttpStatus(status);
}

/**
 * The error kind for an answer that is not the Prometheus API at all (HTML, plain text, foreign JSON): a proxy's
 * 401/403 or 5xx page keeps its HTTP meaning; anything else (an unknown path, a login page served with 200) means
 * the URL does not point at a Prometheus API: `bad_response`.
 */
export function foreignAnswerKind(status: number): SourceErrorKind {
  return status === 401 || status === 403 || status >= 500 ? kindForHttpStatus(status) : 'bad_response';
}

/** Where an answer came from, for messages: the operation and the URL (whose origin and path are shown). */
export interface AnswerContext {
  /** A short name of the call, e.g. `query_range`. */
  operation: string;
  url: URL;
}

/** `query (http://host/prometheus/api/v1/query)`: the call and its URL, without query string or credentials. */
export function callName(ctx: AnswerContext): string {
  return `${ctx.operation} (${ctx.url.origin}${ctx.url.pathname})`;
}

/** `prometheus query (http://host/prometheus/api/v1/query)`: names the upstream for messages. */
export function describeCall(ctx: AnswerContext): string {
  return `prometheus ${callName(ctx)}`;
}

/** A SourceError of `kind` whose message starts with {@link describeCall}. */
export function prometheusError(
  ctx: AnswerContext,
  kind: SourceErrorKind,
  message: string,
  status?: number,
): SourceError {
  return new SourceError('prometheus', kind, `${describeCall(ctx)}: ${message}`, { status });
}
