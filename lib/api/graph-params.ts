import { z } from 'zod';
import type { GraphLayers, GraphType } from '@/lib/graph/types';
import { tryParseDuration } from '@/lib/promql/duration';
import { namespacesParam, ParamError, parseParams } from './params';

/** The parameters of `GET /api/graph`, parsed (docs/graph-api.md, "Parameters"). */
export interface GraphParams {
  /** Namespaces to show traffic of (edges with either end in one of them), or `*` for all. */
  namespaces: string[] | '*';
  /** Length of the window the rates are averaged over, in seconds (60 to 86,400). */
  windowSeconds: number;
  /**
   * A recent sub-window at the end of the window, in seconds (1 to the window), over which edges are also judged
   * (health, mTLS share); null or absent for none. The server widens it to two of its metrics source's intervals.
   */
  recentSeconds?: number | null;
  /** End of the window; null for now. */
  end: Date | null;
  graphType: GraphType;
  layers: GraphLayers;
}

/** Shortest and longest windows, in seconds. */
export const WINDOW_LIMITS = { min: 60, max: 86_400 } as const;

const RECENT_MESSAGE = 'must be a duration up to the window, e.g. 5s or 30s';

/** How far past the server's clock `end` may be, in ms: browsers' clocks are a little off. */
export const END_SKEW_MS = 60_000;

export const GRAPH_TYPES = ['workload', 'app', 'service'] as const satisfies readonly GraphType[];
export const GRAPH_LAYERS = ['l4', 'l7', 'both'] as const satisfies readonly GraphLayers[];

const windowParam = z
  .string()
  .transform((text) => tryParseDuration(text))
  .refine(
    (seconds): seconds is number =>
      seconds !== undefined && seconds >= WINDOW_LIMITS.min && seconds <= WINDOW_LIMITS.max,
    { message: 'must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m' },
  );

/** `end`: ISO-8601 (`2026-05-01T10:00:00Z`) or unix seconds (`1777629600`, fractions allowed). */
function parseEnd(text: string): Date | undefined {
  const ms = /^\d+(?:\.\d+)?$/.test(text)
    ? Number(text) * 1000
    : /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)
      ? Date.parse(text)
      : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/**
 * The zod schema of the graph's query parameters, as `parseParams` takes it; `now` (ms since the epoch) is the
 * clock `end` is checked against.
 */
export function graphParamsSchema(now: () => number = Date.now) {
  return z.object({
    namespaces: namespacesParam.optional(),
    window: windowParam.optional(),
    recent: z
      .string()
      .transform((text) => tryParseDuration(text))
      .refine((seconds): seconds is number => seconds !== undefined && seconds <= WINDOW_LIMITS.max, {
        message: RECENT_MESSAGE,
      })
      .optional(),
    end: z
      .string()
      .transform((text, ctx) => {
        const end = parseEnd(text);
        const message =
          end === undefined
            ? 'must be an ISO-8601 time or unix seconds, e.g. 2026-05-01T10:00:00Z'
            : end.getTime() > now() + END_SKEW_MS
              ? 'must not be in the future'
              : undefined;
        if (message === undefined && end !== undefined) return end;
        ctx.addIssue({ code: 'custom', message: message ?? 'is invalid' });
        return z.NEVER;
      })
      .optional(),
    graphType: z.enum(GRAPH_TYPES, { message: `must be one of ${GRAPH_TYPES.join(', ')}` }).optional(),
    layers: z.enum(GRAPH_LAYERS, { message: `must be one of ${GRAPH_LAYERS.join(', ')}` }).optional(),
  });
}

/**
 * Parses and validates the graph's query parameters, filling the defaults: every namespace, a 5 minute window
 * ending now with no recent sub-window, the workload graph, both layers. Throws `ParamError` naming the first bad
 * or unknown parameter.
 */
export function parseGraphParams(params: URLSearchParams, now: () => number = Date.now): GraphParams {
  const raw = parseParams(params, graphParamsSchema(now));
  const windowSeconds = raw.window ?? 300;
  if (raw.recent !== undefined && raw.recent > windowSeconds) {
    throw new ParamError('recent', `recent ${RECENT_MESSAGE}`);
  }
  return {
    namespaces: raw.namespaces ?? '*',
    windowSeconds,
    recentSeconds: raw.recent ?? null,
    end: raw.end ?? null,
    graphType: raw.graphType ?? 'workload',
    layers: raw.layers ?? 'both',
  };
}
