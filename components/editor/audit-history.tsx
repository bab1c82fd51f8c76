'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { configKeys } from '@/lib/queries/config';
import { auditQuery, writeKeys, type AuditFilter } from '@/lib/queries/write';
import type { AppliedAnswer } from '@/lib/write/types';
import { AuditRecordRow } from './audit-record-row';

/**
 * The audit records of one object (or of every change), newest first, each with its diff and a one-click
 * Revert. `csrfToken` null (read-only) hides Revert; the history itself is still shown.
 */
export function AuditHistory(props: {
  filter: AuditFilter;
  csrfToken: string | null;
  onReverted?: (answer: AppliedAnswer) => void;
  testId?: string;
}): ReactNode {
  const client = useQueryClient();
  const query = useQuery(auditQuery(props.filter));
  const showObject = props.filter.name === undefined;
  const reverted = (answer: AppliedAnswer): void => {
    void client.invalidateQueries({ queryKey: writeKeys.audits });
    void client.invalidateQueries({ queryKey: configKeys.all });
    props.onReverted?.(answer);
  };
  return (
    <div data-testid={props.testId ?? 'audit-history'}>
      {query.isPending ? (
        <p className="text-sm text-slate-500">Reading the history…</p>
      ) : query.isError ? (
        <p className="text-sm text-red-700 dark:text-red-400">
          The history could not be read: {query.error.message}
        </p>
      ) : query.data.records.length === 0 ? (
        <p data-testid="audit-empty" className="text-sm text-slate-500">
          No change made through the dashboard yet.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700">
          {query.data.records.map((record) => (
            <AuditRecordRow
              key={record.id}
              record={record}
              showObject={showObject}
              csrfToken={props.csrfToken}
              onReverted={reverted}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
