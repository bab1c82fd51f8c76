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

/** What {@link sumByRate} and {@link histogramQuantile} aggregate. */
export interface RateExpression {
  /** A counter, e.g. `istio_requests_total` (for quantiles: the histogram's base name). */
  metric: string;
  /** Labels to keep, as in `sum by (…)`; empty sums everything into one series. */
  by: readonly string[];
  /** Conditions on the series, ANDed. */
  match: readonly LabelMatcher[];
  /** The rate window in whole seconds, e.g. 300 for `[5m]`. */
  windowSeconds: number;
}

function sumBy(by: readonly string[], inner: string): string {
  by.forEach(assertLabelName);
  return by.length === 0 ? `sum(${inner})` : `sum by (${by.join(', ')}) (${inner})`;
}

function rateOf(metric: string, match: readonly LabelMatcher[], windowSeconds: number): string {
  return `rate(${selector(metric, match)}[${formatDuration(windowSeconds)}])`;
}

/** `sum by (by) (rate(metric{match}[window]))`: per-second rates, summed per group. */
export function sumByRate(expr: RateExpression): string {
  return sumBy(expr.by, rateOf(expr.metric, expr.match, expr.windowSeconds));
}

/**
 * `histogram_quantile(q, sum by (le, by) (rate(metric_bucket{match}[window])))`: the q-quantile of a classic
 * histogram per group, in the histogram's unit. `quantile` must be within [0, 1].
 */
export function histogramQuantile(expr: RateExpression & { quantile: number }): string {
  if (!(expr.quantile >= 0 && expr.quantile <= 1)) {
    throw new RangeError(`invalid quantile ${expr.quantile}: expected a number from 0 to 1`);
  }
  const by = ['le', ...expr.by.filter((label) => label !== 'le')];
  const inner = sumBy(by, rateOf(`${expr.metric}_bucket`, expr.match, expr.windowSeconds));
  return `histogram_quantile(${expr.quantile}, ${inner})`;
}
