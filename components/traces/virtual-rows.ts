/**
 * Row virtualisation for fixed-height lists (the waterfall): which rows to render for a scroll position, and the
 * empty space above and below them that keeps the scrollbar true to the whole list.
 */

/** Where the list is scrolled to and how it is laid out; all lengths in CSS pixels. */
export interface VirtualInput {
  /** The scroll container's `scrollTop`. */
  scrollTop: number;
  /** The scroll container's visible height (`clientHeight`). */
  viewportHeight: number;
  /** Height of every row; must be positive. */
  rowHeight: number;
  rowCount: number;
  /** Extra rows rendered above and below the visible ones, so that fast scrolling does not show blanks. */
  overscan: number;
}

/** The rows to render: indexes `start` (inclusive) to `end` (exclusive), with spacer heights around them. */
export interface VirtualRange {
  start: number;
  end: number;
  /** Height of the spacer above the first rendered row, in pixels. */
  padTop: number;
  /** Height of the spacer below the last rendered row, in pixels. */
  padBottom: number;
}

/**
 * The index range to render for a scroll position. Robust to what browsers report in passing: a negative
 * `scrollTop` (elastic scrolling), a `scrollTop` past the end (the list just shrank), a zero viewport (not laid
 * out yet: the first screenful is assumed to be one row). `padTop + rendered rows + padBottom` always equals the
 * whole list's height.
 */
export function virtualRange(input: VirtualInput): VirtualRange {
  const rowHeight = input.rowHeight > 0 ? input.rowHeight : 1;
  const count = Math.max(0, Math.floor(input.rowCount));
  const overscan = Math.max(0, Math.floor(input.overscan));
  if (count === 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const maxScroll = Math.max(0, count * rowHeight - Math.max(0, input.viewportHeight));
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxScroll);
  const firstVisible = Math.min(count - 1, Math.floor(scrollTop / rowHeight));
  const lastVisible = Math.min(
    count - 1,
    Math.max(firstVisible, Math.ceil((scrollTop + Math.max(0, input.viewportHeight)) / rowHeight) - 1),
  );
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, lastVisible + 1 + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/**
 * The `scrollTop` that brings row `index` fully into view with as little movement as possible, or null when it is
 * already fully visible (or the index is out of range).
 */
export function scrollToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  if (index < 0 || rowHeight <= 0) return null;
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}
