'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { capabilitiesQuery } from '@/lib/queries/write';
import { AuditHistory } from './audit-history';

/** Every change made through the dashboard, newest first, with Revert unless the dashboard is read-only. */
export function HistoryView(): ReactNode {
  const capabilities = useQuery(capabilitiesQuery());
  const token = capabilities.data?.readOnly === false ? capabilities.data.csrfToken : null;
  return (
    <div className="rounded border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      {capabilities.data?.readOnly && (
        <p data-testid="history-read-only" className="mb-2 text-sm text-slate-500">
          The dashboard is read-only: the history is shown, and nothing can be reverted from here.
        </p>
      )}
      <AuditHistory filter={{ limit: 200 }} csrfToken={token} testId="audit-history-all" />
    </div>
  );
}
