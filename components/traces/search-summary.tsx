import type { ReactNode } from 'react';
import type { TraceSearchResult } from '@/lib/queries/traces';
import type { SourceErrorDTO } from '@/lib/source-error';
import { formatWindow, plural } from './format';
import { Notice } from './parts';

/** The window searched, as local times: `14:00:00–14:15:00 (last 15m)`. */
export function windowText(result: Pick<TraceSearchResult, 'start' | 'end'>, window: string): string {
  return formatWindow(result.start, result.end, window);
}

/** What ran: how many traces came back, the TraceQL Tempo was asked, and the window. */
export function SearchSummary(props: {
  result: TraceSearchResult;
  window: string;
  updating: boolean;
}): ReactNode {
  const { result, window, updating } = props;
  const full = result.traces.length >= result.limit;
  return (
    <div data-testid="trace-search-ran" className="mb-3 text-sm text-slate-600 dark:text-slate-300">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span
          aria-hidden
          className={`inline-block size-2 rounded-full ${updating ? 'animate-pulse bg-sky-500' : 'bg-slate-300 dark:bg-slate-600'}`}
        />
        <span className="font-medium text-slate-900 tabular-nums dark:text-slate-100">
          {plural(result.traces.length, 'trace')}
        </span>
        <span>for</span>
        <code
          data-testid="trace-search-traceql"
          className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-800 dark:bg-slate-800 dark:text-slate-200"
        >
          {result.traceql}
        </code>
        <span className="tabular-nums" data-testid="trace-search-window">
          {windowText(result, window)}
        </span>
      </p>
      {full && (
        <p data-testid="trace-search-limit" className="mt-1 text-xs text-amber-700 dark:text-amber-400">
          Showing the first {result.limit}: there may be more. Add a condition or shorten the window to see
          the rest.
        </p>
      )}
    </div>
  );
}

/** Sources that failed while the search still answered (or instead of it). */
export function SourceErrors(props: {
  errors: readonly SourceErrorDTO[];
  failed: boolean;
  onRetry: () => void;
}): ReactNode {
  if (props.errors.length === 0) return null;
  return (
    <Notice
      tone={props.failed ? 'error' : 'warning'}
      testId={props.failed ? 'trace-search-failed' : 'trace-search-warnings'}
      title={props.failed ? 'Traces could not be searched' : 'The results may be incomplete'}
      role={props.failed ? 'alert' : 'status'}
    >
      <ul className="list-disc pl-5">
        {props.errors.map((e) => (
          <li key={`${e.source}:${e.kind}:${e.message}`}>
            {e.source} ({e.kind.replace('_', ' ')}): {e.message}
          </li>
        ))}
      </ul>
      {props.failed && (
        <button type="button" className="mt-1 underline" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </Notice>
  );
}
