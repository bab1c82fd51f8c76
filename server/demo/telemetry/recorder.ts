/**
 * Turns the reports of one tick into counter increments in the {@link SeriesStore}: whole requests and
 * connections (fractions carry over to the next tick, per series), latencies spread over the duration histogram
 * by a seeded lognormal, sizes into the byte histograms, bytes into the TCP byte counters.
 */
import type { Random } from '@/lib/random';
import type { TickTraffic } from '../model/traffic';
import type { Bucketed } from './lognormal';
import { FAMILIES, type FamilyKey } from './families';
import { reportsFor } from './flow-reports';
import { labelsKey } from './istio-labels';
import { lognormalBuckets, pointBuckets } from './lognormal';
import type { Report, ReportOptions } from './reports';
import type { Series, SeriesStore } from './series-store';

/** Records one tick's flows. Deterministic: the same ticks and the same random sequence give the same counters. */
export function recordTick(
  store: SeriesStore,
  tick: TickTraffic,
  options: ReportOptions,
  random: Random,
): void {
  store.beginTick(tick.atMs, tick.seconds);
  for (const flow of tick.flows) {
    for (const report of reportsFor(flow, options)) {
      if (report.layer === 'tcp') recordTcp(store, report);
      else recordHttp(store, report, random);
    }
  }
}

/** The whole part of `series.carry + amount`, keeping the rest for next time. */
function whole(series: Series, amount: number): number {
  const total = series.carry + amount;
  const n = Math.floor(total + 1e-9);
  series.carry = Math.max(0, total - n);
  return n;
}

function recordTcp(store: SeriesStore, report: Report): void {
  const key = labelsKey(report.labels);
  const opened = store.series('tcpOpened', report.labels, key);
  const connections = whole(opened, report.count);
  store.add(opened, 0, connections);
  const closedLabels = report.closedLabels ?? report.labels;
  const closed = store.series('tcpClosed', closedLabels, labelsKey(closedLabels));
  store.add(closed, 0, connections);
  const received = store.series('tcpReceived', report.labels, key);
  store.add(received, 0, whole(received, report.requestBytes));
  const sent = store.series('tcpSent', report.labels, key);
  store.add(sent, 0, whole(sent, report.responseBytes));
}

function recordHttp(store: SeriesStore, report: Report, random: Random): void {
  const key = labelsKey(report.labels);
  const requests = store.series('requests', report.labels, key);
  const n = whole(requests, report.count);
  store.add(requests, 0, n);
  const buckets = FAMILIES.duration.buckets;
  const offset = random();
  observe(
    store,
    'duration',
    report,
    key,
    lognormalBuckets(n, report.latency.medianMs, report.latency.p99Ms, buckets, offset),
  );
  const perRequest = (bytes: number): number => (report.count > 0 ? bytes / report.count : 0);
  observe(store, 'requestBytes', report, key, pointBuckets(n, perRequest(report.requestBytes), buckets));
  observe(store, 'responseBytes', report, key, pointBuckets(n, perRequest(report.responseBytes), buckets));
}

/** Adds observations to a histogram series: per-bucket cells, then `_sum`, then `_count`. */
function observe(
  store: SeriesStore,
  family: FamilyKey,
  report: Report,
  key: string,
  observed: Bucketed,
): void {
  const series = store.series(family, report.labels, key);
  const count = observed.counts.reduce((total, c) => total + c, 0);
  observed.counts.forEach((c, i) => store.add(series, i, c));
  store.add(series, observed.counts.length, observed.sum);
  store.add(series, observed.counts.length + 1, count);
}
