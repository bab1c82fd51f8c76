'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SOURCE_LABELS } from '@/lib/health';
import { readyzQuery } from '@/lib/queries';
import { useViewState } from './use-view-state';

const consequence = {
  kubernetes: 'Namespaces, workloads and configuration may be stale or missing.',
  prometheus: 'Traffic, rates and health cannot be shown until it is back.',
  tempo: 'Trace search and trace views are unavailable.',
} as const;

/** A banner per source that is down, saying what it means for the pages; the pages themselves keep rendering. */
export function SourceBanner(): ReactNode {
  const { refreshMs } = useViewState();
  const { data } = useQuery(readyzQuery(refreshMs));
  const down = (data?.sources ?? []).filter((s) => s.state === 'down');
  if (down.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="source-banner"
      className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {down.map((s) => (
        <p key={s.source}>
          <strong>
            {SOURCE_LABELS[s.source]} ({s.source}) is down
          </strong>
          {s.lastError ? `: ${s.lastError.message}. ` : '. '}
          {consequence[s.source]}
        </p>
      ))}
    </div>
  );
}
