import { nanosToMs, parseNanos } from '@/lib/traces/time';
import { parseSpanId, parseTraceId } from '@/lib/traces/trace-id';
import type { Attributes, Span, SpanEvent } from '@/lib/traces/types';
import { arrayField, badShape, isObject, stringField, type JsonObject } from './json-shape';
import { parseAttributes, parseKind, parseStatus } from './otlp-values';

/** The service a span belongs to when its resource has no `service.name` (OpenTelemetry's own default). */
export const UNKNOWN_SERVICE = 'unknown_service';

/**
 * The OTLP resource-spans list of a trace answer: `resourceSpans` (OTLP, Tempo's v2 API and some v1 versions) or
 * `batches` (Tempo's v1 API). Missing gives `[]`.
 */
export function resourceSpansOf(obj: JsonObject, operation: string): unknown[] {
  return 'resourceSpans' in obj
    ? arrayField(obj, 'resourceSpans', operation)
    : arrayField(obj, 'batches', operation);
}

/**
 * Flattens OTLP resource spans into spans. Scope groups are read from `scopeSpans` or, before Tempo 2.0,
 * `instrumentationLibrarySpans`. IDs may be base64 or hex. A span without valid IDs or times makes the whole answer
 * a `bad_response`: silently dropping it would show a wrong tree.
 */
export function parseResourceSpans(list: readonly unknown[], operation: string): Span[] {
  const spans: Span[] = [];
  for (const batch of list) {
    if (!isObject(batch)) throw badShape(operation, 'a resource-spans entry is not an object');
    const resource = parseAttributes(isObject(batch.resource) ? batch.resource.attributes : undefined);
    const service = typeof resource['service.name'] === 'string' ? resource['service.name'] : UNKNOWN_SERVICE;
    const scopes =
      'scopeSpans' in batch
        ? arrayField(batch, 'scopeSpans', operation)
        : arrayField(batch, 'instrumentationLibrarySpans', operation);
    for (const scope of scopes) {
      if (!isObject(scope)) throw badShape(operation, 'a scope-spans entry is not an object');
      for (const raw of arrayField(scope, 'spans', operation)) {
        spans.push(parseSpan(raw, resource, service, operation));
      }
    }
  }
  return spans;
}

function parseSpan(raw: unknown, resource: Attributes, service: string, operation: string): Span {
  if (!isObject(raw)) throw badShape(operation, 'a span is not an object');
  const traceId = parseTraceId(stringField(raw, 'traceId', ''));
  const spanId = parseSpanId(stringField(raw, 'spanId', ''));
  if (traceId === null || spanId === null) throw badShape(operation, 'a span has no valid traceId or spanId');
  const start = parseNanos(raw.startTimeUnixNano);
  const end = parseNanos(raw.endTimeUnixNano) ?? start;
  if (start === null || end === null) throw badShape(operation, `span ${spanId} has no valid start time`);
  const parent = stringField(raw, 'parentSpanId', '');
  return {
    traceId,
    spanId,
    // OTLP writes an absent parent as "" (or omits it).
    parentSpanId: parent === '' ? null : parseSpanId(parent),
    name: stringField(raw, 'name', ''),
    service,
    kind: parseKind(raw.kind),
    startTimeUnixNano: start.toString(),
    startMs: nanosToMs(start),
    durationMs: end > start ? nanosToMs(end - start) : 0,
    status: parseStatus(raw.status),
    attributes: parseAttributes(raw.attributes),
    resource,
    events: arrayField(raw, 'events', operation).filter(isObject).map(parseEvent),
  };
}

function parseEvent(raw: JsonObject): SpanEvent {
  const time = parseNanos(raw.timeUnixNano) ?? 0n;
  return {
    name: stringField(raw, 'name', ''),
    timeUnixNano: time.toString(),
    timeMs: nanosToMs(time),
    attributes: parseAttributes(raw.attributes),
  };
}
