import 'server-only';
import type { Labels, MetricsResult, Point, RangeSeries, Sample } from '@/lib/metrics/types';
import type { UpstreamResponse } from '@/server/http/upstream';
import { isRecord, parseEnvelope } from './envelope';
import { prometheusError, type AnswerContext } from './errors';

/** A scalar or string result: the evaluation time (unix seconds) and the value. */
export interface TimedValue<T> {
  time: number;
  value: T;
}

/** The `data` of a query answer, reshaped into the app's types. */
export type QueryData =
  | { resultType: 'vector'; result: Sample[] }
  | { resultType: 'matrix'; result: RangeSeries[] }
  | { resultType: 'scalar'; result: TimedValue<number> }
  | { resultType: 'string'; result: TimedValue<string> };

type Json = Record<string, unknown>;

/**
 * Reads a value as Prometheus writes it: a decimal string, or `NaN`, `+Inf`, `-Inf`. Returns `undefined` for
 * anything else (a number, an empty string), which callers report as a bad answer.
 */
export function parseSampleValue(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN') return Number.NaN;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}

/** Thrown inside the data walk; turned into a `bad_response` at the top. */
class Malformed extends Error {}

function labels(value: unknown, path: string): Labels {
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new Malformed(`${path}.metric is not a label set`);
  }
  return value as Labels;
}

function pair(value: unknown, path: string): Point {
  const time = Array.isArray(value) ? value[0] : undefined;
  const parsed = Array.isArray(value) && value.length === 2 ? parseSampleValue(value[1]) : undefined;
  if (typeof time !== 'number' || !Number.isFinite(time) || parsed === undefined) {
    throw new Malformed(`${path} is not a [time, "value"] pair`);
  }
  return [time, parsed];
}

function stringPair(value: unknown, path: string): TimedValue<string> {
  if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'string') {
    throw new Malformed(`${path} is not a [time, "string"] pair`);
  }
  return { time: value[0], value: value[1] };
}

const NATIVE_HISTOGRAMS = 'native histogram series are not supported and were left out';

function series<T>(
  result: unknown,
  read: (item: Json, path: string) => T | undefined,
): { items: T[]; skipped: boolean } {
  if (!Array.isArray(result)) throw new Malformed('data.result is not a list');
  const items: T[] = [];
  result.forEach((item: unknown, i) => {
    const path = `data.result[${i}]`;
    if (!isRecord(item)) throw new Malformed(`${path} is not an object`);
    const value = read(item, path);
    if (value !== undefined) items.push(value);
  });
  return { items, skipped: items.length < result.length };
}

function readData(data: unknown): { data: QueryData; skipped: boolean } {
  if (!isRecord(data)) throw new Malformed('data is missing');
  switch (data.resultType) {
    case 'vector': {
      const { items, skipped } = series(data.result, (item, path): Sample | undefined =>
        item.value === undefined && item.histogram !== undefined
          ? undefined
          : { labels: labels(item.metric, path), value: pair(item.value, `${path}.value`)[1] },
      );
      return { data: { resultType: 'vector', result: items }, skipped };
    }
    case 'matrix': {
      const { items, skipped } = series(data.result, (item, path): RangeSeries | undefined => {
        if (item.values === undefined && item.histograms !== undefined) return undefined;
        if (!Array.isArray(item.values)) throw new Malformed(`${path}.values is not a list`);
        const points = item.values.map((p: unknown, j) => pair(p, `${path}.values[${j}]`));
        return { labels: labels(item.metric, path), points };
      });
      return { data: { resultType: 'matrix', result: items }, skipped };
    }
    case 'scalar': {
      const [time, value] = pair(data.result, 'data.result');
      return { data: { resultType: 'scalar', result: { time, value } }, skipped: false };
    }
    case 'string':
      return {
        data: { resultType: 'string', result: stringPair(data.result, 'data.result') },
        skipped: false,
      };
    default:
      throw new Malformed(`unknown resultType ${JSON.stringify(data.resultType)}`);
  }
}

/**
 * Reads a `/api/v1/query` or `/api/v1/query_range` answer into app types, values as numbers (`NaN`, `±Infinity`
 * included). Native histogram samples are left out with a warning. Throws like {@link parseEnvelope}, and a
 * `bad_response` naming the bad field when the data does not have the documented shape.
 */
export function parseQueryResponse(res: UpstreamResponse, ctx: AnswerContext): MetricsResult<QueryData> {
  const envelope = parseEnvelope(res, ctx);
  try {
    const { data, skipped } = readData(envelope.data);
    return { data, warnings: skipped ? [...envelope.warnings, NATIVE_HISTOGRAMS] : envelope.warnings };
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    throw prometheusError(ctx, 'bad_response', `unexpected answer: ${error.message}`, res.status);
  }
}
