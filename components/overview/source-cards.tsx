'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SOURCE_LABELS, type SourceHealth } from '@/lib/health';
import { readyzQuery } from '@/lib/queries';
import { useViewState } from '@/components/layout/use-view-state';

const stateText: Record<SourceHealth['state'], string> = {
  up: 'Up',
  down: 'Down',
  unconfigured: 'Not configured',
};
const stateClass: Record<SourceHealth['state'], string> = {
  up: 'text-emerald-700 dark:text-emerald-400',
  down: 'text-red-700 dark:text-red-400',
  unconfigured: 'text-slate-500',
};

/** A card per data source: state, version, probe latency, and the last error in words. */
export function SourceCards(): ReactNode {
  const { refreshMs } = useViewState();
  const { data, isPending, isError, error } = useQuery(readyzQuery(refreshMs));
  if (isPending) return <p className="text-sm text-slate-500">Checking data sources…</p>;
  if (isError)
    return <p className="text-sm text-red-700 dark:text-red-400">Data sources unknown: {error.message}</p>;
  return (
    <div className="grid gap-3 sm:grid-cols-3" data-testid="source-cards">
      {data.sources.map((s) => (
        <section
          key={s.source}
          data-testid={`source-card-${s.source}`}
          className="rounded border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
        >
          <h2 className="text-sm font-medium text-slate-500 dark:text-slate-400">
            {SOURCE_LABELS[s.source]} <span className="font-normal">({s.source})</span>
          </h2>
          <p className={`text-lg font-semibold ${stateClass[s.state]}`}>{stateText[s.state]}</p>
          <dl className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
            {s.version && <div>Version {s.version}</div>}
            {s.latencyMs !== null && <div>Answered in {Math.round(s.latencyMs)} ms</div>}
            {s.detail && <div>{s.detail}</div>}
            {s.lastError && <div className="text-red-700 dark:text-red-400">{s.lastError.message}</div>}
          </dl>
        </section>
      ))}
    </div>
  );
}
