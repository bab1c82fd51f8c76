'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useViewState } from '@/components/layout/use-view-state';
import { EmptyState } from '@/components/ui/empty-state';
import { ApiError } from '@/lib/api/fetch-json';
import { traceQuery } from '@/lib/queries/traces';
import { spanRows } from '@/lib/traces/span-tree';
import type { Trace } from '@/lib/traces/types';
import type { ViewState } from '@/lib/view-state';
import { Loading, Notice } from './parts';
import { SpanDetails } from './span-details';
import { TraceHeader } from './trace-header';
import { Waterfall } from './waterfall';
import { failingSpanId } from './waterfall-layout';

/** The waterfall and the details fill the screen under the header. */
const FRAME = 'h-[calc(100vh-16rem)] min-h-[28rem]';

function LoadedTrace({ trace, view }: { trace: Trace; view: ViewState }): ReactNode {
  const rows = useMemo(() => spanRows(trace), [trace]);
  // A failing trace opens on the span where the failure began: seeing it takes no extra click.
  const [selectedId, setSelectedId] = useState<string | null>(() => failingSpanId(rows));
  const onSelect = useCallback((spanId: string | null) => setSelectedId(spanId), []);
  const selected = useMemo(
    () => (selectedId === null ? undefined : trace.spans.find((span) => span.spanId === selectedId)),
    [trace, selectedId],
  );
  return (
    <div data-testid="trace-view">
      <TraceHeader trace={trace} view={view} />
      {trace.spans.length === 0 ? (
        <EmptyState testId="trace-no-spans" title="The trace has no spans">
          The backend knows the trace ID but sent no spans; they may still be on their way. Reload in a
          moment.
        </EmptyState>
      ) : (
        <div className={`${FRAME} flex gap-2`}>
          <Waterfall
            trace={trace}
            rows={rows}
            selectedId={selectedId}
            onSelect={onSelect}
            className="flex-1"
          />
          <aside
            aria-label="Span details"
            className="w-96 shrink-0 overflow-y-auto rounded border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
          >
            {selected ? (
              <SpanDetails span={selected} traceStartMs={trace.startMs} />
            ) : (
              <p data-testid="span-details-empty" className="text-sm text-slate-500 dark:text-slate-400">
                Click a span (or focus the waterfall and use ↑ ↓) to see its timing, Istio attributes and
                events.
              </p>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}

/** The trace page's client part: reads one trace and shows its header, waterfall and the selected span. */
export function TraceView({ traceId }: { traceId: string }): ReactNode {
  const { view } = useViewState();
  const query = useQuery(traceQuery(traceId));
  if (query.isPending) return <Loading testId="trace-loading" text="Reading the trace…" height={FRAME} />;
  if (query.isError) {
    const { error } = query;
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 404) {
      return (
        <EmptyState testId="trace-not-found" title="Trace not found">
          The trace backend has no trace <code className="font-mono text-xs break-all">{traceId}</code>. It
          may have expired (Tempo keeps traces for a limited time) or not be ingested yet.
        </EmptyState>
      );
    }
    if (status === 400) {
      return (
        <EmptyState testId="trace-bad-id" title="Not a trace ID">
          {error.message}
        </EmptyState>
      );
    }
    return (
      <Notice tone="error" testId="trace-error" title="The trace could not be read" role="alert">
        <p>{error.message}</p>
        <button type="button" className="mt-1 underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </Notice>
    );
  }
  const trace = query.data.data;
  return <LoadedTrace key={trace.traceId} trace={trace} view={view} />;
}
