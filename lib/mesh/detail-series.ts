/**
 * The inbound and outbound series of the namespace and workload pages, folded from range reads grouped by reporter
 * and by both ends of each call. Which reporter counts follows docs/istio-ambient.md ("Avoiding double counting")
 * and the graph's de-duplication (`server/graph/deduplicate.ts`, RECORD_RULES), as one table:
 * {@link SERIES_RULES}. It is applied per caller -> callee pair and per instant, so a pair is counted from exactly
 * one reporter at each point: the waypoint's L7 series for calls through a waypoint; the server side's otherwise (a
 * sidecar's `destination` report; ztunnel's for L4); the client side's (`source`) only when the server side has
 * no proxy reporting it (an ambient server without a waypoint called from a sidecar or gateway). Series whose
 * other end is a waypoint are the hops around a waypoint's call and never count. Pure.
 */
import { failureClassOf } from '@/lib/graph/health';
import { histogramQuantile, parseLe, type Bucket } from '@/lib/metrics/histogram-quantile';
import type { RangeSeries } from '@/lib/metrics/types';
import type { SeriesPoint } from './detail-types';

/** What a series of one reporter is, for the pair it names. */
export interface SeriesFacts {
  reporter: string;
  /** Either end of the pair is a waypoint (known from configuration, never from telemetry). */
  touchesWaypoint: boolean;
}

/** What a series is used for: counted with a rank (the highest present at an instant wins), or not at all. */
export type SeriesUse = { kind: 'count'; rank: number } | { kind: 'hop' } | { kind: 'ignore' };

/** The rules, first match wins, with why each counts or not. */
export const SERIES_RULES: readonly { when: (s: SeriesFacts) => boolean; use: SeriesUse; why: string }[] = [
  {
    when: (s) => s.reporter === 'waypoint',
    use: { kind: 'count', rank: 3 },
    why: 'the waypoint reports the call between the real client and server (L7, and TCP through it)',
  },
  {
    when: (s) => s.touchesWaypoint,
    use: { kind: 'hop' },
    why: "client -> waypoint and waypoint -> server: hops carried by the waypoint's own series",
  },
  {
    when: (s) => s.reporter === 'destination',
    use: { kind: 'count', rank: 2 },
    why: "the server side: a sidecar's L7 report, or ztunnel's for L4",
  },
  {
    when: (s) => s.reporter === 'source',
    use: { kind: 'count', rank: 1 },
    why: 'the client side, counted only when no server-side report of the pair exists',
  },
];

/** What a series is used for (see {@link SERIES_RULES}); unknown reporters are ignored. */
export function seriesUse(facts: SeriesFacts): SeriesUse {
  return SERIES_RULES.find((rule) => rule.when(facts))?.use ?? { kind: 'ignore' };
}

/** The range reads of one direction; each grouped by `reporter` and both ends' workload and namespace. */
export interface DirectionReads {
  /** `istio_requests_total`, also by `response_code` and `grpc_response_status`. */
  requests: readonly RangeSeries[];
  /** `istio_request_duration_milliseconds_bucket`, also by `le`. */
  buckets: readonly RangeSeries[];
  /** `istio_tcp_connections_closed_total`. */
  connections: readonly RangeSeries[];
}

/** Whether a workload (namespace, name) is a waypoint. */
export type IsWaypoint = (namespace: string, workload: string) => boolean;

/** The pair a series names, and its use. */
function classify(series: RangeSeries, isWaypoint: IsWaypoint): { pair: string; use: SeriesUse } {
  const l = series.labels;
  const source = [l.source_workload_namespace ?? '', l.source_workload ?? ''] as const;
  const destination = [l.destination_workload_namespace ?? '', l.destination_workload ?? ''] as const;
  const touchesWaypoint = isWaypoint(...source) || isWaypoint(...destination);
  return {
    pair: `${source.join('/')}->${destination.join('/')}`,
    use: seriesUse({ reporter: l.reporter ?? '', touchesWaypoint }),
  };
}

/** Per instant and pair, the values of the best-ranked reporter seen so far. */
class BestByPair<V> {
  readonly byTime = new Map<number, Map<string, { rank: number; reporter: string; value: V }>>();
  constructor(private readonly empty: () => V) {}

