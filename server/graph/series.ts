/**
 * The request rate of one L7 edge of the workload graph over the whole window (`GET /api/graph/series`), for the
 * side panel's sparkline: one range read of `istio_requests_total`, grouped by reporter and response code, of
 * which only the highest-ranked reporter present at each instant counts (docs/graph-api.md, "De-duplication").
 */
import 'server-only';
import type { RangeSeries } from '@/lib/metrics/types';
import type { GraphSeriesPoint, GraphSeriesResponse, SeriesEdge } from '@/lib/queries/graph';
import { isSourceError } from '@/lib/source-error';
import { NO_METRICS } from './queries';
import type { MetricsSource } from '@/server/telemetry/metrics-source';

/** Reporters of an L7 edge's requests, best first: a waypoint, else the server sidecar, else the client. */
export const REPORTER_RANK = ['waypoint', 'destination', 'source'] as const;

/** Points over the window. */
const POINTS = 60;
/** Shortest step, seconds (Prometheus scrapes every 15 s). */
const MIN_STEP_SECONDS = 15;

/** Shortest window a point's rate averages over, seconds. */
const RATE_MIN_SECONDS = 60;

/** Seconds between points for a window: a sixtieth of it, at least 15 s. */
export function seriesStepSeconds(windowSeconds: number): number {
  return Math.max(MIN_STEP_SECONDS, Math.ceil(windowSeconds / POINTS));
}

/**
 * Folds range series grouped by `reporter` and `response_code` into one point per instant: at each instant only the
 * series of the highest-ranked reporter present then count (so requests are never added from two reporters),
 * summed over response codes; 5xx codes are also errors. Instants no series has are absent; points are in time
 * order.
 */
export function foldSeries(series: readonly RangeSeries[]): GraphSeriesPoint[] {
  /** t -> rank -> totals. */
  const byTime = new Map<number, Map<number, { rps: number; errorRps: number }>>();
  for (const s of series) {
    const rank = (REPORTER_RANK as readonly string[]).indexOf(s.labels.reporter ?? '');
    if (rank < 0) continue;
    const failed = /^5\d\d$/.test(s.labels.response_code ?? '');
    for (const [t, value] of s.points) {
      if (!Number.isFinite(value)) continue;
      const ranks = byTime.get(t) ?? new Map<number, { rps: number; errorRps: number }>();
      const sum = ranks.get(rank) ?? { rps: 0, errorRps: 0 };
      sum.rps += value;
      if (failed) sum.errorRps += value;
      ranks.set(rank, sum);
      byTime.set(t, ranks);
    }
  }
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, ranks]) => {
      const best = Math.min(...ranks.keys());
      const sum = ranks.get(best) ?? { rps: 0, errorRps: 0 };
      return { t, rps: sum.rps, errorRps: sum.errorRps };
    });
}

/** What to read: the edge, the window length (seconds) and its end (now when null). */
export interface SeriesSelection {
  edge: SeriesEdge;
  windowSeconds: number;
  end: Date | null;
}

/**
 * Reads an edge's request rate over the window, ~60 points. No metrics source, or a source failure, is an `errors` entry with no points;
 * anything that is not a `SourceError` is a bug and rejects.
 */
export async function readEdgeSeries(
  metrics: MetricsSource | null,
  selection: SeriesSelection,
  signal?: AbortSignal,
): Promise<GraphSeriesResponse> {
  if (metrics === null) return { data: { points: [] }, errors: [NO_METRICS] };
  const { edge, windowSeconds } = selection;
  const end = selection.end ?? new Date();
  const stepSeconds = seriesStepSeconds(windowSeconds);
  try {
    const result = await metrics.rateRange(
      {
        metric: 'istio_requests_total',
        by: ['reporter', 'response_code'],
        match: [
          { label: 'reporter', op: '=~', value: REPORTER_RANK.join('|') },
          { label: 'source_workload_namespace', op: '=', value: edge.sourceNamespace },
          { label: 'source_workload', op: '=', value: edge.sourceWorkload },
          { label: 'destination_workload_namespace', op: '=', value: edge.destinationNamespace },
          { label: 'destination_workload', op: '=', value: edge.destinationWorkload },
          // The graph calls any protocol it does not know `http` (server/graph/traffic-records.ts).
          { label: 'request_protocol', op: edge.protocol === 'grpc' ? '=' : '!=', value: 'grpc' },
        ],
        // Each point averages over one step (at least a minute, four scrapes), so the line shows change.
        windowSeconds: Math.max(stepSeconds, RATE_MIN_SECONDS),
        start: new Date(end.getTime() - windowSeconds * 1000),
        end,
        stepSeconds,
      },
      signal,
    );
    return { data: { points: foldSeries(result.data) }, errors: [] };
  } catch (error) {
    if (isSourceError(error)) return { data: { points: [] }, errors: [error.toDTO()] };
    throw error;
  }
}
