import type { CriticalSegment } from '@/lib/traces/critical-path';
import type { SpanRow } from '@/lib/traces/span-tree';
import { linearTicks } from './chart-scale';

/** A tick of the waterfall's time axis: an offset from the trace's start, and where it sits in percent. */
export interface AxisTick {
  ms: number;
  pct: number;
}

/** Offsets from the trace's start at round durations, in percent of the trace: where the axis and grid go. */
export function axisTicks(durationMs: number): AxisTick[] {
  if (!(durationMs > 0)) return [{ ms: 0, pct: 0 }];
  return linearTicks(0, durationMs, 5).map((ms) => ({ ms, pct: (ms / durationMs) * 100 }));
}

/** Where a bar sits on the trace's timeline, in percent of the timeline's width. */
export interface BarGeometry {
  leftPct: number;
  widthPct: number;
}

/**
 * A stretch of time as a bar over the trace: from the trace's start (0%) to its end (100%), clamped into it. The
 * component gives the bar a minimum width in pixels, so that a 10 µs span in a 2 s trace is still seen.
 */
export function barGeometry(
  startMs: number,
  durationMs: number,
  trace: { startMs: number; durationMs: number },
): BarGeometry {
  if (!(trace.durationMs > 0)) return { leftPct: 0, widthPct: 0 };
  const left = clampPct(((startMs - trace.startMs) / trace.durationMs) * 100);
  const right = clampPct(((startMs + Math.max(0, durationMs) - trace.startMs) / trace.durationMs) * 100);
  return { leftPct: left, widthPct: Math.max(0, right - left) };
}

/**
 * CSS for a bar with a minimum width of `minPx`: it never runs past the timeline's right edge (a short span at the
 * very end is drawn ending there).
 */
export function barStyle(bar: BarGeometry, minPx = 2): { left: string; width: string } {
  return {
    left: `min(${round(bar.leftPct)}%, calc(100% - ${minPx}px))`,
    width: `max(${round(bar.widthPct)}%, ${minPx}px)`,
  };
}

/** Which side of its bar a duration label goes: right of it, unless the bar ends near the timeline's end. */
export function labelSide(bar: BarGeometry): 'right' | 'left' {
  return bar.leftPct + bar.widthPct > 75 ? 'left' : 'right';
}

/** Critical-path segments by span, for drawing them over each span's bar. */
export function segmentsBySpan(segments: readonly CriticalSegment[]): Map<string, CriticalSegment[]> {
  const bySpan = new Map<string, CriticalSegment[]>();
  for (const segment of segments) {
    const list = bySpan.get(segment.spanId);
    if (list) list.push(segment);
    else bySpan.set(segment.spanId, [segment]);
  }
  return bySpan;
}

/**
 * The span where the trace's failure began: the first span with status error, in display order, that has no
 * failing span under it. A caller that failed because its callee failed is not the span to look at; the callee
 * (a fault abort at a waypoint, a refused connection) is. Null when no span failed. One pass over the rows.
 */
export function failingSpanId(rows: readonly SpanRow[]): string | null {
  let candidate: SpanRow | null = null;
  for (const row of rows) {
    // The candidate's subtree has ended without another failure under it.
    if (candidate !== null && row.depth <= candidate.depth) break;
    // The first failure, or a failure under the candidate: it is closer to where the failure began.
    if (row.span.status.code === 'error') candidate = row;
  }
  return candidate?.span.spanId ?? null;
}

/** Keys that move the selection in the waterfall. */
export type SelectionMove = 'up' | 'down' | 'first' | 'last';

/**
 * The span selected after a key press: the row above or below, the first or the last. With nothing selected (or
 * the selection hidden in a collapsed span), down and first select the first row, up and last the last row.
 */
export function moveSelection(
  rows: readonly SpanRow[],
  selectedId: string | null,
  move: SelectionMove,
): string | null {
  if (rows.length === 0) return null;
  const index = selectedId === null ? -1 : rows.findIndex((row) => row.span.spanId === selectedId);
  let next: number;
  if (move === 'first') next = 0;
  else if (move === 'last') next = rows.length - 1;
  else if (index === -1) next = move === 'down' ? 0 : rows.length - 1;
  else next = Math.min(rows.length - 1, Math.max(0, index + (move === 'down' ? 1 : -1)));
  return rows[next]?.span.spanId ?? null;
}

/**
 * The span the left arrow goes to from a row: the row's parent in display order (the closest row above with a
 * smaller depth), or null at a root.
 */
export function parentRowId(rows: readonly SpanRow[], spanId: string): string | null {
  const index = rows.findIndex((row) => row.span.spanId === spanId);
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) {
    const row = rows[i];
    if (row && row.depth < depth) return row.span.spanId;
  }
  return null;
}

function clampPct(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
