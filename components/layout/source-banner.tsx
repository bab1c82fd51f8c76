'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import type { SourceName } from '@/lib/source-error';
import { SOURCE_LABELS } from '@/lib/health';
import { readyzQuery } from '@/lib/queries';
import { useViewState } from './use-view-state';

const consequence = {
  kubernetes: 'Namespaces, workloads and configuration may be stale or missing.',
  prometheus: 'Traffic, rates and health cannot be shown until it is back.',
  tempo: 'Trace search and trace views are unavailable.',
} as const;

/**
 * The pages a source's outage matters to, by path prefix; absent: every page. Traces are read by the traces views
 * only, so Tempo being down is not everybody's alarm (its status light still says it).
 */
const AFFECTS: Partial<Record<SourceName, string>> = { tempo: '/traces' };

/** Whether a banner for the source belongs on the page at `pathname`. */
export function bannerApplies(source: SourceName, pathname: string): boolean {
  const prefix = AFFECTS[source];
  return prefix === undefined || pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * A banner per source that is down and matters to this page, saying what it means; the pages themselves keep
 * rendering.
 */
export function SourceBanner(): ReactNode {
  const { refreshMs } = useViewState();
  const pathname = usePathname();
  const { data } = useQuery(readyzQuery(refreshMs));
  const down = (data?.sources ?? []).filter((s) => s.state === 'down' && bannerApplies(s.source, pathname));
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
