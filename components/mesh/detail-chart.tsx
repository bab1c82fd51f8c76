import type { ReactNode } from 'react';
import type { DetailSeries, SeriesPoint } from '@/lib/mesh/detail-types';
import type { MeshViewMeta } from '@/lib/mesh/views-types';
import { linearTicks, niceStep, timeTicks } from '@/components/traces/chart-scale';
import { formatShortClock } from '@/components/traces/format';
import { chartWindow } from './detail-format';
import { SectionHeading } from './mesh-parts';

/** Plot size and margins, px (the SVG scales down with its box). */
const WIDTH = 360;
const HEIGHT = 130;
const MARGIN = { top: 8, right: 8, bottom: 20, left: 44 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** One line of a chart: a value per point, null where there is none (the line breaks there). */
export interface ChartLine {
  label: string;
  values: readonly (number | null)[];
  /** Tailwind stroke classes. */
  className: string;
}

/** The top of a value axis from 0: the first nice tick at or over the highest value (1 when all are 0). */
export function axisTop(values: readonly (number | null)[]): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (max <= 0) return 1;
  const step = niceStep(max, 3);
  return Number((Math.ceil(max / step) * step).toPrecision(12));
}

/**
 * The SVG path of a line scaled into the plot: x by time from `startMs` to `endMs`, y from 0 to `top`; a null
 * value ends the segment, so gaps show as gaps rather than as zeros.
 */
export function linePath(
  times: readonly number[],
  values: readonly (number | null)[],
  x: { startMs: number; endMs: number; width: number },
  y: { top: number; height: number },
): string {
  const span = Math.max(1, x.endMs - x.startMs);
  const parts: string[] = [];
  let open = false;
  values.forEach((value, i) => {
    const t = times[i];
    if (value === null || t === undefined || !Number.isFinite(value)) {
      open = false;
      return;
    }
    const px = ((t - x.startMs) / span) * x.width;
    const py = y.height - (Math.min(value, y.top) / y.top) * y.height;
    parts.push(`${open ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`);
    open = true;
  });
  return parts.join(' ');
}

/** A small line chart with a value axis from 0 and a clock-time axis over the window. */
export function LineChart(props: {
  title: string;
  unit: string;
  times: readonly number[];
  lines: readonly ChartLine[];
  startMs: number;
  endMs: number;
  format: (value: number) => string;
}): ReactNode {
  const { times, lines, startMs, endMs } = props;
  const top = axisTop(lines.flatMap((l) => l.values));
  const yTicks = linearTicks(0, top, 3);
  const { ticks: xTicks, stepMs } = timeTicks(startMs, endMs, 4);
  const withSeconds = stepMs < 60_000;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full max-w-[420px]"
      role="img"
      aria-label={`${props.title} (${props.unit})`}
    >
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        {yTicks.map((v) => {
          const y = PLOT_H - (v / top) * PLOT_H;
          return (
            <g key={`y${v}`}>
              <line x1={0} x2={PLOT_W} y1={y} y2={y} className="stroke-slate-200 dark:stroke-slate-700" />
              <text x={-4} y={y + 3} textAnchor="end" className="fill-slate-500 text-[9px] tabular-nums">
                {props.format(v)}
              </text>
            </g>
          );
        })}
        {xTicks.map((t) => {
          const x = ((t - startMs) / Math.max(1, endMs - startMs)) * PLOT_W;
          return (
            <text
              key={`x${t}`}
              x={x}
              y={PLOT_H + 13}
              textAnchor="middle"
              className="fill-slate-500 text-[9px]"
            >
              {formatShortClock(t, withSeconds)}
            </text>
          );
        })}
        <line x1={0} x2={PLOT_W} y1={PLOT_H} y2={PLOT_H} className="stroke-slate-400 dark:stroke-slate-500" />
        {lines.map((line) => (
          <path
            key={line.label}
            d={linePath(times, line.values, { startMs, endMs, width: PLOT_W }, { top, height: PLOT_H })}
            fill="none"
            strokeWidth="1.5"
            className={line.className}
          >
            <title>{line.label}</title>
          </path>
        ))}
      </g>
    </svg>
  );
}

