'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SOURCE_LABELS, type SourceHealth } from '@/lib/health';
import { readyzQuery } from '@/lib/queries';
import { useViewState } from './use-view-state';

const lightColour: Record<SourceHealth['state'], string> = {
  up: 'bg-emerald-500',
  down: 'bg-red-600',
  unconfigured: 'bg-slate-400',
};

/** One light per source (green up, red down, grey not configured), with the details on hover. */
export function StatusLights(): ReactNode {
  const { refreshMs } = useViewState();
  const { data, isError } = useQuery(readyzQuery(refreshMs));
  if (isError) {
    return (
      <span data-testid="status-lights" className="text-sm text-red-600 dark:text-red-400">
        Dashboard server not answering
      </span>
    );
  }
  return (
    <ul data-testid="status-lights" aria-label="Data sources" className="flex items-center gap-3 text-sm">
      {(data?.sources ?? []).map((s) => (
        <li
          key={s.source}
          data-testid={`status-light-${s.source}`}
          data-state={s.state}
          title={describe(s)}
          className="flex items-center gap-1.5"
        >
          <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${lightColour[s.state]}`} />
          <span className="text-slate-600 dark:text-slate-300">{SOURCE_LABELS[s.source]}</span>
          <span className="sr-only">{s.state}</span>
        </li>
      ))}
    </ul>
  );
}

function describe(s: SourceHealth): string {
  const parts = [`${SOURCE_LABELS[s.source]} (${s.source}): ${s.state}`];
  if (s.version) parts.push(`version ${s.version}`);
  if (s.latencyMs !== null) parts.push(`${Math.round(s.latencyMs)} ms`);
  if (s.detail) parts.push(s.detail);
  if (s.lastError) parts.push(`last error: ${s.lastError.message}`);
  return parts.join(' · ');
}
