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

/** Whether a selected series' sample counts, given its `le` (undefined for series without buckets). */
export type LeTest = (le: string | undefined) => boolean;

/** Matchers split by what they test: the metric name (once), `le` (per bucket), the other labels (per series). */
function compileParts(
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
 * Prepares label matching for one metric: `matchers` ANDed, and when `anyOf` is given, at least one alternative
 * (a sample several alternatives select counts once). The answer for a series is null when none of its samples
 * can count, else the test of its `le`. Throws a `RangeError` for a bad regex or operator.
 */
export function compileSelection(
  metric: ResolvedMetric,
  matchers: readonly LabelMatcher[],
  anyOf?: readonly (readonly LabelMatcher[])[],
): (labels: Labels) => LeTest | null {
  const base = compileParts(metric, matchers);
  if (!base.nameOk) return () => null;
  const leLabels = (le: string | undefined): Labels => (le === undefined ? {} : { le });
  const baseLe: LeTest = (le) => base.le(leLabels(le));
  if (anyOf === undefined) return (labels) => (base.series(labels) ? baseLe : null);
  const alternatives = anyOf.map((alternative) => compileParts(metric, alternative)).filter((a) => a.nameOk);
  return (labels) => {
    if (!base.series(labels)) return null;
    const live = alternatives.filter((a) => a.series(labels));
    if (live.length === 0) return null;
    return (le) => baseLe(le) && live.some((a) => a.le(leLabels(le)));
  };
}

/** Which series of a metric to read: as in `SeriesQuery`, `match` ANDed and optionally `anyOf` alternatives. */
export interface SeriesSelection {
  match: readonly LabelMatcher[];
  anyOf?: readonly (readonly LabelMatcher[])[];
}

/**
 * Visits every matching sample of `metric` that was exported at some time in (fromMs, toMs], with its increase in
 * that window. `scratch` is the caller's buffer, at least as long as the store's totals, all zeros; it is left
 * all zeros again.
 */
export function visitSamples(
  store: SeriesStore,
  metric: ResolvedMetric,
  selection: SeriesSelection,
  fromMs: number,
  toMs: number,
  scratch: Float64Array,
  visit: SampleVisitor,
): void {
  const select = compileSelection(metric, selection.match, selection.anyOf);
  const { family, part } = metric;
  const buckets = family.spec.buckets ?? [];
  store.history.accumulate(family.index, fromMs, toMs, scratch);
  for (const series of family.all) {
    const leTest = exportedDuring(series, fromMs, toMs) ? select(series.labels) : null;
    if (leTest !== null) {
      const label = (name: string): string | undefined => series.labels[name];
      const at = (offset: number): number => scratch[series.cell + offset] ?? 0;
      if (part === 'counter') {
        if (leTest(undefined)) visit(label, at(0), -1);
      } else if (part === 'sum' || part === 'count') {
        if (leTest(undefined)) visit(label, at(buckets.length + (part === 'sum' ? 1 : 2)), -1);
      } else {
        let cumulative = 0;
        [...buckets, Infinity].forEach((bound, i) => {
          cumulative += at(i);
          const le = leLabel(bound);
          if (leTest(le)) visit((name) => (name === 'le' ? le : series.labels[name]), cumulative, i);
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
