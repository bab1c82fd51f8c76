import { describe, expect, it } from 'vitest';
import { showRows as show } from './__fixtures__/show';
import { testSpan, testTrace } from './__fixtures__/spans';
import { spanRows, visibleRows } from './span-tree';
import type { Span } from './types';

const span = testSpan;
const trace = testTrace;

describe('spanRows', () => {
  const cases: { name: string; spans: Span[]; rows: string[] }[] = [
    { name: 'an empty trace', spans: [], rows: [] },
    {
      name: 'depth-first, children by start time whatever order they arrive in',
      spans: [span('c', 'a', 5), span('a', null, 0), span('b', 'a', 1), span('d', 'b', 2), span('e', 'c', 6)],
      rows: ['a@0+2', 'b@1+1', 'd@2', 'c@1+1', 'e@2'],
    },
    {
      name: 'a span whose parent is missing is an orphan root, placed among the roots by start time',
      spans: [span('a', null, 0), span('x', 'lost', 3), span('b', 'a', 1), span('y', 'x', 4)],
      rows: ['a@0+1', 'b@1', 'x@0+1!', 'y@1'],
    },
    {
      name: 'a self-parent is an orphan root',
      spans: [span('a', null, 0), span('s', 's', 1), span('t', 's', 2)],
      rows: ['a@0', 's@0+1!', 't@1'],
    },
    {
      name: 'a parent cycle is cut at its earliest span; what hangs off the cycle stays under it',
      spans: [span('p', 'r', 1), span('q', 'p', 2), span('r', 'q', 3), span('z', 'q', 4)],
      rows: ['p@0+1!', 'q@1+2', 'r@2', 'z@2'],
    },
    {
      name: 'spans sharing an id (Zipkin shared spans): children hang under the first, every span shown once',
      spans: [span('a', null, 0), span('b', 'a', 1), span('b', 'a', 2), span('c', 'b', 3)],
      rows: ['a@0+2', 'b@1+1', 'c@2', 'b@1'],
    },
  ];

  it.each(cases)('$name', ({ spans, rows }) => {
    expect(show(spanRows(trace(spans)))).toEqual(rows);
  });

  const TEN_THOUSAND = 10_000;
  const shapes: { name: string; spans: () => Span[]; depth: number }[] = [
    {
      name: 'a deep chain',
      spans: () => Array.from({ length: TEN_THOUSAND }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : null, i)),
      depth: TEN_THOUSAND - 1,
    },
    {
      name: 'a wide fan-out',
      spans: () => Array.from({ length: TEN_THOUSAND }, (_, i) => span(`s${i}`, i ? 's0' : null, i)),
      depth: 1,
    },
    {
      name: 'one big parent cycle',
      spans: () =>
        Array.from({ length: TEN_THOUSAND }, (_, i) => span(`s${i}`, `s${(i + 1) % TEN_THOUSAND}`, i)),
      depth: TEN_THOUSAND - 1,
    },
  ];

  it.each(shapes)('shows 10,000 spans of $name without recursion (no stack overflow)', ({ spans, depth }) => {
    const t = trace(spans());
    const rows = spanRows(t);
    expect(rows).toHaveLength(TEN_THOUSAND);
    expect(new Set(rows.map((r) => r.span)).size).toBe(TEN_THOUSAND);
    expect(Math.max(...rows.map((r) => r.depth))).toBe(depth);
    expect(rows[0]?.span.spanId).toBe('s0');
  });
});

describe('visibleRows', () => {
  const rows = spanRows(
    trace([
      span('a', null, 0),
      span('b', 'a', 1),
      span('c', 'b', 2),
      span('d', 'c', 3),
      span('e', 'a', 4),
      span('f', 'e', 5),
      span('g', null, 6),
      span('h', 'g', 7),
    ]),
  );
  const cases: { collapsed: string[]; visible: string }[] = [
    { collapsed: [], visible: 'abcdefgh' },
    { collapsed: ['b'], visible: 'abefgh' },
    { collapsed: ['c', 'e'], visible: 'abcegh' },
    { collapsed: ['b', 'c'], visible: 'abefgh' },
    { collapsed: ['a'], visible: 'agh' },
    { collapsed: ['a', 'g'], visible: 'ag' },
    { collapsed: ['d', 'h', 'unknown'], visible: 'abcdefgh' },
  ];

  it.each(cases)('collapsing $collapsed shows $visible', ({ collapsed, visible }) => {
    const shown = visibleRows(rows, new Set(collapsed));
    expect(shown.map((r) => r.span.spanId).join('')).toBe(visible);
  });

  it('keeps the rows as they are (depth and child count describe the whole tree)', () => {
    const [a, b] = visibleRows(rows, new Set(['b']));
    expect(a).toBe(rows[0]);
    expect(b).toMatchObject({ depth: 1, childCount: 1 });
  });
});
