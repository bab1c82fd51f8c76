/**
 * The MetricsSource port straight from the demo mesh's counters, without Prometheus. It answers what a Prometheus
 * scraping the demo mesh's `/metrics` would answer for the same query: the same series and labels (minus the
 * `job`/`instance` labels a scrape adds), `rate` as the increase over the window divided by the window, and
 * `histogram_quantile`'s interpolation. Time is the demo mesh's: `at` defaults to the latest tick.
 */
import type { MetricsResult, RangeSeries, Sample } from '@/lib/metrics/types';
// `histogramQuantile` is the PromQL builder's name here; the computation keeps Prometheus's own name.
import { histogramQuantile as bucketQuantile } from '@/lib/metrics/histogram-quantile';
import { compileMatchers } from '@/lib/metrics/match';
import { histogramQuantile, sumByRate } from '@/lib/promql/builders';
import { SourceError } from '@/lib/source-error';
import type {
  CounterNames,
  MetricsSource,
  QuantileQuery,
  SeriesQuery,
} from '@/server/telemetry/metrics-source';
import { groupOf, resolveMetric, visitSamples } from './series-query';
import type { SeriesStore } from './series-store';

/** Prometheus's limit on points per series in a range query. */
const MAX_POINTS = 11_000;

/** The direct {@link MetricsSource} over a demo mesh's store. */
export function createDirectMetricsSource(store: SeriesStore): MetricsSource {
  let scratch = new Float64Array(0);
  const buffer = (): Float64Array => {
    if (scratch.length < store.totals.length) scratch = new Float64Array(store.totals.length);
    return scratch;
  };

  /**
   * `sum by (by) (rate(metric{match}[window]))` at `atMs`, as a map from group key to sample; with several
   * counters, each group sums the rates of all of them (the metric name is not a group label).
   */
  const rates = (q: SeriesQuery & { metric: CounterNames }, atMs: number): Map<string, Sample> => {
    const groups = new Map<string, Sample>();
    const windowMs = q.windowSeconds * 1000;
    for (const name of new Set(typeof q.metric === 'string' ? [q.metric] : q.metric)) {
      const metric = resolveMetric(store, name);
      if (!metric) continue;
      visitSamples(store, metric, q, atMs - windowMs, atMs, buffer(), (label, increase) => {
        const [key, labels] = groupOf(label, q.by);
        const group = groups.get(key) ?? { labels, value: 0 };
        group.value += increase / q.windowSeconds;
        groups.set(key, group);
      });
    }
    return groups;
  };

  return {
    source: 'prometheus',
    probe: async () => ({ version: 'demo', detail: 'direct from the demo mesh' }),
    resolutionSeconds: store.history.resolutionSeconds,

    rate: async (q, signal): Promise<MetricsResult<Sample[]>> => {
      signal?.throwIfAborted();
      validate(q, () => sumByRate(q));
      const at = q.at?.getTime() ?? store.latestMs;
      return { data: at === null ? [] : [...rates(q, at).values()], warnings: [] };
    },

    quantile: async (q, signal): Promise<MetricsResult<Sample[]>> => {
      signal?.throwIfAborted();
      validate(q, () => histogramQuantile(q));
      const at = q.at?.getTime() ?? store.latestMs;
      return { data: at === null ? [] : quantiles(q, at), warnings: [] };
    },

    rateRange: async (q, signal): Promise<MetricsResult<RangeSeries[]>> => {
      signal?.throwIfAborted();
      validate(q, () => sumByRate(q));
      const start = q.start.getTime();
      const end = q.end.getTime();
      if (!(q.stepSeconds > 0)) throw badQuery(`invalid step ${q.stepSeconds}: expected a positive number`);
      if (end < start) throw badQuery('end timestamp must not be before start time');
      const points = Math.floor((end - start) / (q.stepSeconds * 1000)) + 1;
      if (points > MAX_POINTS) {
        throw badQuery(
          `exceeded maximum resolution of ${MAX_POINTS} points per timeseries: increase the step`,
        );
      }
      const series = new Map<string, RangeSeries>();
      for (let i = 0; i < points; i++) {
        const at = start + i * q.stepSeconds * 1000;
        for (const [key, sample] of rates(q, at)) {
          const entry = series.get(key) ?? { labels: sample.labels, points: [] };
          entry.points.push([at / 1000, sample.value]);
          series.set(key, entry);
        }
      }
      return { data: [...series.values()], warnings: [] };
    },
  };

  /** `histogram_quantile(q, sum by (le, by) (rate(metric_bucket{match}[window])))` at `atMs`. */
  function quantiles(q: QuantileQuery, atMs: number): Sample[] {
    const metric = resolveMetric(store, `${q.metric}_bucket`);
    if (!metric) return [];
    const bounds = [...(metric.family.spec.buckets ?? []), Infinity];
    const by = q.by.filter((label) => label !== 'le');
    const groups = new Map<string, { labels: Sample['labels']; counts: number[] }>();
    const windowMs = q.windowSeconds * 1000;
    visitSamples(store, metric, q, atMs - windowMs, atMs, buffer(), (label, increase, bucket) => {
      const [key, labels] = groupOf(label, by);
      const group = groups.get(key) ?? { labels, counts: bounds.map(() => 0) };
      group.counts[bucket] = (group.counts[bucket] ?? 0) + increase / q.windowSeconds;
      groups.set(key, group);
    });
    return [...groups.values()].map(({ labels, counts }) => ({
      labels,
      value: bucketQuantile(
        q.quantile,
        counts.map((count, i) => ({ le: bounds[i] ?? Infinity, count })),
      ),
    }));
  }
}

/**
 * Refuses what Prometheus would refuse: names, windows and `anyOf` alternatives (by building the PromQL), matchers
 * and regexes.
 */
function validate(q: SeriesQuery, build: () => string): void {
  try {
    build();
    for (const matchers of [q.match, ...(q.anyOf ?? [])]) compileMatchers(matchers);
  } catch (error) {
    if (error instanceof RangeError) throw badQuery(error.message, error);
    throw error;
  }
}

function badQuery(message: string, cause?: unknown): SourceError {
  return new SourceError('prometheus', 'bad_query', `demo metrics: ${message}`, { cause });
}
