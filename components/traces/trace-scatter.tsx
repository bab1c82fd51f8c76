'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type ReactNode } from 'react';
import type { TraceSummary } from '@/lib/traces/types';
import type { ViewState } from '@/lib/view-state';
import { durationAxis, linearAt, timeTicks } from './chart-scale';
import { formatDateTime, formatDuration, formatShortClock } from './format';
import { isErrorTrace, rootServiceText, spansText } from './trace-summary';
import { useElementSize } from './use-element-size';
import { traceHref } from './view-links';

const HEIGHT = 200;
const MARGIN = { top: 10, right: 16, bottom: 24, left: 60 };
const DOT_RADIUS = 5;
const COLORS = { error: '#dc2626', ok: '#2563eb' };

interface Dot {
  trace: TraceSummary;
  x: number;
  y: number;
  error: boolean;
}

function Tooltip({ dot, width }: { dot: Dot; width: number }): ReactNode {
  const { trace } = dot;
  // Flip to the left of the dot in the right half, so that it stays inside the plot.
  const flip = dot.x > width / 2;
  return (
    <div
      data-testid="trace-tooltip"
      role="tooltip"
      className="pointer-events-none absolute z-10 w-64 rounded border border-slate-300 bg-white px-2 py-1.5 text-xs shadow-lg dark:border-slate-600 dark:bg-slate-800"
      style={{ top: Math.max(0, dot.y - 20), left: flip ? dot.x - 8 - 256 : dot.x + 12 }}
    >
      <p className="truncate font-medium">{rootServiceText(trace.rootService)}</p>
      <p className="truncate text-slate-600 dark:text-slate-300">{trace.rootName || '–'}</p>
      <p className="mt-1 tabular-nums">
        <span className={dot.error ? 'font-semibold text-red-700 dark:text-red-300' : ''}>
          {formatDuration(trace.durationMs)}
        </span>{' '}
        · {spansText(trace)} spans{trace.errorCount ? ` · ${trace.errorCount} errors` : ''}
      </p>
      <p className="text-slate-500 tabular-nums dark:text-slate-400">{formatDateTime(trace.startMs)}</p>
    </div>
  );
}

/**
 * The search's hits as dots: start time across the window, duration up (logarithmic when the durations differ a
 * lot), failed traces red. A dot is a link to its trace (Tab reaches it, Enter opens it); hover or focus shows a
 * tooltip. Plain SVG, sized to its container.
 */
export function TraceScatter(props: {
  traces: readonly TraceSummary[];
  startMs: number;
  endMs: number;
  errorsOnly: boolean;
  view: ViewState;
}): ReactNode {
  const { traces, startMs, endMs, errorsOnly, view } = props;
  const router = useRouter();
  const { ref, width: measured } = useElementSize<HTMLDivElement>();
  const width = measured > 0 ? measured : 800;
  const [hovered, setHovered] = useState<string | null>(null);
  const plotW = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const yAxis = useMemo(() => durationAxis(traces.map((t) => t.durationMs)), [traces]);
  const xAxis = useMemo(
    () => timeTicks(startMs, endMs, Math.max(2, Math.floor(plotW / 110))),
    [startMs, endMs, plotW],
  );
  const dots = useMemo(() => {
    const all = traces.map((trace): Dot => ({
      trace,
      x: MARGIN.left + linearAt(trace.startMs, startMs, endMs) * plotW,
      y: MARGIN.top + (1 - yAxis.at(trace.durationMs)) * plotH,
      error: isErrorTrace(trace, errorsOnly),
    }));
    // Failed traces last, so that they are drawn over the others.
    return [...all.filter((d) => !d.error), ...all.filter((d) => d.error)];
  }, [traces, startMs, endMs, plotW, plotH, yAxis, errorsOnly]);
  const hoveredDot = dots.find((d) => d.trace.traceId === hovered);
  const withSeconds = xAxis.stepMs < 60_000;

  return (
    <div
      ref={ref}
      data-testid="trace-scatter"
      className="relative mb-3 rounded border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <svg
        width={width}
        height={HEIGHT}
        role="group"
        aria-label={`Trace durations over time, ${traces.length} traces`}
        className="block text-slate-500 dark:text-slate-400"
      >
        {yAxis.ticks.map((tick) => {
          const y = MARGIN.top + (1 - yAxis.at(tick)) * plotH;
          return (
            <g key={`y${tick}`}>
              <line
                x1={MARGIN.left}
                x2={width - MARGIN.right}
                y1={y}
                y2={y}
                stroke="currentColor"
                strokeOpacity={0.15}
              />
              <text
                x={MARGIN.left - 6}
                y={y}
                dy="0.32em"
                textAnchor="end"
                fontSize={11}
                fill="currentColor"
                className="tabular-nums"
              >
                {formatDuration(tick)}
              </text>
            </g>
          );
        })}
        {xAxis.ticks.map((tick) => {
          const x = MARGIN.left + linearAt(tick, startMs, endMs) * plotW;
          return (
            <text
              key={`x${tick}`}
              x={x}
              y={HEIGHT - 6}
              textAnchor="middle"
              fontSize={11}
              fill="currentColor"
              className="tabular-nums"
            >
              {formatShortClock(tick, withSeconds)}
            </text>
          );
        })}
        <line
          x1={MARGIN.left}
          x2={width - MARGIN.right}
          y1={MARGIN.top + plotH}
          y2={MARGIN.top + plotH}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        {dots.map((dot) => (
          <a
            key={dot.trace.traceId}
            href={traceHref(dot.trace.traceId, view)}
            data-testid="trace-dot"
            data-trace-id={dot.trace.traceId}
            data-error={dot.error}
            aria-label={`${dot.error ? 'Failed trace' : 'Trace'} ${rootServiceText(dot.trace.rootService)} ${dot.trace.rootName}, ${formatDuration(dot.trace.durationMs)}, at ${formatDateTime(dot.trace.startMs)}`}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              router.push(traceHref(dot.trace.traceId, view));
            }}
            onMouseEnter={() => setHovered(dot.trace.traceId)}
            onMouseLeave={() => setHovered(null)}
            onFocus={() => setHovered(dot.trace.traceId)}
            onBlur={() => setHovered(null)}
            className="cursor-pointer outline-none [&:focus-visible>circle]:stroke-sky-500 [&:focus-visible>circle]:stroke-[3]"
          >
            <circle
              cx={dot.x}
              cy={dot.y}
              r={hovered === dot.trace.traceId ? DOT_RADIUS + 2 : DOT_RADIUS}
              fill={dot.error ? COLORS.error : COLORS.ok}
              fillOpacity={0.75}
              stroke={dot.error ? COLORS.error : COLORS.ok}
              strokeWidth={1}
            />
          </a>
        ))}
      </svg>
      <p className="flex justify-end gap-3 px-3 pb-1.5 text-xs text-slate-500 dark:text-slate-400">
        <span>
          <span aria-hidden style={{ color: COLORS.error }}>
            ●
          </span>{' '}
          with errors
        </span>
        <span>
          <span aria-hidden style={{ color: COLORS.ok }}>
            ●
          </span>{' '}
          without
        </span>
        <span>duration, {yAxis.kind === 'log' ? 'log scale' : 'linear'}</span>
      </p>
      {hoveredDot && <Tooltip dot={hoveredDot} width={width} />}
    </div>
  );
}
