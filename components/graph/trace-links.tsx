'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useViewState } from '@/components/layout/use-view-state';
import type { TraceQueries } from '@/lib/graph/trace-queries';
import { formatMs } from '@/lib/graph/view';
import { writeViewState } from '@/lib/view-state';
import { PanelHeading } from './detail-parts';

const LINK =
  'rounded border border-slate-300 px-2 py-1 text-sky-700 hover:bg-slate-100 dark:border-slate-600 dark:text-sky-300 dark:hover:bg-slate-800';

/**
 * "Error traces" and "Slow traces" for the selected edge or node: links to the traces page with the TraceQL filled
 * in and the shell's window and namespaces carried along; or, where nothing on the hop makes spans, why not.
 */
export function TraceLinks({ queries }: { queries: TraceQueries }): ReactNode {
  const { view } = useViewState();
  const href = (traceql: string): string =>
    `/traces?${writeViewState(new URLSearchParams({ q: traceql }), view).toString()}`;
  return (
    <>
      <PanelHeading>Traces</PanelHeading>
      {'unavailable' in queries ? (
        <p data-testid="graph-traces-unavailable" className="text-sm text-slate-500">
          {queries.unavailable}
        </p>
      ) : (
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href={href(queries.errors)} data-testid="graph-link-error-traces" className={LINK}>
            Error traces
          </Link>
          {queries.slow !== null && queries.slowAboveMs !== null && (
            <Link href={href(queries.slow)} data-testid="graph-link-slow-traces" className={LINK}>
              Slow traces (over p95, {formatMs(queries.slowAboveMs)})
            </Link>
          )}
        </div>
      )}
    </>
  );
}
