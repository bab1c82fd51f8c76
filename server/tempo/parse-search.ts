import { nanosToMs, parseNanos } from '@/lib/traces/time';
import { parseSpanId, parseTraceId } from '@/lib/traces/trace-id';
import type { MatchedSpan, MatchedSpanSet, TraceSummary } from '@/lib/traces/types';
import { arrayField, badShape, isObject, stringField, type JsonObject } from './json-shape';
import { parseAttributes } from './otlp-values';

const OPERATION = 'search';

/**
 * Parses `GET /api/search`: `{traces: [{traceID, rootServiceName, rootTraceName, startTimeUnixNano, durationMs,
 * spanSet?, spanSets?}], metrics}`. Tempo omits zero values, so a missing `durationMs` is 0 and a missing `traces`
 * is no hit. Older versions fill only `spanSet`; newer ones fill `spanSets` (and may repeat the first set in
 * `spanSet`), so `spanSets` wins when present.
 */
export function parseSearchResponse(body: unknown): TraceSummary[] {
  if (!isObject(body)) throw badShape(OPERATION, 'not a JSON object');
  return arrayField(body, 'traces', OPERATION).map(parseHit);
}

function parseHit(raw: unknown): TraceSummary {
  if (!isObject(raw)) throw badShape(OPERATION, 'a hit is not an object');
  // Some Tempo versions strip leading zeros from search IDs; parseTraceId pads them back.
  const traceId = parseTraceId(stringField(raw, 'traceID', ''));
  if (traceId === null) throw badShape(OPERATION, 'a hit has no valid traceID');
  const durationMs = raw.durationMs;
  return {
    traceId,
    rootService: stringField(raw, 'rootServiceName', ''),
    rootName: stringField(raw, 'rootTraceName', ''),
    startMs: nanosToMs(parseNanos(raw.startTimeUnixNano) ?? 0n),
    durationMs: typeof durationMs === 'number' && Number.isFinite(durationMs) ? durationMs : 0,
    spanSets: spanSetsOf(raw).map(parseSpanSet),
  };
}

function spanSetsOf(hit: JsonObject): unknown[] {
  const sets = arrayField(hit, 'spanSets', OPERATION);
  if (sets.length > 0) return sets;
  return isObject(hit.spanSet) ? [hit.spanSet] : [];
}

function parseSpanSet(raw: unknown): MatchedSpanSet {
  if (!isObject(raw)) throw badShape(OPERATION, 'a span set is not an object');
  const spans = arrayField(raw, 'spans', OPERATION).map(parseMatchedSpan);
  const matched = raw.matched;
  return { matched: typeof matched === 'number' ? matched : spans.length, spans };
}

function parseMatchedSpan(raw: unknown): MatchedSpan {
  if (!isObject(raw)) throw badShape(OPERATION, 'a matched span is not an object');
  const spanId = parseSpanId(stringField(raw, 'spanID', ''));
  if (spanId === null) throw badShape(OPERATION, 'a matched span has no valid spanID');
  const attributes = parseAttributes(raw.attributes);
  const service = attributes['service.name'];
  return {
    spanId,
    name: typeof raw.name === 'string' ? raw.name : null,
    service: typeof service === 'string' ? service : null,
    startMs: nanosToMs(parseNanos(raw.startTimeUnixNano) ?? 0n),
    durationMs: nanosToMs(parseNanos(raw.durationNanos) ?? 0n),
    attributes,
  };
}
