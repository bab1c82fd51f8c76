import type { Span, Trace } from './types';

/** One row of the waterfall, in display order (depth-first, children by start time). */
export interface SpanRow {
  span: Span;
  /** 0 for a root (a span without a parent, an orphan, or the span a parent cycle was broken at). */
  depth: number;
  /** Number of direct children shown under this row. */
  childCount: number;
  /**
   * The span names a parent that is not in the trace (lost, or not yet received), or it is the span at which a
   * parent cycle (a self-parent included) was broken. Either way it is shown as a root.
   */
  orphan: boolean;
}

/** Sentinel parent index: the span is a root. */
const NONE = -1;

/**
 * The rows of a trace's waterfall: every span exactly once, depth-first, each span's children (and the roots) by
 * start time. A span whose parent is not in the trace is an orphan root. Bad data cannot hang it: a span that names
 * itself as its parent, or a set of spans whose parents form a cycle, is cut at the earliest-starting span of the
 * cycle, which becomes an orphan root. Iterative (no recursion depth limit), O(n log n).
 *
 * When two spans share an id (Zipkin's shared client/server spans), children hang under the first of them.
 */
export function spanRows(trace: Trace): SpanRow[] {
  const spans = trace.spans;
  const n = spans.length;
  // Display order: by start time, ties kept in the trace's own order (it is sorted by the exact nanosecond start).
  const order = spans.map((_, i) => i).sort((a, b) => spanStart(spans, a) - spanStart(spans, b) || a - b);
  const indexById = new Map<string, number>();
  for (const i of order) {
    const id = spans[i]?.spanId ?? '';
    if (!indexById.has(id)) indexById.set(id, i);
  }

  const parent = new Int32Array(n).fill(NONE);
  const orphan = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const parentId = spans[i]?.parentSpanId ?? null;
    if (parentId === null) continue;
    const p = indexById.get(parentId);
    if (p === undefined || p === i) orphan[i] = 1;
    else parent[i] = p;
  }
  cutCycles(parent, orphan, (i) => spanStart(spans, i));

  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (const i of order) {
    const p = parent[i] ?? NONE;
    if (p === NONE) roots.push(i);
    else children[p]?.push(i);
  }

  const rows: SpanRow[] = [];
  // Roots pushed last-first, like children, so that the earliest comes out first.
  const stack: { index: number; depth: number }[] = roots.map((index) => ({ index, depth: 0 })).reverse();
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { index, depth } = top;
    const kids = children[index] ?? [];
    const span = spans[index];
    if (span) rows.push({ span, depth, childCount: kids.length, orphan: orphan[index] === 1 });
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ index: kids[k] ?? 0, depth: depth + 1 });
  }
  return rows;
}

/**
 * Rows with the descendants of collapsed spans removed (the collapsed span itself stays). O(n): a row's
 * descendants are the rows that follow it with a greater depth.
 */
export function visibleRows(rows: readonly SpanRow[], collapsed: ReadonlySet<string>): SpanRow[] {
  const visible: SpanRow[] = [];
  let hideDeeperThan = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.depth > hideDeeperThan) continue;
    hideDeeperThan = collapsed.has(row.span.spanId) ? row.depth : Number.POSITIVE_INFINITY;
    visible.push(row);
  }
  return visible;
}

function spanStart(spans: readonly Span[], i: number): number {
  return spans[i]?.startMs ?? 0;
}

/**
 * Makes the parent links a forest: walks up from every span (iteratively, each span once) and, where a walk meets
 * itself, cuts the cycle at its earliest-starting span, which becomes an orphan root.
 */
function cutCycles(parent: Int32Array, orphan: Uint8Array, start: (i: number) => number): void {
  const UNSEEN = 0;
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(parent.length);
  const path: number[] = [];
  for (let i = 0; i < parent.length; i++) {
    let at = i;
    while (at !== NONE && state[at] === UNSEEN) {
      state[at] = ON_PATH;
      path.push(at);
      at = parent[at] ?? NONE;
    }
    if (at !== NONE && state[at] === ON_PATH) {
      // `at` is on a cycle: the cycle is the end of the path from `at` on.
      let cut = at;
      for (let j = path.lastIndexOf(at); j < path.length; j++) {
        const k = path[j] ?? at;
        if (start(k) < start(cut) || (start(k) === start(cut) && k < cut)) cut = k;
      }
      parent[cut] = NONE;
      orphan[cut] = 1;
    }
    for (const k of path) state[k] = DONE;
    path.length = 0;
  }
}
