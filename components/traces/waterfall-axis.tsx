import type { ReactNode } from 'react';
import { formatDuration } from './format';
import type { AxisTick } from './waterfall-layout';

/** The waterfall's time axis: offsets from the trace's start over the timeline column. */
export function WaterfallAxis({ ticks }: { ticks: AxisTick[] }): ReactNode {
  return (
    <div
      data-testid="waterfall-axis"
      className="relative h-full text-xs text-slate-500 tabular-nums dark:text-slate-400"
    >
      {ticks.map((tick) => (
        <span
          key={tick.ms}
          className="absolute bottom-1 border-l border-slate-300 pl-1 whitespace-nowrap dark:border-slate-600"
          // Labels near the right edge hang to the left of their tick, so they are not cut off.
          style={
            tick.pct > 85
              ? { right: `${100 - tick.pct}%`, borderLeft: 0, paddingRight: 4 }
              : { left: `${tick.pct}%` }
          }
        >
          {formatDuration(tick.ms)}
        </span>
      ))}
    </div>
  );
}

/** Faint vertical lines at the axis's ticks, behind a row's bar. */
export function GridLines({ ticks }: { ticks: AxisTick[] }): ReactNode {
  return (
    <>
      {ticks.map((tick) => (
        <span
          key={tick.ms}
          aria-hidden
          className="absolute inset-y-0 w-px bg-slate-100 dark:bg-slate-800"
          style={{ left: `${tick.pct}%` }}
        />
      ))}
    </>
  );
}
