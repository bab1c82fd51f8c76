import type { TraceSummary } from '@/lib/traces/types';

/** What Tempo says as the root service while the root span has not arrived. */
const ROOT_NOT_RECEIVED = '<root span not yet received>';

/**
 * Whether a search hit failed. The trace's own error count decides when the backend gave it; without it, a hit of
 * an errors-only search failed by definition, and otherwise a matched span whose `status` attribute is `error`
 * (Tempo includes it when the query selects on status) says so.
 */
export function isErrorTrace(trace: TraceSummary, errorsOnlySearch: boolean): boolean {
  if (trace.errorCount !== undefined) return trace.errorCount > 0;
  if (errorsOnlySearch) return true;
  return trace.spanSets.some((set) => set.spans.some((span) => span.attributes.status === 'error'));
}

/** How many spans matched the search across the hit's span sets. */
export function matchedCount(trace: TraceSummary): number {
  return trace.spanSets.reduce((sum, set) => sum + set.matched, 0);
}

/** The spans column: the whole trace's span count when known, else `N matched`. */
export function spansText(trace: TraceSummary): string {
  if (trace.spanCount !== undefined) return trace.spanCount.toLocaleString('en-US');
  return `${matchedCount(trace).toLocaleString('en-US')} matched`;
}

/** The errors column: the trace's error count, or `–` when the backend did not say. */
export function errorsText(trace: TraceSummary): string {
  return trace.errorCount === undefined ? '–' : trace.errorCount.toLocaleString('en-US');
}

/** The root service for people: Tempo's placeholder and an empty name become words. */
export function rootServiceText(rootService: string): string {
  if (rootService === ROOT_NOT_RECEIVED) return 'root not yet received';
  return rootService === '' ? 'unknown service' : rootService;
}

/** Columns the trace table sorts by. */
export type TraceSortKey = 'start' | 'duration' | 'errors';

/** A sort: which column, which way. */
export interface TraceSort {
  key: TraceSortKey;
  descending: boolean;
}

/** The newest first: the order the search answers in. */
export const DEFAULT_SORT: TraceSort = { key: 'start', descending: true };

/** A sorted copy (stable: hits equal in the column keep the search's order); unknown error counts sort last. */
export function sortTraces(traces: readonly TraceSummary[], sort: TraceSort): TraceSummary[] {
  const value = (t: TraceSummary): number => {
    if (sort.key === 'start') return t.startMs;
    if (sort.key === 'duration') return t.durationMs;
    return t.errorCount ?? Number.NaN;
  };
  return traces
    .map((trace, index) => ({ trace, index, v: value(trace) }))
    .sort((a, b) => {
      if (Number.isNaN(a.v) !== Number.isNaN(b.v)) return Number.isNaN(a.v) ? 1 : -1;
      const diff = Number.isNaN(a.v) ? 0 : sort.descending ? b.v - a.v : a.v - b.v;
      return diff || a.index - b.index;
    })
    .map((entry) => entry.trace);
}
