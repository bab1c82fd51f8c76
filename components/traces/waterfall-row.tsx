'use client';

import { memo, type ReactNode } from 'react';
import type { CriticalSegment } from '@/lib/traces/critical-path';
import { istioSpanFacts } from '@/lib/traces/istio-span';
import { serviceColor } from '@/lib/traces/service-colors';
import type { SpanRow } from '@/lib/traces/span-tree';
import { formatDuration } from './format';
import { GridLines } from './waterfall-axis';
import { barGeometry, barStyle, labelSide, type AxisTick } from './waterfall-layout';

/** Height of every waterfall row in pixels; the virtualisation depends on it being fixed. */
export const ROW_HEIGHT = 28;

/** The grid both the waterfall's header and its rows use: name column, then the timeline. */
export const WATERFALL_COLUMNS = 'grid grid-cols-[minmax(18rem,38%)_1fr]';

/** The element id of a span's row (for `aria-activedescendant`). */
export function rowElementId(spanId: string): string {
  return `span-row-${spanId}`;
}

function ErrorIcon(): ReactNode {
  return (
    <span
      role="img"
      aria-label="error"
      className="inline-flex size-4 shrink-0 items-center justify-center rounded-full bg-red-600 text-[10px] font-bold text-white"
    >
      !
    </span>
  );
}

/** One span of the waterfall: tree column (chevron, service, operation, badges) and its bar on the timeline. */
export const WaterfallRow = memo(function WaterfallRow(props: {
  row: SpanRow;
  trace: { startMs: number; durationMs: number };
  ticks: AxisTick[];
  selected: boolean;
  collapsed: boolean;
  /** On the critical path (whether or not the path is drawn). */
  critical: boolean;
  /** The critical path is drawn and this span is not on it: its bar steps back. */
  dimmed: boolean;
  /** This span's stretches of the critical path, when the path is drawn. */
  segments: readonly CriticalSegment[] | undefined;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}): ReactNode {
  const { row, trace, selected, collapsed, critical, segments } = props;
  const { span } = row;
  const error = span.status.code === 'error';
  const waypoint = istioSpanFacts(span).viaWaypoint;
  const bar = barGeometry(span.startMs, span.durationMs, trace);
  const side = labelSide(bar);
  const color = serviceColor(span.service);
  return (
    <div
      id={rowElementId(span.spanId)}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.childCount > 0 ? !collapsed : undefined}
      aria-selected={selected}
      data-testid="span-row"
      data-span-id={span.spanId}
      data-error={error}
      data-critical={critical}
      data-waypoint={waypoint}
      onClick={() => props.onSelect(span.spanId)}
      style={{ height: ROW_HEIGHT }}
      className={`${WATERFALL_COLUMNS} cursor-pointer border-b border-slate-100 text-sm dark:border-slate-800 ${
        selected
          ? 'bg-sky-100 dark:bg-sky-900/50'
          : error
            ? 'bg-red-50 hover:bg-red-100 dark:bg-red-950/40 dark:hover:bg-red-950/70'
            : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
      }`}
    >
      <div
        className="flex min-w-0 items-center gap-1 pr-2"
        style={{ paddingLeft: `min(${row.depth * 12 + 4}px, 45%)` }}
        title={`${span.service} ${span.name}`}
      >
        {row.childCount > 0 ? (
          <button
            type="button"
            tabIndex={-1}
            data-testid="span-toggle"
            aria-label={collapsed ? `Expand (${row.childCount} children)` : 'Collapse'}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle(span.spanId);
            }}
            className="flex size-4 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700"
          >
            <span aria-hidden className={`inline-block transition-transform ${collapsed ? '' : 'rotate-90'}`}>
              ›
            </span>
          </button>
        ) : (
          <span className="size-4 shrink-0" />
        )}
        {error && <ErrorIcon />}
        <span className="max-w-[45%] shrink-0 truncate font-medium" style={{ color }}>
          {span.service}
        </span>
        <span className="min-w-0 truncate text-slate-700 dark:text-slate-300">{span.name}</span>
        {collapsed && <span className="shrink-0 text-xs text-slate-500 tabular-nums">+{row.childCount}</span>}
        {waypoint && (
          <span
            data-testid="waypoint-badge"
            className="shrink-0 rounded bg-violet-100 px-1 text-[10px] font-semibold tracking-wide text-violet-800 uppercase dark:bg-violet-900/60 dark:text-violet-200"
          >
            waypoint
          </span>
        )}
        {row.orphan && (
          <span
            title="Its parent span is not in the trace"
            className="shrink-0 text-xs text-amber-700 dark:text-amber-400"
          >
            ⤴ no parent
          </span>
        )}
      </div>
      <div className="relative h-full min-w-0 overflow-hidden">
        <GridLines ticks={props.ticks} />
        <span
          aria-hidden
          className={`absolute top-1/2 h-3 -translate-y-1/2 rounded-sm ${error ? 'bg-red-600' : ''}`}
          style={{
            ...barStyle(bar),
            backgroundColor: error ? undefined : color,
            opacity: props.dimmed ? 0.45 : 0.9,
          }}
        />
        {segments?.map((segment) => (
          <span
            key={segment.startMs}
            data-testid="critical-segment"
            aria-hidden
            className="absolute top-1/2 h-1 -translate-y-1/2 bg-slate-900 dark:bg-white"
            style={barStyle(barGeometry(segment.startMs, segment.endMs - segment.startMs, trace), 1)}
          />
        ))}
        <span
          className={`absolute top-1/2 -translate-y-1/2 text-xs whitespace-nowrap tabular-nums ${
            error ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'
          }`}
          style={
            side === 'right'
              ? { left: `calc(${bar.leftPct + bar.widthPct}% + 6px)` }
              : { right: `calc(${100 - bar.leftPct}% + 6px)` }
          }
        >
          {formatDuration(span.durationMs)}
        </span>
      </div>
    </div>
  );
});
