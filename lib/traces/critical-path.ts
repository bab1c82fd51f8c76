import { spanRows } from './span-tree';
import type { Trace } from './types';

/** A stretch of time during which one span was on the critical path. */
export interface CriticalSegment {
  spanId: string;
  /** Unix time in milliseconds. */
  startMs: number;
  /** Unix time in milliseconds; greater than `startMs` (empty stretches are left out). */
  endMs: number;
}

/** A span of the root's tree, its time clamped into its parent's, in integer microseconds (no float noise). */
interface Node {
  spanId: string;
  start: number;
  end: number;
  parent: number;
  /** Children that survived clamping, latest-ending first. */
  children: number[];
  /** Children before this index were already on the path or end too late; the walk only goes back in time. */
  cursor: number;
}

/**
 * The critical path of a trace, after Jaeger: start at the root's end and walk back in time. At each point the
 * child of the current span that finished last before that point is on the path (from its end); the walk descends
 * into it and does the same from its end. When no child is left, the current span itself is on the path back to
 * its own start, and the walk returns to its parent at that start. A child ending exactly at the current point
 * counts (Jaeger asks for strictly before; back-to-back calls then lose the earlier call to the parent's own time).
 *
 * Children that overrun their parent are clamped to it first, and children entirely outside it are dropped, with
 * their descendants (as Jaeger does). The root is the trace's root as {@link spanRows} shows it: the earliest span
 * without a parent, else the earliest orphan. Segments are returned in time order. Iterative, O(n log n).
 */
export function criticalPath(trace: Trace): CriticalSegment[] {
  const nodes = clampedTree(trace);
  const segments: CriticalSegment[] = [];
  const push = (node: Node, start: number, end: number): void => {
    if (end > start) segments.push({ spanId: node.spanId, startMs: start / 1000, endMs: end / 1000 });
  };
  let at = 0;
  let until = nodes[0]?.end ?? 0;
  while (at >= 0) {
    const node = nodes[at];
    if (!node) break;
    const child = nextChild(nodes, node, until);
    const next = nodes[child];
    if (next) {
      push(node, next.end, until);
      at = child;
      until = next.end;
    } else {
      push(node, node.start, until);
      at = node.parent;
      until = node.start;
    }
  }
  return segments.reverse();
}

/** The ids of the spans that are on the path at some point. */
export function criticalSpanIds(segments: readonly CriticalSegment[]): Set<string> {
  return new Set(segments.map((segment) => segment.spanId));
}

/**
 * The index of the latest-ending child of `node` that ends at or before `until`, or -1; advances the node's cursor
 * past it. Children skipped for ending too late stay skipped: `until` only decreases for a given node.
 */
function nextChild(nodes: readonly Node[], node: Node, until: number): number {
  while (node.cursor < node.children.length) {
    const child = node.children[node.cursor++] ?? -1;
    if ((nodes[child]?.end ?? Number.POSITIVE_INFINITY) <= until) return child;
  }
  return -1;
}

/** The root's tree (root at index 0), each span clamped into its parent. */
function clampedTree(trace: Trace): Node[] {
  const rows = spanRows(trace);
  const rootRow = rows.findIndex((row) => row.depth === 0 && row.span.parentSpanId === null);
  const from = Math.max(0, rootRow);
  const nodes: Node[] = [];
  // For each depth, the index in `nodes` of the last span seen at that depth (null when it was dropped).
  const path: (number | null)[] = [];
  for (let r = from; r < rows.length; r++) {
    const row = rows[r];
    if (!row || (r > from && row.depth === 0)) break;
    const depth = row.depth;
    const parent = depth === 0 ? -1 : (path[depth - 1] ?? null);
    path.length = depth;
    const start = Math.round(row.span.startMs * 1000);
    const end = start + Math.max(0, Math.round(row.span.durationMs * 1000));
    if (parent === null) {
      path.push(null); // the parent was dropped, so is this span
      continue;
    }
    const up = nodes[parent];
    const clampedStart = up ? Math.max(start, up.start) : start;
    const clampedEnd = up ? Math.min(end, up.end) : end;
    if (clampedStart > clampedEnd) {
      path.push(null); // entirely outside its parent
      continue;
    }
    path.push(nodes.length);
    up?.children.push(nodes.length);
    nodes.push({
      spanId: row.span.spanId,
      start: clampedStart,
      end: clampedEnd,
      parent,
      children: [],
      cursor: 0,
    });
  }
  for (const node of nodes)
    node.children.sort((a, b) => (nodes[b]?.end ?? 0) - (nodes[a]?.end ?? 0) || a - b);
  return nodes;
}
