import { describe, expect, it } from 'vitest';
import type { SpanRow } from '@/lib/traces/span-tree';
import type { Span } from '@/lib/traces/types';
import {
  axisTicks,
  barGeometry,
  barStyle,
  failingSpanId,
  labelSide,
  moveSelection,
  parentRowId,
  segmentsBySpan,
} from './waterfall-layout';

const trace = { startMs: 1_000, durationMs: 200 };

function row(spanId: string, depth: number, error = false): SpanRow {
  const span = {
    spanId,
    status: { code: error ? 'error' : 'ok' },
  } as Span;
  return { span, depth, childCount: 0, orphan: false };
}

describe('axisTicks', () => {
  it('puts ticks at round offsets across the trace', () => {
    expect(axisTicks(200)).toEqual([0, 50, 100, 150, 200].map((ms) => ({ ms, pct: ms / 2 })));
    const ticks = axisTicks(1_234);
    expect(ticks.map((t) => t.ms)).toEqual([0, 200, 400, 600, 800, 1_000, 1_200]);
    expect(ticks.every((t) => t.pct <= 100)).toBe(true);
  });

  it('gives a single tick at the start of a trace without length', () => {
    expect(axisTicks(0)).toEqual([{ ms: 0, pct: 0 }]);
  });
});

describe('barGeometry', () => {
  it('places a span over the trace in percent', () => {
    expect(barGeometry(1_050, 100, trace)).toEqual({ leftPct: 25, widthPct: 50 });
    expect(barGeometry(1_000, 200, trace)).toEqual({ leftPct: 0, widthPct: 100 });
  });

  it('clamps a span that starts before or runs past the trace (clock skew)', () => {
    expect(barGeometry(900, 150, trace)).toEqual({ leftPct: 0, widthPct: 25 });
    expect(barGeometry(1_150, 500, trace)).toEqual({ leftPct: 75, widthPct: 25 });
  });

  it('draws nothing wide for a trace without length', () => {
    expect(barGeometry(1_000, 0, { startMs: 1_000, durationMs: 0 })).toEqual({ leftPct: 0, widthPct: 0 });
  });
});

describe('barStyle', () => {
  it('gives every bar at least the minimum width, without running past the right edge', () => {
    expect(barStyle({ leftPct: 100, widthPct: 0 })).toEqual({
      left: 'min(100%, calc(100% - 2px))',
      width: 'max(0%, 2px)',
    });
    expect(barStyle({ leftPct: 12.34567, widthPct: 50 }, 3).left).toBe('min(12.346%, calc(100% - 3px))');
  });
});

describe('labelSide', () => {
  it('puts the duration after the bar unless the bar ends near the right edge', () => {
    expect(labelSide({ leftPct: 10, widthPct: 20 })).toBe('right');
    expect(labelSide({ leftPct: 60, widthPct: 30 })).toBe('left');
  });
});

describe('segmentsBySpan', () => {
  it('groups the critical path by span, keeping the order', () => {
    const grouped = segmentsBySpan([
      { spanId: 'a', startMs: 0, endMs: 1 },
      { spanId: 'b', startMs: 1, endMs: 2 },
      { spanId: 'a', startMs: 2, endMs: 3 },
    ]);
    expect(grouped.get('a')?.map((s) => s.startMs)).toEqual([0, 2]);
    expect(grouped.get('b')).toHaveLength(1);
  });
});

describe('selection', () => {
  const rows = [row('root', 0), row('a', 1), row('a1', 2, true), row('b', 1, true)];

  it('finds where the failure began: the first failing span without a failing span under it', () => {
    // root and a failed because a1 did; b failed on its own but comes later.
    const chain = [row('root', 0, true), row('a', 1, true), row('a1', 2, true), row('b', 1, true)];
    expect(failingSpanId(chain)).toBe('a1');
    // a failed by itself (its child a1 did not): a is the span to look at.
    const own = [row('root', 0), row('a', 1, true), row('a1', 2), row('b', 1, true)];
    expect(failingSpanId(own)).toBe('a');
    expect(failingSpanId(rows)).toBe('a1');
    expect(failingSpanId([row('x', 0)])).toBeNull();
  });

  it('moves up and down, stopping at the ends', () => {
    expect(moveSelection(rows, 'a', 'down')).toBe('a1');
    expect(moveSelection(rows, 'a', 'up')).toBe('root');
    expect(moveSelection(rows, 'root', 'up')).toBe('root');
    expect(moveSelection(rows, 'b', 'down')).toBe('b');
    expect(moveSelection(rows, 'a1', 'first')).toBe('root');
    expect(moveSelection(rows, 'a1', 'last')).toBe('b');
  });

  it('starts from an end when nothing visible is selected', () => {
    expect(moveSelection(rows, null, 'down')).toBe('root');
    expect(moveSelection(rows, 'hidden', 'up')).toBe('b');
    expect(moveSelection([], null, 'down')).toBeNull();
  });

  it('finds the parent row for the left arrow', () => {
    expect(parentRowId(rows, 'a1')).toBe('a');
    expect(parentRowId(rows, 'b')).toBe('root');
    expect(parentRowId(rows, 'root')).toBeNull();
  });
});
