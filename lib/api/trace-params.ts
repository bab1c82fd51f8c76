import { z } from 'zod';
import type { SpanFilter } from '@/lib/traces/filter';
import { graphParamsSchema } from './graph-params';
import { ParamError, parseParams } from './params';

/** The parameters of `GET /api/traces`, parsed (docs/traces-api.md, "Parameters"). */
export interface TraceSearchParams {
  /** Raw TraceQL typed by a person; null when the structured filter is used instead. */
  traceql: string | null;
  /** The structured filter (empty when `traceql` is given). */
  filter: SpanFilter;
  /** Length of the window searched, in seconds (60 to 86,400). */
  windowSeconds: number;
  /** End of the window; null for now. */
  end: Date | null;
  /** Most traces to return (1 to {@link SEARCH_LIMITS.max}). */
  limit: number;
}

/** Default and largest number of traces a search returns. */
export const SEARCH_LIMITS = { default: 50, max: 500 } as const;

/** Longest TraceQL accepted: a person types it, so anything longer is a mistake (or an attack). */
export const MAX_TRACEQL_LENGTH = 4_000;

/** The structured filter fields, for the check that they are not mixed with `q`. */
const FILTER_PARAMS = ['service', 'namespace', 'workload', 'errors', 'minDuration', 'maxDuration'] as const;

const UNITS_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * A span duration as people and TraceQL write it (`250ms`, `1.5s`, `100us`, `2m`), in milliseconds; undefined
 * for anything else.
 */
export function parseSpanDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * (UNITS_MS[match[2] ?? ''] ?? Number.NaN);
  return Number.isFinite(ms) ? ms : undefined;
}

const durationParam = z
  .string()
  .transform((text) => parseSpanDuration(text))
  .refine((ms): ms is number => ms !== undefined, {
    message: 'must be a duration such as 250ms, 1.5s or 2m',
  });

/** A name a span attribute is compared with: any text but a control character, at most 253 characters. */
const nameParam = z
  .string()
  .max(253, { message: 'must be at most 253 characters' })
  // eslint-disable-next-line no-control-regex
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), { message: 'must not contain control characters' });

/** The zod schema of the search's query parameters; `now` is the clock `end` is checked against. */
export function traceSearchSchema(now: () => number = Date.now) {
  return graphParamsSchema(now)
    .pick({ window: true, end: true })
    .extend({
      q: z
        .string()
        .max(MAX_TRACEQL_LENGTH, { message: `must be at most ${MAX_TRACEQL_LENGTH} characters` })
        .optional(),
      service: nameParam.optional(),
      namespace: nameParam.optional(),
      workload: nameParam.optional(),
      errors: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
      minDuration: durationParam.optional(),
      maxDuration: durationParam.optional(),
      limit: z
        .string()
        .regex(/^\d+$/, { message: `must be a whole number from 1 to ${SEARCH_LIMITS.max}` })
        .transform(Number)
        .refine((n) => n >= 1 && n <= SEARCH_LIMITS.max, {
          message: `must be a whole number from 1 to ${SEARCH_LIMITS.max}`,
        })
        .optional(),
    });
}

/**
 * Parses and validates the trace search's query parameters: either raw TraceQL (`q`) or the structured filter,
 * never both. Defaults: a 15 minute window ending now, {@link SEARCH_LIMITS.default} traces. Throws `ParamError`
 * naming the first bad or unknown parameter.
 */
export function parseTraceSearchParams(
  params: URLSearchParams,
  now: () => number = Date.now,
): TraceSearchParams {
  const raw = parseParams(params, traceSearchSchema(now));
  const traceql = raw.q?.trim() ? raw.q.trim() : null;
  const mixed = FILTER_PARAMS.find((name) => raw[name] !== undefined && raw[name] !== '');
  if (traceql !== null && mixed !== undefined) {
    throw new ParamError(
      mixed,
      `${mixed} cannot be combined with q: give either TraceQL or the search fields`,
    );
  }
  if (raw.minDuration !== undefined && raw.maxDuration !== undefined && raw.minDuration > raw.maxDuration) {
    throw new ParamError('maxDuration', 'maxDuration must not be shorter than minDuration');
  }
  const filter: SpanFilter = {};
  if (raw.service) filter.service = raw.service;
  if (raw.namespace) filter.namespace = raw.namespace;
  if (raw.workload) filter.workload = raw.workload;
  if (raw.errors === 'true') filter.errorsOnly = true;
  if (raw.minDuration !== undefined) filter.minDurationMs = raw.minDuration;
  if (raw.maxDuration !== undefined) filter.maxDurationMs = raw.maxDuration;
  return {
    traceql,
    filter: traceql === null ? filter : {},
    windowSeconds: raw.window ?? 900,
    end: raw.end ?? null,
    limit: raw.limit ?? SEARCH_LIMITS.default,
  };
}
