import { describe, expect, it } from 'vitest';
import { showSegments as show } from './__fixtures__/show';
import { testSpan, testTrace } from './__fixtures__/spans';
import { criticalPath, criticalSpanIds, type CriticalSegment } from './critical-path';
import type { Span } from './types';

/** A span from `start` to `end` ms after T0. */
const span = (spanId: string, parentSpanId: string | null, start: number, end: number): Span =>
  testSpan(spanId, parentSpanId, start, end - start);
const trace = testTrace;

/** The path tiles the root exactly: contiguous, in time order, from its start to its end. */
function expectTiles(segments: readonly CriticalSegment[], root: Span): void {
  expect(segments[0]?.startMs).toBeCloseTo(root.startMs, 3);
  expect(segments[segments.length - 1]?.endMs).toBeCloseTo(root.startMs + root.durationMs, 3);
  segments.forEach((s, i) => {
    expect(s.endMs).toBeGreaterThan(s.startMs);
    if (i > 0) expect(s.startMs).toBeCloseTo(segments[i - 1]?.endMs ?? 0, 3);
  });
}

describe('criticalPath', () => {
  const cases: { name: string; spans: Span[]; path: string[] }[] = [
    { name: 'a lone span is the whole path', spans: [span('r', null, 0, 10)], path: ['r 0-10'] },
    {
      name: 'sequential children alternate with the parent’s own time',
      spans: [span('r', null, 0, 100), span('a', 'r', 10, 40), span('b', 'r', 50, 90)],
      path: ['r 0-10', 'a 10-40', 'r 40-50', 'b 50-90', 'r 90-100'],
    },
    {
      name: 'of parallel children only the last to finish is on the path while it runs',
      spans: [span('r', null, 0, 100), span('a', 'r', 10, 80), span('b', 'r', 20, 60)],
      path: ['r 0-10', 'a 10-80', 'r 80-100'],
    },
    {
      name: 'a child that ended before a later-finishing sibling started is on the path before it',
      spans: [span('r', null, 0, 100), span('a', 'r', 5, 30), span('b', 'r', 20, 60), span('c', 'r', 40, 90)],
      path: ['r 0-5', 'a 5-30', 'r 30-40', 'c 40-90', 'r 90-100'],
    },
    {
      name: 'back-to-back calls: the earlier call ends exactly when the next starts and stays on the path',
      spans: [span('r', null, 0, 100), span('a', 'r', 0, 50), span('b', 'r', 50, 100)],
      path: ['a 0-50', 'b 50-100'],
    },
    {
      name: 'the walk descends through grandchildren',
      spans: [
        span('r', null, 0, 100),
        span('a', 'r', 10, 90),
        span('g', 'a', 20, 80),
        span('h', 'g', 30, 40),
      ],
      path: ['r 0-10', 'a 10-20', 'g 20-30', 'h 30-40', 'g 40-80', 'a 80-90', 'r 90-100'],
    },
    {
      name: 'a child that overruns its parent is clamped to the parent’s end',
      spans: [span('r', null, 0, 100), span('a', 'r', 60, 150)],
      path: ['r 0-60', 'a 60-100'],
    },
    {
      name: 'a child that starts before its parent is clamped to the parent’s start',
      spans: [span('r', null, 10, 100), span('a', 'r', 0, 50)],
      path: ['a 10-50', 'r 50-100'],
    },
    {
      name: 'a child entirely outside its parent is dropped, with its own children',
      spans: [span('r', null, 0, 100), span('a', 'r', 120, 130), span('b', 'a', 121, 122)],
      path: ['r 0-100'],
    },
    {
      name: 'grandchildren are clamped to their clamped parent',
      spans: [span('r', null, 0, 100), span('a', 'r', 50, 150), span('g', 'a', 90, 140)],
      path: ['r 0-50', 'a 50-90', 'g 90-100'],
    },
    {
      name: 'other root trees and orphans are not part of the root’s path',
      spans: [
        span('o', 'lost', 0, 200),
        span('r', null, 10, 100),
        span('a', 'r', 20, 30),
        span('x', null, 150, 300),
      ],
      path: ['r 10-20', 'a 20-30', 'r 30-100'],
    },
    {
      name: 'without a parentless span, the earliest orphan is the root',
      spans: [span('o', 'lost', 0, 50), span('a', 'o', 10, 20), span('p', 'lost', 5, 500)],
      path: ['o 0-10', 'a 10-20', 'o 20-50'],
    },
    { name: 'an empty trace has no path', spans: [], path: [] },
  ];

  it.each(cases)('$name', ({ spans, path }) => {
    const segments = criticalPath(trace(spans));
    expect(show(segments)).toEqual(path);
    const root = spans.find((s) => s.spanId === path[0]?.split(' ')[0]) ?? spans[0];
    if (root && segments.length && root.parentSpanId === null) expectTiles(segments, root);
  });

  const N = 10_000;
  const shapes: { name: string; spans: () => Span[]; onPath: number }[] = [
    {
      name: 'a deep chain, each span inside its parent',
      spans: () => Array.from({ length: N }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : null, i, 2 * N - i)),
      onPath: N,
    },
    {
      name: 'a wide fan-out of sequential calls',
      spans: () => [
        span('s0', null, 0, N + 1),
        ...Array.from({ length: N - 1 }, (_, i) => span(`s${i + 1}`, 's0', i + 1, i + 1.5)),
      ],
      onPath: N,
    },
    {
      name: 'a wide fan-out of parallel calls',
      spans: () => [
        span('s0', null, 0, N + 1),
        ...Array.from({ length: N - 1 }, (_, i) => span(`s${i + 1}`, 's0', 0.5, i + 1)),
      ],
      onPath: 2,
    },
  ];

  it.each(shapes)(
    'walks 10,000 spans of $name without recursion (no stack overflow)',
    ({ spans, onPath }) => {
      const t = trace(spans());
      const segments = criticalPath(t);
      expect(criticalSpanIds(segments).size).toBe(onPath);
      const root = t.spans.find((s) => s.parentSpanId === null);
      if (root) expectTiles(segments, root);
    },
  );
});

describe('criticalSpanIds', () => {
  it('collects each span once, however many stretches it has', () => {
    const segments = criticalPath(
      trace([span('r', null, 0, 100), span('a', 'r', 10, 40), span('b', 'r', 50, 90)]),
    );
    expect(criticalSpanIds(segments)).toEqual(new Set(['r', 'a', 'b']));
    expect(criticalSpanIds([])).toEqual(new Set());
  });
});
