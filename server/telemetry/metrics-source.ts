import 'server-only';
import type { HealthProbe } from '@/lib/health';
import type { LabelMatcher, MetricsResult, RangeSeries, Sample } from '@/lib/metrics/types';

/**
 * The MetricsSource port: labelled series, the same shape a PromQL `sum by (…)` returns. Implemented by the
 * Prometheus adapter (which builds PromQL) and by the demo mesh (straight from its counters), so nothing here is
 * PromQL: metrics are named, conditions are {@link LabelMatcher}s, windows are seconds.
 *
 * Shared semantics, which every implementation keeps:
 * - `match` conditions are ANDed. A label a series lacks has the value `""`. `=~`/`!~` are RE2 regexes that must
 *   match the whole value (a JavaScript `RegExp` of `^(?:value)$` agrees for the regexes the app builds).
 * - A result series carries exactly the `by` labels the matched series have: a `by` label missing from the
 *   matched series is absent from `labels` (not `""`), and no other label (not even the metric name) appears.
 * - Groups without samples in the window are absent: an idle edge is no series, not a zero.
 * - Order of series is unspecified.
 *
 * Failures are thrown as `SourceError`s: invalid names or windows as `bad_query`, upstream failures with the
 * kind of the failure (`unreachable`, `timeout`, …). Warnings (partial answers) come back in the result.
 */
export interface MetricsSource extends HealthProbe {
  /**
   * The interval between the points the source keeps, in seconds: Prometheus's scrape interval, the demo's history
   * frame. A rate needs a window that holds at least two of them (`recentSubWindow` in `server/graph/recent.ts`).
   */
  readonly resolutionSeconds: number;
  /** Per-second rates of a counter, summed by group, at one instant. */
  rate(query: RateQuery, signal?: AbortSignal): Promise<MetricsResult<Sample[]>>;
  /** A quantile of a histogram's observations in the window, by group, at one instant. */
  quantile(query: QuantileQuery, signal?: AbortSignal): Promise<MetricsResult<Sample[]>>;
  /** Per-second rates of a counter, summed by group, at evenly spaced instants. */
  rateRange(query: RateRangeQuery, signal?: AbortSignal): Promise<MetricsResult<RangeSeries[]>>;
}

/** Which series to read and how to group them. */
export interface SeriesQuery {
  /** Keep these labels and sum over all others, e.g. `['source_workload', 'destination_workload']`. */
  by: readonly string[];
  /** Conditions on the series, ANDed; empty matches every series of the metric. */
  match: readonly LabelMatcher[];
  /**
   * Alternatives, ORed: when present, a series counts only if it also satisfies every matcher of at least one
   * alternative, and a series satisfying several counts once. E.g. "edges that touch a namespace" is
   * `[[destination_workload_namespace=~S], [source_workload_namespace=~S]]`. Absent: no further condition.
   *
   * Constraints, refused as `bad_query`: at least one alternative (`[]` would select nothing), and every label an
   * alternative names must be one of the `by` labels. Prometheus evaluates alternatives as
   * `sum by (…) (…{match,A1}…) or sum by (…) (…{match,A2}…)`, whose `or` keeps one copy of a group found on both
   * sides; that copy is the whole group only when every series of a group agrees on the alternatives' labels,
   * which is what having them among the `by` labels guarantees.
   */
  anyOf?: readonly (readonly LabelMatcher[])[];
  /** The window each value looks back over, in whole seconds (> 0), e.g. 300 for "last 5 minutes". */
  windowSeconds: number;
}

/**
 * One counter, e.g. `istio_requests_total`, or several counters of the same unit whose rates add up per group,
 * e.g. `['istio_tcp_sent_bytes_total', 'istio_tcp_received_bytes_total']` for bytes both ways. A name listed
 * twice counts once; an empty list is refused as `bad_query`.
 */
export type CounterNames = string | readonly string[];

/**
 * `sum by (by) (rate(metric{match}[window]))` at `at`: for each group, the counter's average increase per second
 * over the `windowSeconds` before `at` (counter resets handled), summed over the group's series (with `anyOf`,
 * over the series an alternative selects) and, when several counters are named, over every one of them.
 * Sample values are in the counter's unit per second (requests/s for `istio_requests_total`, bytes/s for
 * `istio_tcp_sent_bytes_total`).
 */
export interface RateQuery extends SeriesQuery {
  /** A counter, e.g. `istio_requests_total`, or several whose rates are summed (see {@link CounterNames}). */
  metric: CounterNames;
  /** The end of the window; now when absent. */
  at?: Date;
}

/**
 * `histogram_quantile(quantile, sum by (le, by) (rate(metric_bucket{match}[window])))` at `at`: per group, the
 * `quantile` of the observations made in the window, interpolated linearly within the classic histogram's
 * buckets. Values are in the histogram's unit (milliseconds for `istio_request_duration_milliseconds`); `NaN`
 * when the group had no observations in the window; the highest finite bucket bound when the quantile falls in
 * the `+Inf` bucket.
 */
export interface QuantileQuery extends SeriesQuery {
  /** A histogram's base name, without `_bucket`, e.g. `istio_request_duration_milliseconds`. */
  metric: string;
  /** From 0 to 1, e.g. 0.95 for p95. */
  quantile: number;
  /** The end of the window; now when absent. */
  at?: Date;
}

/**
 * {@link RateQuery} evaluated at `start`, `start + step`, … up to `end`: one series per group, with a point
 * at each instant where the group had samples in the window before it.
 */
export interface RateRangeQuery extends SeriesQuery {
  /** A counter, e.g. `istio_requests_total`, or several whose rates are summed (see {@link CounterNames}). */
  metric: CounterNames;
  start: Date;
  end: Date;
  /** Seconds between points (> 0); at most 11,000 points per series. */
  stepSeconds: number;
}
