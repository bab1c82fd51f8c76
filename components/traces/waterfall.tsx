'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { criticalPath, criticalSpanIds } from '@/lib/traces/critical-path';
import { visibleRows, type SpanRow } from '@/lib/traces/span-tree';
import type { Trace } from '@/lib/traces/types';
import { useElementSize } from './use-element-size';
import { scrollToReveal, virtualRange } from './virtual-rows';
import { WaterfallAxis } from './waterfall-axis';
import {
  axisTicks,
  moveSelection,
  parentRowId,
  segmentsBySpan,
  type SelectionMove,
} from './waterfall-layout';
import { ROW_HEIGHT, rowElementId, WATERFALL_COLUMNS, WaterfallRow } from './waterfall-row';

/** Rows rendered beyond the visible ones on each side. */
const OVERSCAN = 10;

const MOVES: Readonly<Record<string, SelectionMove>> = {
  ArrowDown: 'down',
  ArrowUp: 'up',
  Home: 'first',
  End: 'last',
};

/**
 * The trace as a waterfall: one row per span in tree order, collapsible, each with its bar over the trace's time.
 * Rows have a fixed height and only the visible ones (plus {@link OVERSCAN}) are rendered, so 10,000 spans scroll
 * as easily as 10. Up and down move the selection, left and right collapse and expand.
 */
export function Waterfall(props: {
  trace: Trace;
  rows: readonly SpanRow[];
  selectedId: string | null;
  onSelect: (spanId: string | null) => void;
  className?: string;
}): ReactNode {
  const { trace, rows, selectedId, onSelect } = props;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [showCritical, setShowCritical] = useState(true);
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement | null>(null);
  const { ref: measure, height: viewportHeight } = useElementSize<HTMLDivElement>();
  const visible = useMemo(() => visibleRows(rows, collapsed), [rows, collapsed]);
  const segments = useMemo(() => criticalPath(trace), [trace]);
  const onPath = useMemo(() => criticalSpanIds(segments), [segments]);
  const pathBySpan = useMemo(() => segmentsBySpan(segments), [segments]);
  const ticks = useMemo(() => axisTicks(trace.durationMs), [trace.durationMs]);
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : visible.findIndex((row) => row.span.spanId === selectedId)),
    [visible, selectedId],
  );
  const range = virtualRange({
    scrollTop,
    viewportHeight,
    rowHeight: ROW_HEIGHT,
    rowCount: visible.length,
    overscan: OVERSCAN,
  });

  const setScroller = useCallback(
    (element: HTMLDivElement | null) => {
      scroller.current = element;
      return measure(element);
    },
    [measure],
  );
  const toggle = useCallback((spanId: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(spanId)) next.add(spanId);
      return next;
    });
  }, []);

  // Bring a newly selected span into view (the first error span on arrival, or one reached with the keyboard).
  const visibleRef = useRef(visible);
  useEffect(() => {
    visibleRef.current = visible;
  }, [visible]);
  useEffect(() => {
    const element = scroller.current;
    if (!element || selectedId === null) return;
    const index = visibleRef.current.findIndex((row) => row.span.spanId === selectedId);
    const top = scrollToReveal(index, ROW_HEIGHT, element.scrollTop, element.clientHeight);
    if (top !== null) element.scrollTop = top;
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const move = MOVES[event.key];
    const row = visible.find((r) => r.span.spanId === selectedId);
    if (move) onSelect(moveSelection(visible, selectedId, move));
    else if (event.key === 'ArrowLeft' && row) {
      if (row.childCount > 0 && !collapsed.has(row.span.spanId)) toggle(row.span.spanId);
      else onSelect(parentRowId(visible, row.span.spanId) ?? row.span.spanId);
    } else if (event.key === 'ArrowRight' && row && row.childCount > 0) {
      if (collapsed.has(row.span.spanId)) toggle(row.span.spanId);
      else onSelect(moveSelection(visible, row.span.spanId, 'down'));
    } else if (event.key === 'Escape') onSelect(null);
    else return;
    event.preventDefault();
  };

  const button =
    'rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
  return (
    <section
      data-testid="trace-waterfall"
      aria-label="Spans"
      className={`flex min-w-0 flex-col rounded border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900 ${props.className ?? ''}`}
    >
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-3 py-1.5 text-sm dark:border-slate-700">
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            data-testid="critical-path-toggle"
            checked={showCritical}
            onChange={(e) => setShowCritical(e.target.checked)}
            className="size-4"
          />
          Critical path
        </label>
        <button
          type="button"
          data-testid="waterfall-collapse-all"
          className={button}
          onClick={() =>
            setCollapsed(new Set(rows.filter((r) => r.childCount > 0).map((r) => r.span.spanId)))
          }
        >
          Collapse all
        </button>
        <button
          type="button"
          data-testid="waterfall-expand-all"
          className={button}
          onClick={() => setCollapsed(new Set())}
        >
          Expand all
        </button>
        <span className="ml-auto text-xs text-slate-500 tabular-nums dark:text-slate-400">
          {visible.length.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} spans shown · ↑↓
          to move, ←→ to fold
        </span>
      </div>
      <div
        className={`${WATERFALL_COLUMNS} h-7 overflow-hidden border-b border-slate-200 [scrollbar-gutter:stable] dark:border-slate-700`}
      >
        <div className="self-end px-3 pb-1 text-xs font-medium text-slate-500 dark:text-slate-400">
          Service · operation
        </div>
        <WaterfallAxis ticks={ticks} />
      </div>
      <div
        ref={setScroller}
        tabIndex={0}
        role="tree"
        aria-label="Spans of the trace"
        // Only a rendered row can be the active descendant.
        aria-activedescendant={
          selectedId !== null && selectedIndex >= range.start && selectedIndex < range.end
            ? rowElementId(selectedId)
            : undefined
        }
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        className="min-h-0 flex-1 overflow-y-auto outline-none [scrollbar-gutter:stable] focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-inset"
      >
        <div style={{ height: range.padTop }} />
        {visible.slice(range.start, range.end).map((row, i) => (
          <WaterfallRow
            key={`${range.start + i}:${row.span.spanId}`}
            row={row}
            trace={trace}
            ticks={ticks}
            selected={row.span.spanId === selectedId}
            collapsed={collapsed.has(row.span.spanId)}
            critical={onPath.has(row.span.spanId)}
            dimmed={showCritical && !onPath.has(row.span.spanId)}
            segments={showCritical ? pathBySpan.get(row.span.spanId) : undefined}
            onSelect={onSelect}
            onToggle={toggle}
          />
        ))}
        <div style={{ height: range.padBottom }} />
      </div>
    </section>
  );
}
