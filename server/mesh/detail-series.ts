import 'server-only';
import type { LabelMatcher, RangeSeries } from '@/lib/metrics/types';
import { foldDirection, type DirectionReads, type IsWaypoint } from '@/lib/mesh/detail-series';
import type { DetailSeries, DetailTraffic } from '@/lib/mesh/detail-types';
import { isSourceError, type SourceErrorDTO } from '@/lib/source-error';
import { seriesStepSeconds } from '@/server/graph/series';
import type { MetricsSource } from '@/server/telemetry/metrics-source';

/**
 * The namespace and workload pages' inbound and outbound series over the window: per direction three range reads
 * (requests, duration buckets, closed connections), grouped by reporter and by both ends of each call so that
 * `foldDirection` can count each pair from one reporter at each point (the graph's rule; lib/mesh/detail-series.ts).
 * Steps are the graph sparkline's (`seriesStepSeconds`: about 60 points, at least 15 s), and each point averages
 * over one step but at least a minute, as the sparkline's do. Label values go to the port raw: it escapes them.
 */

/** Both ends of a call, which the fold needs to tell pairs apart and hops around a waypoint. */
const ENDS = [
  'source_workload',
  'source_workload_namespace',
  'destination_workload',
  'destination_workload_namespace',
] as const;

/** The reads of one direction, as `DirectionReads` names them. */
const READS: readonly { field: keyof DirectionReads; metric: string; by: readonly string[] }[] = [
  { field: 'requests', metric: 'istio_requests_total', by: ['response_code', 'grpc_response_status'] },
  { field: 'buckets', metric: 'istio_request_duration_milliseconds_bucket', by: ['le'] },
  { field: 'connections', metric: 'istio_tcp_connections_closed_total', by: [] },
];

/** Reads issued per answer: three per direction. */
export const SERIES_QUERIES = READS.length * 2;

/** Shortest window a point's rate averages over, seconds (four scrapes at Prometheus's usual 15 s). */
const RATE_MIN_SECONDS = 60;

/** Whose traffic: a namespace's workloads, or one workload. */
export interface SeriesSubject {
  namespace: string;
  /** A workload's name; absent for a whole namespace. */
  workload?: string;
}

/** The matchers that put the subject at one end: the destination for inbound, the source for outbound. */
export function subjectMatchers(subject: SeriesSubject, direction: 'inbound' | 'outbound'): LabelMatcher[] {
  const side = direction === 'inbound' ? 'destination' : 'source';
  return [
    { label: `${side}_workload_namespace`, op: '=', value: subject.namespace },
    ...(subject.workload === undefined
      ? []
      : [{ label: `${side}_workload`, op: '=' as const, value: subject.workload }]),
  ];
}

/** What the series reads gave; each direction empty when any read failed (a partial line would mislead). */
export interface SeriesReads {
  traffic: DetailTraffic;
  errors: SourceErrorDTO[];
  issued: number;
}

const unknown = (stepSeconds: number): DetailSeries => ({
  points: [],
  stepSeconds,
  reporters: [],
  known: false,
});

/** Reads and folds both directions concurrently. Anything but a `SourceError` rejects (a bug). */
export async function readDetailSeries(
  metrics: MetricsSource,
  subject: SeriesSubject,
  window: { windowSeconds: number; end: Date },
  isWaypoint: IsWaypoint,
  signal?: AbortSignal,
): Promise<SeriesReads> {
  const stepSeconds = seriesStepSeconds(window.windowSeconds);
  const range = {
    start: new Date(window.end.getTime() - window.windowSeconds * 1000),
    end: window.end,
    stepSeconds,
    windowSeconds: Math.max(stepSeconds, RATE_MIN_SECONDS),
  };
  const directions = ['inbound', 'outbound'] as const;
  const jobs = directions.flatMap((direction) =>
    READS.map((read) =>
      metrics.rateRange(
        {
          ...range,
          metric: read.metric,
          by: ['reporter', ...read.by, ...ENDS],
          match: [
            { label: 'reporter', op: '=~', value: 'waypoint|destination|source' },
            ...subjectMatchers(subject, direction),
          ],
        },
        signal,
      ),
    ),
  );
  const settled = await Promise.allSettled(jobs);
  const errors: SourceErrorDTO[] = [];
  const data: RangeSeries[][] = settled.map((outcome) => {
    if (outcome.status === 'fulfilled') return outcome.value.data;
    if (isSourceError(outcome.reason)) errors.push(outcome.reason.toDTO());
    else throw outcome.reason;
    return [];
  });
  const fold = (offset: number): DetailSeries => {
    const failed = settled.slice(offset, offset + READS.length).some((o) => o.status === 'rejected');
    if (failed) return unknown(stepSeconds);
    const read = (field: keyof DirectionReads): RangeSeries[] =>
      data[offset + READS.findIndex((r) => r.field === field)] ?? [];
    const reads = { requests: read('requests'), buckets: read('buckets'), connections: read('connections') };
    return { ...foldDirection(reads, isWaypoint), stepSeconds, known: true };
  };
  return {
    traffic: { inbound: fold(0), outbound: fold(READS.length) },
    errors,
    issued: jobs.length,
  };
}
