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
 * `spanSet`), so `spanSets` wins when present. `serviceStats` (Tempo 2.2+) gives the span and error counts.
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
    ...countsOf(raw.serviceStats),
  };
}

/**
 * Tempo 2.2+ adds `serviceStats: {"<service>": {spanCount, errorCount}}` to each hit: the whole trace's spans per
 * service, zero counts omitted. Summed, they give the trace's span and error counts; without it, neither is known.
 */
function countsOf(stats: unknown): { spanCount?: number; errorCount?: number } {
  if (!isObject(stats)) return {};
  let spanCount = 0;
  let errorCount = 0;
  for (const entry of Object.values(stats)) {
    if (!isObject(entry)) throw badShape(OPERATION, 'a serviceStats entry is not an object');
    spanCount += countField(entry.spanCount);
    errorCount += countField(entry.errorCount);
  }
  return { spanCount, errorCount };
}

function countField(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
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
