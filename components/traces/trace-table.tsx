'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type ReactNode } from 'react';
import type { TraceSummary } from '@/lib/traces/types';
import type { ViewState } from '@/lib/view-state';
import { formatClock, formatDateTime, formatDuration } from './format';
import { ServiceName } from './parts';
import {
  DEFAULT_SORT,
  errorsText,
  isErrorTrace,
  rootServiceText,
  sortTraces,
  spansText,
  type TraceSort,
  type TraceSortKey,
} from './trace-summary';
import { traceHref } from './view-links';

const TH = 'px-3 py-2 font-medium text-slate-600 dark:text-slate-300';

function SortHeader(props: {
  label: string;
  sortKey: TraceSortKey;
  sort: TraceSort;
  onSort: (sort: TraceSort) => void;
  align?: 'right';
}): ReactNode {
  const active = props.sort.key === props.sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (props.sort.descending ? 'descending' : 'ascending') : 'none'}
      className={`${TH} ${props.align === 'right' ? 'text-right' : 'text-left'}`}
    >
      <button
        type="button"
        data-testid={`trace-sort-${props.sortKey}`}
        onClick={() =>
          props.onSort({ key: props.sortKey, descending: active ? !props.sort.descending : true })
        }
        className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white"
      >
        {props.label}
        <span aria-hidden className={active ? '' : 'invisible'}>
          {props.sort.descending ? '↓' : '↑'}
        </span>
      </button>
    </th>
  );
}

/**
 * The search's hits as a table, newest first (sortable by start, duration and errors). A row opens its trace,
 * keeping the shell's view in the link.
 */
export function TraceTable(props: {
  traces: readonly TraceSummary[];
  errorsOnly: boolean;
  view: ViewState;
}): ReactNode {
  const { traces, errorsOnly, view } = props;
  const router = useRouter();
  const [sort, setSort] = useState(DEFAULT_SORT);
  const sorted = useMemo(() => sortTraces(traces, sort), [traces, sort]);
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table data-testid="trace-table" className="w-full text-sm">
        <thead className="border-b border-slate-200 dark:border-slate-700">
          <tr>
            <SortHeader label="Start" sortKey="start" sort={sort} onSort={setSort} />
            <th scope="col" className={`${TH} text-left`}>
              Root service
            </th>
            <th scope="col" className={`${TH} text-left`}>
              Operation
            </th>
            <SortHeader label="Duration" sortKey="duration" sort={sort} onSort={setSort} align="right" />
            <th scope="col" className={`${TH} text-right`}>
              Spans
            </th>
            <SortHeader label="Errors" sortKey="errors" sort={sort} onSort={setSort} align="right" />
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {sorted.map((trace) => {
            const href = traceHref(trace.traceId, view);
            const error = isErrorTrace(trace, errorsOnly);
            return (
              <tr
                key={trace.traceId}
                data-testid="trace-row"
                data-trace-id={trace.traceId}
                data-error={error}
                onClick={(e) => {
                  // The link handles its own clicks (and middle or Ctrl clicks); the rest of the row follows it.
                  if ((e.target as HTMLElement).closest('a')) return;
                  router.push(href);
                }}
                className={`cursor-pointer border-b border-slate-100 last:border-0 hover:bg-sky-50 dark:border-slate-800 dark:hover:bg-slate-800 ${
                  error ? 'shadow-[inset_3px_0_0_#dc2626]' : ''
                }`}
              >
                <td className="px-3 py-1.5 whitespace-nowrap" title={formatDateTime(trace.startMs)}>
                  {formatClock(trace.startMs)}
                </td>
                <td className="max-w-56 px-3 py-1.5">
                  <ServiceName service={rootServiceText(trace.rootService)} />
                </td>
                <td className="max-w-md truncate px-3 py-1.5">
                  <Link
                    href={href}
                    className="text-sky-700 hover:underline dark:text-sky-300"
                    title={trace.rootName}
                  >
                    {trace.rootName || trace.traceId}
                  </Link>
                </td>
                <td className="px-3 py-1.5 text-right whitespace-nowrap">
                  {formatDuration(trace.durationMs)}
                </td>
                <td className="px-3 py-1.5 text-right whitespace-nowrap">{spansText(trace)}</td>
                <td
                  className={`px-3 py-1.5 text-right whitespace-nowrap ${
                    error ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-500'
                  }`}
                >
                  {errorsText(trace)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
