import Link from 'next/link';
import type { ReactNode } from 'react';
import { failureMessage } from '@/lib/queries/write';
import type { PreviewState, WriteResult } from './panel-state';
import { ProblemsList } from './problems-list';
import { BUTTON } from './ui';
import { ConflictView, GitOpsNotice } from './write-notices';

const DONE: Readonly<Record<WriteResult['action'], string>> = {
  apply: 'Applied',
  delete: 'Deleted',
  revert: 'Reverted',
};

/** What a write answered: done (with its audit record, the graph and Undo), or why nothing was written. */
export function WriteResultView(props: {
  result: WriteResult;
  namespace: string;
  onUndo: () => void;
  onRebase: () => void;
  acknowledged: boolean;
  onAcknowledge: (on: boolean) => void;
}): ReactNode {
  const { answer, action, yaml } = props.result;
  if (answer.outcome === 'applied') {
    const audit = answer.audit;
    return (
      <div
        data-testid="editor-applied"
        data-action={action}
        data-operation={answer.operation}
        data-audit-id={audit?.id ?? ''}
        className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm dark:border-emerald-800 dark:bg-emerald-950"
      >
        <p>
          {answer.operation === 'unchanged'
            ? 'Nothing to write: the edit equals the live object.'
            : `${DONE[action]} (${answer.operation}).`}{' '}
          {audit !== null && (
            <span className="text-xs text-slate-600 dark:text-slate-400">
              Audit record <code data-testid="editor-audit-id">{audit.id}</code>
            </span>
          )}
        </p>
        {answer.warnings.map((w) => (
          <p key={w} className="text-xs text-amber-700 dark:text-amber-400">
            ⚠ {w}
          </p>
        ))}
        <div className="flex flex-wrap items-center gap-3">
          <Link
            href={`/graph?ns=${encodeURIComponent(props.namespace)}`}
            data-testid="editor-graph-link"
            className={BUTTON.link}
          >
            View in graph
          </Link>
          {audit !== null && (
            <button
              type="button"
              data-testid="editor-undo"
              onClick={props.onUndo}
              className={BUTTON.secondary}
            >
              Undo
            </button>
          )}
        </div>
      </div>
    );
  }
  if (answer.outcome === 'conflict')
    return <ConflictView conflict={answer.conflict} onRebase={props.onRebase} />;
  if (answer.outcome === 'gitops') {
    return (
      <GitOpsNotice
        gitops={answer.gitops}
        yaml={answer.yaml || yaml}
        acknowledged={props.acknowledged}
        onAcknowledge={props.onAcknowledge}
      />
    );
  }
  if (answer.outcome === 'invalid') {
    return (
      <ProblemsList
        problems={answer.problems}
        source="server"
        title="Not written: the write path refuses the edit."
      />
    );
  }
  if (answer.outcome === 'refused' || answer.outcome === 'error') {
    return (
      <p data-testid="editor-refused" className="text-sm text-red-700 dark:text-red-400">
        Not written: {failureMessage(answer)}
      </p>
    );
  }
  return null;
}

/** True when the preview's answer allows an apply of the text it was made for. */
export function previewAllowsApply(
  preview: PreviewState | null,
  text: string,
  acknowledged: boolean,
): boolean {
  if (preview === null || preview.forText !== text || preview.answer.outcome !== 'preview') return false;
  return preview.answer.gitops === null || acknowledged;
}