  /** The accumulator to add to for (t, pair) at `rank`, or undefined when a better reporter already counts. */
  slot(t: number, pair: string, rank: number, reporter: string): V | undefined {
    let pairs = this.byTime.get(t);
    if (pairs === undefined) this.byTime.set(t, (pairs = new Map()));
    const held = pairs.get(pair);
    if (held !== undefined && held.rank > rank) return undefined;
    if (held !== undefined && held.rank === rank) return held.value;
    const fresh = { rank, reporter, value: this.empty() };
    pairs.set(pair, fresh);
    return fresh.value;
  }
}

/** Visits every finite point of every counted series. */
function eachPoint(
  list: readonly RangeSeries[],
  isWaypoint: IsWaypoint,
  visit: (t: number, value: number, pair: string, rank: number, series: RangeSeries) => void,
): void {
  for (const series of list) {
    const { pair, use } = classify(series, isWaypoint);
    if (use.kind !== 'count') continue;
    for (const [t, value] of series.points)
      if (Number.isFinite(value)) visit(t, value, pair, use.rank, series);
  }
}

const failed = (labels: RangeSeries['labels']): boolean => {
  const failure = failureClassOf(labels.response_code ?? '');
  const grpc = labels.grpc_response_status ?? '';
  return failure === '5xx' || (failure === undefined && grpc !== '' && grpc !== '0');
};

/**
 * Folds one direction's reads into points (see the module comment): per instant, each pair from its best-ranked
 * reporter, summed over pairs; p95 from the chosen reporters' buckets summed over pairs. Points are in time order;
 * instants no counted series has are absent. `reporters` lists the reporters that counted, best first.
 */
export function foldDirection(
  reads: DirectionReads,
  isWaypoint: IsWaypoint,
): { points: SeriesPoint[]; reporters: string[] } {
  const requests = new BestByPair(() => ({ rps: 0, errors: 0 }));
  eachPoint(reads.requests, isWaypoint, (t, value, pair, rank, s) => {
    const sum = requests.slot(t, pair, rank, s.labels.reporter ?? '');
    if (sum === undefined) return;
    sum.rps += value;
    if (failed(s.labels)) sum.errors += value;
  });
  const buckets = new BestByPair(() => new Map<number, number>());
  eachPoint(reads.buckets, isWaypoint, (t, value, pair, rank, s) => {
    const le = parseLe(s.labels.le ?? '');
    const counts = buckets.slot(t, pair, rank, s.labels.reporter ?? '');
    if (counts !== undefined && !Number.isNaN(le)) counts.set(le, (counts.get(le) ?? 0) + value);
  });
  const connections = new BestByPair(() => ({ cps: 0 }));
  eachPoint(reads.connections, isWaypoint, (t, value, pair, rank, s) => {
    const sum = connections.slot(t, pair, rank, s.labels.reporter ?? '');
    if (sum !== undefined) sum.cps += value;
  });

  const ranks = new Map<string, number>();
  const times = new Set([...requests.byTime.keys(), ...connections.byTime.keys(), ...buckets.byTime.keys()]);
  const points = [...times]
    .sort((a, b) => a - b)
    .map((t): SeriesPoint => {
      const point: SeriesPoint = {
        t,
        requestsPerSecond: 0,
        errorsPerSecond: 0,
        p95Ms: null,
        connectionsPerSecond: 0,
      };
      for (const held of requests.byTime.get(t)?.values() ?? []) {
        point.requestsPerSecond += held.value.rps;
        point.errorsPerSecond += held.value.errors;
        ranks.set(held.reporter, held.rank);
      }
      for (const held of connections.byTime.get(t)?.values() ?? []) {
        point.connectionsPerSecond += held.value.cps;
        ranks.set(held.reporter, held.rank);
      }
      const summed: Bucket[] = [];
      for (const held of buckets.byTime.get(t)?.values() ?? []) {
        for (const [le, count] of held.value) summed.push({ le, count });
      }
      const p95 = histogramQuantile(0.95, summed);
      point.p95Ms = Number.isFinite(p95) ? p95 : null;
      return point;
    });
  const reporters = [...ranks].sort((a, b) => b[1] - a[1]).map(([reporter]) => reporter);
  return { points, reporters };
}
