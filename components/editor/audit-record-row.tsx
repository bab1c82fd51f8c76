'use client';

import { useState, type ReactNode } from 'react';
import { postJson, type WriteOutcome } from '@/lib/queries/write';
import { resourceVersionOf } from '@/lib/editor/session';
import type { AppliedAnswer, AuditRecord, RevertRequest } from '@/lib/write/types';
import { DiffView } from './diff-view';
import { auditTime } from './panel-format';
import { BUTTON } from './ui';
import { WriteResultView } from './write-result';

/**
 * The base a revert is conditioned on: the version this record produced, so that a revert never silently throws
 * away a later change (that answers 409, and "Revert anyway" then names the live version on purpose). A delete
 * produced nothing: its revert creates the object again, from no base.
 */
export function revertBase(record: AuditRecord): string | undefined {
  return record.action === 'delete' ? undefined : record.resourceVersion;
}

/** One audit record: who, when, what; its diff on demand; and Revert. */
export function AuditRecordRow(props: {
  record: AuditRecord;
  showObject: boolean;
  csrfToken: string | null;
  onReverted: (answer: AppliedAnswer) => void;
}): ReactNode {
  const { record } = props;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<WriteOutcome | null>(null);
  const [ack, setAck] = useState(false);
  const revert = async (base: string | undefined): Promise<void> => {
    if (props.csrfToken === null) return;
    setBusy(true);
    const body: RevertRequest = {
      auditId: record.id,
      ...(base !== undefined ? { baseResourceVersion: base } : {}),
      ...(ack ? { acknowledgeGitOps: true } : {}),
    };
    const result = await postJson('/api/write/revert', body, props.csrfToken);
    setBusy(false);
    setAnswer(result);
    if (result.outcome === 'applied') props.onReverted(result);
  };
  const conflictTheirs = answer?.outcome === 'conflict' ? answer.conflict.theirs : null;
  return (
    <li
      data-testid="audit-record"
      data-audit-id={record.id}
      data-action={record.action}
      className="py-2 text-sm"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="tabular-nums text-slate-600 dark:text-slate-400" title={record.when}>
          {auditTime(record.when)}
        </span>
        <span data-testid="audit-action" className="font-medium">
          {record.action}
          {record.revertOf ? ' (revert)' : ''}
        </span>
        {props.showObject && (
          <span>
            {record.kind} {record.namespace}/{record.name}
          </span>
        )}
        <span className="text-slate-500">by {record.who}</span>
        <button
          type="button"
          data-testid="audit-diff-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          className={BUTTON.link}
        >
          {open ? 'Hide diff' : 'Diff'}
        </button>
        {props.csrfToken !== null && (
          <button
            type="button"
            data-testid="audit-revert"
            disabled={busy}
            onClick={() => void revert(revertBase(record))}
            className={`${BUTTON.secondary} ml-auto`}
          >
            {busy ? 'Reverting…' : 'Revert'}
          </button>
        )}
      </div>
      {open && (
        <div className="mt-2">
          <DiffView diff={record.diff} testId="audit-diff" />
        </div>
      )}
      {answer !== null && (
        <div className="mt-2 space-y-2">
          <WriteResultView
            result={{ action: 'revert', answer, yaml: record.before }}
            namespace={record.namespace}
            onUndo={() => undefined}
            onRebase={() => undefined}
            acknowledged={ack}
            onAcknowledge={setAck}
          />
          {conflictTheirs !== null && record.action !== 'delete' && (
            <button
              type="button"
              data-testid="audit-revert-anyway"
              onClick={() => void revert(resourceVersionOf(conflictTheirs))}
              className={BUTTON.danger}
            >
              Revert anyway (overwrite the later change)
            </button>
          )}
          {answer.outcome === 'gitops' && ack && (
            <button
              type="button"
              onClick={() => void revert(revertBase(record))}
              className={BUTTON.secondary}
            >
              Revert anyway
            </button>
          )}
        </div>
      )}
    </li>
  );
}
