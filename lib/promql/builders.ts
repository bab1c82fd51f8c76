/**
 * Small PromQL builders. Every name is validated and every value quoted here, so callers pass raw user input in
 * {@link LabelMatcher}s and never concatenate PromQL themselves. Invalid input throws a `RangeError`.
 */
import type { LabelMatcher, MatchOp } from '@/lib/metrics/types';
import { formatDuration } from './duration';
import { quoteLabelValue } from './escape';
import { assertLabelName, assertMetricName, isReservedWord } from './names';

const OPS: ReadonlySet<string> = new Set<MatchOp>(['=', '!=', '=~', '!~']);

/** One matcher as PromQL: `destination_workload_namespace="bookinfo"`. */
export function matcherText(matcher: LabelMatcher): string {
  assertLabelName(matcher.label);
  if (!OPS.has(matcher.op)) throw new RangeError(`invalid match operator ${JSON.stringify(matcher.op)}`);
  return `${matcher.label}${matcher.op}${quoteLabelValue(matcher.value)}`;
}

/**
 * A vector selector: `metric{a="x",b=~"y|z"}`, or `metric` without matchers. A metric named like a PromQL keyword
 * (`sum`, `on`, `nan`) is selected as `{__name__="sum",…}` so that it still parses as a selector.
 */
export function selector(metric: string, match: readonly LabelMatcher[]): string {
  assertMetricName(metric);
  const matchers = match.map(matcherText);
  if (isReservedWord(metric)) return `{${[`__name__=${quoteLabelValue(metric)}`, ...matchers].join(',')}}`;
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(',')}}`;
}

/** What {@link sumByRate} aggregates. */
export interface RateExpression {
  /**
   * A counter, e.g. `istio_requests_total`, or several counters whose rates are summed per group (e.g. both
   * directions of `istio_tcp_sent_bytes_total` and `istio_tcp_received_bytes_total`).
   */
  metric: string | readonly string[];
  /** Labels to keep, as in `sum by (…)`; empty sums everything into one series. */
  by: readonly string[];
  /** Conditions on the series, ANDed. */
  match: readonly LabelMatcher[];
  /**
   * Alternatives, ORed on top of `match`: one `sum by` per alternative, joined with `or`, which keeps one copy of
   * a group that several alternatives select. Every label an alternative names must be among `by` (so that such a
   * copy is the whole group), and there must be at least one alternative; otherwise a `RangeError`.
   */
  anyOf?: readonly (readonly LabelMatcher[])[];
  /** The rate window in whole seconds, e.g. 300 for `[5m]`. */
  windowSeconds: number;
}

/** What {@link histogramQuantile} aggregates: one histogram, by its base name. */
export interface QuantileExpression extends Omit<RateExpression, 'metric'> {
  /** The histogram's base name, without `_bucket`, e.g. `istio_request_duration_milliseconds`. */
  metric: string;
  /** From 0 to 1, e.g. 0.95 for p95. */
  quantile: number;
}

/**
 * The label that keeps the series of several counters apart until `sum` adds them up. `rate` drops the metric
 * name, and Prometheus 2 refuses a `rate` whose result holds two series that differ only by name ("vector cannot
 * contain metrics with the same labelset"), so `rate({__name__=~"a|b"}[w])` fails whenever both counters have a
 * series with the same labels, which is the rule for sent and received bytes. Each counter's rate is therefore
 * labelled with its name (`label_replace`) and the rates are joined with `or`, whose sides then never share a
 * label set.
 */
export const COUNTER_LABEL = 'meshlens_counter';

function sumBy(by: readonly string[], inner: string): string {
  by.forEach(assertLabelName);
  return by.length === 0 ? `sum(${inner})` : `sum by (${by.join(', ')}) (${inner})`;
}

function rateOf(metric: string, match: readonly LabelMatcher[], windowSeconds: number): string {
  return `rate(${selector(metric, match)}[${formatDuration(windowSeconds)}])`;
}

/** The counters of an expression, each once; a `RangeError` for none. */
function countersOf(metric: string | readonly string[]): string[] {
  const names = typeof metric === 'string' ? [metric] : [...new Set(metric)];
  if (names.length === 0) throw new RangeError('invalid metric: name at least one counter');
  return names;
}

/** The rates of one or more counters, as one vector that `sum by` can add up (see {@link COUNTER_LABEL}). */
function ratesOf(names: readonly string[], match: readonly LabelMatcher[], windowSeconds: number): string {
  const [only] = names;
  if (names.length === 1 && only !== undefined) return rateOf(only, match, windowSeconds);
  return names
    .map(
      (name) =>
        `label_replace(${rateOf(name, match, windowSeconds)}, "${COUNTER_LABEL}", ${quoteLabelValue(name)}, "", "")`,
    )
    .join(' or ');
}

/**
 * The matcher lists to aggregate separately: `match` alone, or `match` plus each alternative of `anyOf`. Refuses
 * alternatives that `or` could not join exactly (see {@link RateExpression.anyOf}).
 */
function selections(expr: RateExpression, by: readonly string[]): (readonly LabelMatcher[])[] {
  if (expr.anyOf === undefined) return [expr.match];
  if (expr.anyOf.length === 0) throw new RangeError('invalid anyOf: give at least one alternative');
  const grouped = new Set(by);
  for (const matcher of expr.anyOf.flat()) {
    if (!grouped.has(matcher.label)) {
      throw new RangeError(
        `invalid anyOf: label ${JSON.stringify(matcher.label)} must be one of the by labels, ` +
          'or a group selected by several alternatives would be counted wrongly',
      );
    }
  }
  return expr.anyOf.map((alternative) => [...expr.match, ...alternative]);
}

/**
 * `sum by (by) (rate(metric{match}[window]))`: per-second rates, summed per group. With `anyOf`:
 * `sum by (by) (rate(metric{match,A1}[window])) or sum by (by) (rate(metric{match,A2}[window]))`. With several
 * counters, each `rate(…)` is `label_replace(rate(a{…}[window]), …) or label_replace(rate(b{…}[window]), …)`
 * (see {@link COUNTER_LABEL}), so a group's value is the sum of its rates over every counter.
 */
export function sumByRate(expr: RateExpression): string {
  const names = countersOf(expr.metric);
  return selections(expr, expr.by)
    .map((match) => sumBy(expr.by, ratesOf(names, match, expr.windowSeconds)))
    .join(' or ');
}

/**
 * `histogram_quantile(q, sum by (le, by) (rate(metric_bucket{match}[window])))`: the q-quantile of a classic
 * histogram per group, in the histogram's unit. `quantile` must be within [0, 1]. With `anyOf`, the argument is the
 * `or` of one `sum by (le, by)` per alternative (`le` groups too, so a bucket is never counted twice).
 */
export function histogramQuantile(expr: QuantileExpression): string {
  if (!(expr.quantile >= 0 && expr.quantile <= 1)) {
    throw new RangeError(`invalid quantile ${expr.quantile}: expected a number from 0 to 1`);
  }
  const by = ['le', ...expr.by.filter((label) => label !== 'le')];
  const inner = selections(expr, by)
    .map((match) => sumBy(by, rateOf(`${expr.metric}_bucket`, match, expr.windowSeconds)))
    .join(' or ');
  return `histogram_quantile(${expr.quantile}, ${inner})`;
}
