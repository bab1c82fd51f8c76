'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useQueryString } from '@/components/layout/use-view-state';
import type { TraceOnGraph } from './use-trace-path';

/**
 * Above the graph while a trace is drawn on it: which trace, how many of its calls are drawn and failed, which
 * could not be found in this graph (another window or namespace), a way back to the trace and a way out.
 */
export function TraceBanner(props: {
  traceId: string;
  traced: TraceOnGraph;
  onClear: () => void;
}): ReactNode {
  const { traceId, traced, onClear } = props;
  const query = useQueryString();
  const back = new URLSearchParams(query);
  for (const key of ['trace', 'type', 'layers', 'waypoints', 'label', 'find', 'hide', 'anim'])
    back.delete(key);
  const failed = traced.calls.filter((c) => c.error).length;
  const missing = traced.path?.missing.length ?? 0;
  let text: string;
  if (traced.error !== null) text = `could not be read: ${traced.error}`;
  else if (traced.pending) text = 'reading…';
  else
    text =
      `${traced.calls.length} call${traced.calls.length === 1 ? '' : 's'}` +
      (failed > 0 ? `, ${failed} failed (red)` : '') +
      (missing > 0 ? `; ${missing} not in this graph (other namespaces, or outside the window)` : '');
  return (
    <div
      data-testid="graph-trace-banner"
      role="status"
      className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-violet-300 bg-violet-50 px-3 py-1.5 text-sm text-violet-950 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100"
    >
      <span>
        <strong>Trace</strong> <code className="font-mono text-xs">{traceId.slice(0, 16)}…</code>: {text}
      </span>
      <Link
        href={`/traces/${encodeURIComponent(traceId)}${back.size > 0 ? `?${back.toString()}` : ''}`}
        className="text-violet-800 underline dark:text-violet-200"
        data-testid="graph-trace-open"
      >
        Open trace
      </Link>
      <button type="button" onClick={onClear} className="underline" data-testid="graph-trace-clear">
        Clear
      </button>
    </div>
  );
}
