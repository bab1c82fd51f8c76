/**
 * Reading the {@link SeriesStore} the way PromQL reads scraped series: resolve an exposed metric name (a counter,
 * or a histogram's `_bucket`, `_sum`, `_count`), select the series whose labels match, and give each sample's
 * increase over a window. The direct metrics source builds `rate` and `histogram_quantile` on top of this.
 */
import type { LabelMatcher, Labels } from '@/lib/metrics/types';
import { compileMatchers } from '@/lib/metrics/match';
import { HISTOGRAM_SUFFIXES, leLabel, type HistogramPart } from './families';
import type { Family, Series, SeriesStore } from './series-store';

/** An exposed metric name resolved to its family and the part of it the name selects. */
export interface ResolvedMetric {
  family: Family;
  part: 'counter' | HistogramPart;
  /** The exposed name, for `__name__` matchers. */
  name: string;
}

/** The family behind an exposed name, or undefined when the demo mesh exports no such metric. */
export function resolveMetric(store: SeriesStore, name: string): ResolvedMetric | undefined {
  for (const family of Object.values(store.families)) {
    if (family.spec.kind === 'counter') {
      if (family.spec.name === name) return { family, part: 'counter', name };
      continue;
    }
    for (const suffix of HISTOGRAM_SUFFIXES) {
      if (`${family.spec.name}${suffix}` === name)
        return { family, part: suffix.slice(1) as HistogramPart, name };
    }
  }
  return undefined;
}

/** One sample's increase over the window: its labels (by name, `le` included for buckets) and the increase. */
export type SampleVisitor = (
  label: (name: string) => string | undefined,
  increase: number,
  bucket: number,
) => void;

/**
 * Prepares label matching for one metric: `__name__` is decided once, `le` per bucket, everything else per series.
 * Throws a `RangeError` for a bad regex or operator.
 */
export function compileSelection(
  metric: ResolvedMetric,
  matchers: readonly LabelMatcher[],
): { nameOk: boolean; series: (labels: Labels) => boolean; le: (labels: Labels) => boolean } {
  const isName = (m: LabelMatcher): boolean => m.label === '__name__';
  const isLe = (m: LabelMatcher): boolean => m.label === 'le';
  return {
    nameOk: compileMatchers(matchers.filter(isName))({ __name__: metric.name }),
    series: compileMatchers(matchers.filter((m) => !isName(m) && !isLe(m))),
    le: compileMatchers(matchers.filter(isLe)),
  };
}

/**
 * Visits every matching sample of `metric` that was exported at some time in (fromMs, toMs], with its increase in
 * that window. `scratch` is the caller's buffer, at least as long as the store's totals, all zeros; it is left
 * all zeros again.
 */
export function visitSamples(
  store: SeriesStore,
  metric: ResolvedMetric,
  matchers: readonly LabelMatcher[],
  fromMs: number,
  toMs: number,
  scratch: Float64Array,
  visit: SampleVisitor,
): void {
  const selection = compileSelection(metric, matchers);
  if (!selection.nameOk) return;
  const { family, part } = metric;
  const buckets = family.spec.buckets ?? [];
  store.history.accumulate(family.index, fromMs, toMs, scratch);
  for (const series of family.all) {
    if (exportedDuring(series, fromMs, toMs) && selection.series(series.labels)) {
      const label = (name: string): string | undefined => series.labels[name];
      const at = (offset: number): number => scratch[series.cell + offset] ?? 0;
      if (part === 'counter') {
        if (selection.le({})) visit(label, at(0), -1);
      } else if (part === 'sum' || part === 'count') {
        if (selection.le({})) visit(label, at(buckets.length + (part === 'sum' ? 1 : 2)), -1);
      } else {
        let cumulative = 0;
        [...buckets, Infinity].forEach((bound, i) => {
          cumulative += at(i);
          const le = leLabel(bound);
          if (selection.le({ le }))
            visit((name) => (name === 'le' ? le : series.labels[name]), cumulative, i);
        });
      }
    }
  }
  for (const series of family.all) scratch.fill(0, series.cell, series.cell + family.width);
}

/** Prometheus has samples of a series in the window when it was exported at some time within it. */
function exportedDuring(series: Series, fromMs: number, toMs: number): boolean {
  return series.createdMs <= toMs && (series.expiredMs ?? Infinity) > fromMs;
}

/** The group key and labels of a sample: exactly the non-empty `by` labels it has (Prometheus drops empty ones). */
export function groupOf(
  label: (name: string) => string | undefined,
  by: readonly string[],
): [string, Labels] {
  const labels: Labels = {};
  for (const name of by) {
    const value = label(name);
    if (value !== undefined && value !== '') labels[name] = value;
  }
  return [JSON.stringify(by.map((name) => labels[name] ?? null)), labels];
}