const rateText = (v: number): string => (v === 0 ? '0' : v < 1 ? v.toFixed(2) : String(Number(v.toFixed(1))));
const msText = (v: number): string => (v >= 1000 ? `${Number((v / 1000).toFixed(1))}s` : `${Math.round(v)}`);

/** A direction's two charts: requests/s with the errors in red, and p95 latency; or why there is nothing to draw. */
export function DirectionCharts(props: {
  direction: 'inbound' | 'outbound';
  series: DetailSeries;
  startMs: number;
  endMs: number;
}): ReactNode {
  const { series, direction } = props;
  const points: readonly SeriesPoint[] = series.points;
  const times = points.map((p) => p.t * 1000);
  const hasRequests = points.some((p) => p.requestsPerSecond > 0);
  const hasConnections = points.some((p) => p.connectionsPerSecond > 0);
  const empty = !series.known
    ? 'metrics unavailable'
    : points.length === 0
      ? 'no traffic in the window'
      : null;
  return (
    <figure
      data-testid="detail-chart"
      data-direction={direction}
      data-points={points.length}
      className="rounded border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900"
    >
      <figcaption className="mb-1 text-sm font-semibold capitalize">
        {direction}
        {series.reporters.length > 0 && (
          <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">
            as reported by {series.reporters.join(', ')}
          </span>
        )}
      </figcaption>
      {empty !== null ? (
        <p className="py-6 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <div className="grid gap-2 sm:grid-cols-2">
          <div>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {hasRequests || !hasConnections ? 'requests/s, ' : 'connections/s'}
              {(hasRequests || !hasConnections) && (
                <span className="text-red-600 dark:text-red-400">errors/s</span>
              )}
            </p>
            <LineChart
              title={`${direction} rate`}
              unit="per second"
              times={times}
              startMs={props.startMs}
              endMs={props.endMs}
              format={rateText}
              lines={
                hasRequests || !hasConnections
                  ? [
                      {
                        label: 'requests/s',
                        values: points.map((p) => p.requestsPerSecond),
                        className: 'stroke-sky-600 dark:stroke-sky-400',
                      },
                      {
                        label: 'errors/s',
                        values: points.map((p) => p.errorsPerSecond),
                        className: 'stroke-red-600 dark:stroke-red-400',
                      },
                    ]
                  : [
                      {
                        label: 'connections/s',
                        values: points.map((p) => p.connectionsPerSecond),
                        className: 'stroke-violet-600 dark:stroke-violet-400',
                      },
                    ]
              }
            />
          </div>
          <div>
            <p className="text-xs text-slate-500 dark:text-slate-400">p95 latency, ms</p>
            <LineChart
              title={`${direction} p95 latency`}
              unit="milliseconds"
              times={times}
              startMs={props.startMs}
              endMs={props.endMs}
              format={msText}
              lines={[
                {
                  label: 'p95 ms',
                  values: points.map((p) => p.p95Ms),
                  className: 'stroke-amber-600 dark:stroke-amber-400',
                },
              ]}
            />
          </div>
        </div>
      )}
    </figure>
  );
}

/** The "Traffic" section of the namespace and workload pages: inbound and outbound charts over the window. */
export function TrafficSection(props: {
  traffic: { inbound: DetailSeries; outbound: DetailSeries };
  meta: Pick<MeshViewMeta, 'end' | 'windowSeconds'>;
  /** The shell's window as people chose it, e.g. `5m`. */
  windowLabel: string;
}): ReactNode {
  const window = chartWindow(props.meta);
  return (
    <>
      <SectionHeading note={`last ${props.windowLabel}, each call counted once`}>Traffic</SectionHeading>
      <div className="grid gap-3 xl:grid-cols-2">
        <DirectionCharts direction="inbound" series={props.traffic.inbound} {...window} />
        <DirectionCharts direction="outbound" series={props.traffic.outbound} {...window} />
      </div>
    </>
  );
}
