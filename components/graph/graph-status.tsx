import type { ReactNode } from 'react';
import type { GraphResponse } from '@/lib/graph/types';
import type { GraphView } from '@/lib/graph/view';

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour12: false });
}

/**
 * One line about the answer on screen (when, how big, how long it took), then what went wrong without stopping the
 * page: sources that could not be read, a refresh that failed, everything hidden by the Hide expression.
 */
export function GraphStatus(props: {
  data: GraphResponse | undefined;
  view: GraphView | null;
  refreshError: string | null;
  updating: boolean;
}): ReactNode {
  const { data, view, refreshError, updating } = props;
  const notice = 'mb-2 rounded border px-3 py-1.5 text-sm';
  return (
    <>
      {data && (
        <p data-testid="graph-updated" className="mb-2 flex items-center gap-2 text-xs text-slate-500">
          <span
            aria-hidden
            className={`inline-block size-2 rounded-full ${updating ? 'animate-pulse bg-sky-500' : 'bg-slate-300 dark:bg-slate-600'}`}
          />
          Traffic up to {time(data.meta.end)} over the last {Math.round(data.meta.windowSeconds / 60)} min ·{' '}
          {data.nodes.length} nodes, {data.edges.length} edges · answered in{' '}
          {Math.round(data.meta.durationMs)} ms
        </p>
      )}
      {data && data.errors.length > 0 && (
        <div
          data-testid="graph-errors"
          role="status"
          className={`${notice} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200`}
        >
          <p className="font-medium">The graph may be incomplete:</p>
          <ul className="list-disc pl-5">
            {data.errors.map((e) => (
              <li key={`${e.source}:${e.message}`}>
                {e.source}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {refreshError && (
        <p
          data-testid="graph-refresh-error"
          role="status"
          className={`${notice} border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200`}
        >
          The last refresh failed ({refreshError}); showing the graph from{' '}
          {data ? time(data.meta.end) : 'before'}.
        </p>
      )}
      {data && view && data.nodes.length > 0 && view.nodes.length === 0 && (
        <p
          data-testid="graph-all-hidden"
          className={`${notice} border-slate-300 text-slate-600 dark:border-slate-600`}
        >
          Everything is hidden: clear the Hide expression or turn waypoints back on.
        </p>
      )}
    </>
  );
}
