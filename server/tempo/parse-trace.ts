import type { Span } from '@/lib/traces/types';
import { badShape, isObject } from './json-shape';
import { parseResourceSpans, resourceSpansOf } from './otlp-spans';

/** The spans of one trace as Tempo returned them, before `assembleTrace` derives the summary fields. */
export interface TempoTraceAnswer {
  spans: Span[];
  /** Tempo's v2 API said `PARTIAL`: the trace exceeded the size limit and was truncated. */
  partial: boolean;
  /** Tempo's explanation of a partial answer (size limit, filter, pruning), when it gave one. */
  partialReason?: string;
}

const OPERATION = 'trace';

/**
 * Parses `GET /api/v2/traces/<id>` (Tempo 2.6+): `{trace: {resourceSpans}, status?}`. `status` is `COMPLETE` or
 * `PARTIAL` (the enum's number 1 is accepted as well), with a `message` saying why. A `trace` without spans gives
 * no spans.
 */
export function parseTraceV2(body: unknown): TempoTraceAnswer {
  if (!isObject(body)) throw badShape(OPERATION, 'not a JSON object');
  const trace = body.trace ?? {};
  if (!isObject(trace)) throw badShape(OPERATION, '"trace" is not an object');
  const spans = parseResourceSpans(resourceSpansOf(trace, OPERATION), OPERATION);
  if (body.status !== 'PARTIAL' && body.status !== 1) return { spans, partial: false };
  const message = body.message;
  return typeof message === 'string' && message !== ''
    ? { spans, partial: true, partialReason: message }
    : { spans, partial: true };
}

/**
 * Parses `GET /api/traces/<id>` (Tempo's v1 API): OTLP JSON under `batches`, or under `resourceSpans` in some
 * versions. v1 cannot say that a trace was truncated, so `partial` is always false.
 */
export function parseTraceV1(body: unknown): TempoTraceAnswer {
  if (!isObject(body)) throw badShape(OPERATION, 'not a JSON object');
  return { spans: parseResourceSpans(resourceSpansOf(body, OPERATION), OPERATION), partial: false };
}
