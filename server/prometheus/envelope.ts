import 'server-only';
import type { MetricsResult } from '@/lib/metrics/types';
import { isSourceError, SourceError } from '@/lib/source-error';
import { parseJsonBody, type UpstreamResponse } from '@/server/http/upstream';
import {
  callName,
  foreignAnswerKind,
  prometheusError,
  prometheusErrorKind,
  type AnswerContext,
} from './errors';

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a Prometheus API answer of any endpoint: returns `data` (unchecked) and `warnings` on success, throws a
 * SourceError carrying Prometheus's message and the kind its errorType/status maps to on an error envelope, and a
 * `bad_response` naming the URL when the answer is not the Prometheus API (HTML, plain text, truncated JSON).
 */
export function parseEnvelope(res: UpstreamResponse, ctx: AnswerContext): MetricsResult<unknown> {
  const body = parseBody(res, ctx);
  if (!isRecord(body) || (body.status !== 'success' && body.status !== 'error')) {
    throw prometheusError(
      ctx,
      foreignAnswerKind(res.status),
      `not a Prometheus API answer (HTTP ${res.status})`,
      res.status,
    );
  }
  if (body.status === 'error' || res.status >= 300) {
    const errorType = typeof body.errorType === 'string' ? body.errorType : undefined;
    const message = typeof body.error === 'string' && body.error !== '' ? body.error : `HTTP ${res.status}`;
    throw prometheusError(ctx, prometheusErrorKind(res.status, errorType), message, res.status);
  }
  const warnings = Array.isArray(body.warnings) ? body.warnings.filter((w) => typeof w === 'string') : [];
  return { data: body.data, warnings };
}

function parseBody(res: UpstreamResponse, ctx: AnswerContext): unknown {
  try {
    return parseJsonBody({ source: 'prometheus', operation: callName(ctx), url: ctx.url }, res);
  } catch (error) {
    const kind = foreignAnswerKind(res.status);
    if (!isSourceError(error) || kind === error.kind) throw error;
    throw new SourceError('prometheus', kind, error.message, { status: res.status, cause: error });
  }
}
