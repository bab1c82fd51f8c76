import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Trace } from '@/lib/traces/types';
import type { ViewState } from '@/lib/view-state';
import { CopyButton } from './copy-button';
import { formatDateTime, formatDuration } from './format';
import { Notice, ServiceName } from './parts';
import { rootServiceText } from './trace-summary';
import { graphHref } from './view-links';

function Stat(props: { label: string; testId: string; children: ReactNode; alert?: boolean }): ReactNode {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{props.label}</dt>
      <dd
        data-testid={props.testId}
        className={`tabular-nums ${props.alert ? 'font-semibold text-red-700 dark:text-red-300' : 'font-medium'}`}
      >
        {props.children}
      </dd>
    </div>
  );
}

/**
 * The trace at a glance: its root service and operation, ID (copyable), start, duration and counts, a link to the
 * graph with the trace's path on it, and a warning when the backend sent only part of the trace.
 */
export function TraceHeader({ trace, view }: { trace: Trace; view: ViewState }): ReactNode {
  return (
    <>
      <header
        data-testid="trace-header"
        className="mb-3 rounded border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
      >
        <div className="flex flex-wrap items-start gap-3">
          <div className="min-w-0 flex-1">
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
              Trace
            </p>
            <h1 className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-lg font-semibold">
              <ServiceName service={rootServiceText(trace.rootService)} />
              <span className="min-w-0 font-normal break-all text-slate-700 dark:text-slate-300">
                {trace.rootName}
              </span>
            </h1>
          </div>
          <Link
            href={graphHref(trace.traceId, view)}
            data-testid="trace-show-on-graph"
            className="rounded border border-slate-300 px-2 py-1 text-sm text-sky-700 hover:bg-slate-100 dark:border-slate-600 dark:text-sky-300 dark:hover:bg-slate-800"
          >
            Show on graph
          </Link>
        </div>
        <dl className="mt-2 flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <Stat label="Trace ID" testId="trace-id">
            <span className="flex items-center gap-2">
              <code className="font-mono text-xs font-normal select-all">{trace.traceId}</code>
              <CopyButton text={trace.traceId} label="Copy trace ID" testId="trace-copy-id" />
            </span>
          </Stat>
          <Stat label="Start" testId="trace-start">
            {formatDateTime(trace.startMs)}
          </Stat>
          <Stat label="Duration" testId="trace-duration">
            {formatDuration(trace.durationMs)}
          </Stat>
          <Stat label="Spans" testId="trace-span-count">
            {trace.spans.length.toLocaleString('en-US')}
          </Stat>
          <Stat label="Services" testId="trace-service-count">
            {trace.serviceCount.toLocaleString('en-US')}
          </Stat>
          <Stat label="Errors" testId="trace-error-count" alert={trace.errorCount > 0}>
            {trace.errorCount.toLocaleString('en-US')}
          </Stat>
        </dl>
      </header>
      {trace.partial && (
        <Notice tone="warning" testId="trace-partial" title="Partial trace: some spans are missing">
          <p>
            {trace.partialReason ?? 'The trace backend sent less than the whole trace (it may be too large).'}{' '}
            The waterfall, the counts and the critical path cover only the spans shown.
          </p>
        </Notice>
      )}
    </>
  );
}
