import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '@/lib/traces/types';
import { errorsText, isErrorTrace, rootServiceText, sortTraces, spansText } from './trace-summary';

function hit(change: Partial<TraceSummary> & { traceId: string }): TraceSummary {
  return {
    rootService: 'productpage.bookinfo',
    rootName: 'GET /',
    startMs: 0,
    durationMs: 10,
    spanSets: [],
    ...change,
  };
}

const matchedSpan = (attributes: Record<string, string>) => ({
  spanId: '00000000000000aa',
  name: null,
  service: null,
  startMs: 0,
  durationMs: 1,
  attributes,
});

describe('isErrorTrace', () => {
  it('trusts the error count when the backend gave one', () => {
    expect(isErrorTrace(hit({ traceId: 'a', errorCount: 2 }), false)).toBe(true);
    expect(isErrorTrace(hit({ traceId: 'a', errorCount: 0 }), true)).toBe(false);
  });

  it('counts every hit of an errors-only search as failed when the count is unknown', () => {
    expect(isErrorTrace(hit({ traceId: 'a' }), true)).toBe(true);
    expect(isErrorTrace(hit({ traceId: 'a' }), false)).toBe(false);
  });

  it('reads a matched span status when the count is unknown', () => {
    const spanSets = [{ matched: 1, spans: [matchedSpan({ status: 'error' })] }];
    expect(isErrorTrace(hit({ traceId: 'a', spanSets }), false)).toBe(true);
  });
});

describe('columns', () => {
  it('shows the span count, else how many spans matched', () => {
    expect(spansText(hit({ traceId: 'a', spanCount: 1_234 }))).toBe('1,234');
    const spanSets = [
      { matched: 3, spans: [] },
      { matched: 2, spans: [] },
    ];
    expect(spansText(hit({ traceId: 'a', spanSets }))).toBe('5 matched');
  });

  it('shows a dash for an error count the backend did not give', () => {
    expect(errorsText(hit({ traceId: 'a' }))).toBe('–');
    expect(errorsText(hit({ traceId: 'a', errorCount: 0 }))).toBe('0');
  });

  it('words the root service placeholders', () => {
    expect(rootServiceText('<root span not yet received>')).toBe('root not yet received');
    expect(rootServiceText('')).toBe('unknown service');
    expect(rootServiceText('reviews.bookinfo')).toBe('reviews.bookinfo');
  });
});

describe('sortTraces', () => {
  const traces = [
    hit({ traceId: 'a', startMs: 3, durationMs: 5, errorCount: 1 }),
    hit({ traceId: 'b', startMs: 2, durationMs: 50 }),
    hit({ traceId: 'c', startMs: 1, durationMs: 5, errorCount: 4 }),
  ];
  const ids = (list: TraceSummary[]): string[] => list.map((t) => t.traceId);

  it('sorts the slowest first, ties in the search order', () => {
    expect(ids(sortTraces(traces, { key: 'duration', descending: true }))).toEqual(['b', 'a', 'c']);
    expect(ids(sortTraces(traces, { key: 'duration', descending: false }))).toEqual(['a', 'c', 'b']);
  });

  it('sorts by start time both ways', () => {
    expect(ids(sortTraces(traces, { key: 'start', descending: false }))).toEqual(['c', 'b', 'a']);
  });

  it('puts unknown error counts last whichever way', () => {
    expect(ids(sortTraces(traces, { key: 'errors', descending: true }))).toEqual(['c', 'a', 'b']);
    expect(ids(sortTraces(traces, { key: 'errors', descending: false }))).toEqual(['a', 'c', 'b']);
  });

  it('does not reorder the input', () => {
    sortTraces(traces, { key: 'start', descending: false });
    expect(ids(traces)).toEqual(['a', 'b', 'c']);
  });
});
