/**
 * The shapes metrics travel in between the metrics sources (Prometheus, the demo mesh) and the graph pipeline:
 * labelled series, the same shape a PromQL `sum by (…)` returns. Pure types, safe in the browser.
 */

/** How a {@link LabelMatcher} compares: equality, inequality, RE2 regex match, regex non-match. */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/**
 * One condition on a series' labels, with PromQL semantics: a label the series lacks has the value `""`, and
 * regexes (`=~`, `!~`) are RE2 and fully anchored (`value` must match the whole label value).
 * `value` is the raw value (or the raw RE2 source); adapters escape it, callers never do.
 */
export interface LabelMatcher {
  /** A label name, e.g. `destination_workload_namespace`; must match `^[a-zA-Z_][a-zA-Z0-9_]*$`. */
  label: string;
  op: MatchOp;
  /** The literal value for `=`/`!=`, the RE2 source for `=~`/`!~` (see `lib/promql` for quoting helpers). */
  value: string;
}

/** A label set: label name -> value. A label absent from the map is absent from the series (not `""`). */
export type Labels = Record<string, string>;

/** One series at one instant, e.g. one row of `sum by (source_workload) (rate(…))`. */
export interface Sample {
  labels: Labels;
  /** The value in the metric's unit (per second for rates). May be `NaN`, `Infinity` or `-Infinity`. */
  value: number;
}

/** One point of a range series: `[time in unix seconds (may have a fraction), value]`. */
export type Point = [unixSeconds: number, value: number];

/** One series over a time range, points in increasing time order; times without data have no point. */
export interface RangeSeries {
  labels: Labels;
  points: Point[];
}

/**
 * What a metrics read returns: the data and the source's warnings (e.g. Prometheus's "PromQL info" or a partial
 * answer from Thanos), which the page shows without failing. Failures are thrown as `SourceError`s.
 */
export interface MetricsResult<T> {
  data: T;
  /** Human-readable warnings from the source, in the order it gave them; empty when there are none. */
  warnings: string[];
}
