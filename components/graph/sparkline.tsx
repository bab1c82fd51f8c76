import type { ReactNode } from 'react';
import type { SeriesPoint } from './series-history';

/** The SVG path of a series scaled into a box (x by time, y from 0 to `max`). */
export function sparkPath(
  values: readonly { t: number; v: number }[],
  width: number,
  height: number,
  max: number,
): string {
  if (values.length === 0) return '';
  const t0 = values[0]?.t ?? 0;
  const span = Math.max(1, (values.at(-1)?.t ?? t0) - t0);
  return values
    .map(({ t, v }, i) => {
      const x = values.length === 1 ? width : ((t - t0) / span) * width;
      const y = height - (max > 0 ? (v / max) * (height - 2) : 0) - 1;
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/**
 * A small line of requests per second (grey-blue) with the failed ones under it (red), for the side panel. Shows
 * whatever points it is given; with fewer than two, shows `empty` (by default: that the line grows with each
 * refresh).
 */
export function Sparkline(props: {
  points: readonly SeriesPoint[];
  caption: string;
  /** What to say when there are fewer than two points. */
  empty?: string;
}): ReactNode {
  const { points, caption, empty = 'the line grows with each refresh' } = props;
  const width = 240;
  const height = 40;
  const max = Math.max(0, ...points.map((p) => p.rps));
  const total = sparkPath(
    points.map((p) => ({ t: p.t, v: p.rps })),
    width,
    height,
    max,
  );
  const failed = sparkPath(
    points.map((p) => ({ t: p.t, v: p.failed })),
    width,
    height,
    max,
  );
  return (
    <figure data-testid="graph-sparkline" data-points={points.length} className="mt-1">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={caption}>
        <rect x="0" y="0" width={width} height={height} className="fill-slate-100 dark:fill-slate-800" />
        {points.length > 1 ? (
          <>
            <path d={total} fill="none" strokeWidth="1.5" className="stroke-sky-600 dark:stroke-sky-400" />
            {points.some((p) => p.failed > 0) && (
              <path d={failed} fill="none" strokeWidth="1.5" className="stroke-red-600 dark:stroke-red-400" />
            )}
          </>
        ) : (
          <text x={width / 2} y={height / 2 + 4} textAnchor="middle" className="fill-slate-500 text-[10px]">
            {empty}
          </text>
        )}
      </svg>
      <figcaption className="text-[11px] text-slate-500">{caption}</figcaption>
    </figure>
  );
}
