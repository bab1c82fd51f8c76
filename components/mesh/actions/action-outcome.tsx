import Link from 'next/link';
import type { ReactNode } from 'react';
import type { WriteOutcome } from '@/lib/queries/write';
import { objectYaml } from '@/lib/write/text-diff';
import type { AppliedAnswer } from '@/lib/write/types';
import { DiffView } from '@/components/editor/diff-view';
import { BUTTON } from '@/components/editor/ui';

/** A write answer that is not a preview, or the outcome of Undo. Presentational. */
export type ActionAnswer = Exclude<WriteOutcome, { outcome: 'preview' }>;

const BOX = 'rounded border p-3 text-sm';
const WARN_BOX = `${BOX} border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40`;
const BAD_BOX = `${BOX} border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40`;

/** What the cluster holds now, after a conflict: its YAML, or that it is gone. */
function NewState({ theirs }: { theirs: Record<string, unknown> | null }): ReactNode {
  if (theirs === null) return <p>It no longer exists.</p>;
  return (
    <>
      <p className="mt-2 font-medium">The object now:</p>
      <pre
        data-testid="action-new-state"
        className="mt-1 max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs dark:bg-slate-900"
      >
        {objectYaml(theirs)}
      </pre>
    </>
  );
}

/** The answers that refuse the action: changed meanwhile, refused by the cluster, invalid, GitOps, or a failure. */
export function ActionRefusal(props: {
  answer: Exclude<ActionAnswer, AppliedAnswer>;
  onRepreview: () => void;
  onAcknowledgeGitOps: () => void;
}): ReactNode {
  const { answer } = props;
  switch (answer.outcome) {
    case 'conflict':
      return (
        <div data-testid="action-error" data-outcome="conflict" className={WARN_BOX}>
          <p className="font-semibold">Changed meanwhile: nothing was written.</p>
          <p>{answer.conflict.message}</p>
          <NewState theirs={answer.conflict.theirs} />
          <button
            type="button"
            data-testid="action-repreview"
            onClick={props.onRepreview}
            className={`${BUTTON.secondary} mt-2`}
          >
            Preview again from the new state
          </button>
        </div>
      );
    case 'refused':
      return (
        <div data-testid="action-error" data-outcome="refused" className={BAD_BOX}>
          <p className="font-semibold">Refused by the cluster:</p>
          <p data-testid="action-reason" className="font-mono text-xs break-words">
            {answer.error.message}
          </p>
        </div>
      );
    case 'invalid':
      return (
        <div data-testid="action-error" data-outcome="invalid" className={BAD_BOX}>
          <p className="font-semibold">The cluster finds the object invalid:</p>
          <ul className="list-disc pl-5">
            {answer.problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                {p.path && <code className="text-xs">{p.path}</code>} {p.message}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'gitops':
      return (
        <div data-testid="action-error" data-outcome="gitops" className={WARN_BOX}>
          <p className="font-semibold">{answer.message}</p>
          <p>
            {answer.gitops.manager === 'argocd' ? 'Argo CD' : 'Flux'} ({answer.gitops.detail}) will put its
            version back. Commit the change to Git instead, or apply anyway.
          </p>
          <button
            type="button"
            data-testid="action-apply-gitops"
            onClick={props.onAcknowledgeGitOps}
            className={`${BUTTON.danger} mt-2`}
          >
            Apply anyway
          </button>
        </div>
      );
    case 'error':
      return (
        <div data-testid="action-error" data-outcome="error" className={BAD_BOX}>
          <p>
            {answer.message}
            {answer.status > 0 ? ` (HTTP ${answer.status})` : ''}
          </p>
        </div>
      );
  }
}

/** An applied action: the audit record, Undo, and the graph where it shows. */
export function ActionApplied(props: {
  answer: AppliedAnswer;
  graphHref: string;
  /** Set once Undo answered: its own applied answer. */
  undone: AppliedAnswer | null;
  busy: boolean;
  onUndo: () => void;
}): ReactNode {
  const { answer, undone } = props;
  const unchanged = answer.operation === 'unchanged';
  return (
    <div
      data-testid="action-result"
      data-operation={answer.operation}
      className={`${BOX} border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40`}
    >
      <p className="font-semibold">
        {unchanged ? 'Nothing to change: the cluster holds this already.' : `Applied (${answer.operation}).`}
      </p>
      {answer.audit && (
        <p>
          Audit record <code data-testid="action-audit-id">{answer.audit.id}</code>
        </p>
      )}
      {undone ? (
        <p data-testid="action-undone" className="mt-1">
          Undone
          {undone.audit ? (
            <>
              {' '}
              (record <code>{undone.audit.id}</code>)
            </>
          ) : null}
          .
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {answer.audit && !undone && (
          <button
            type="button"
            data-testid="action-undo"
            disabled={props.busy}
            onClick={props.onUndo}
            className={BUTTON.secondary}
          >
            {props.busy ? 'Undoing…' : 'Undo'}
          </button>
        )}
        <Link href={props.graphHref} data-testid="action-graph-link" className={BUTTON.link}>
          See it in the graph
        </Link>
      </div>
      {!unchanged && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs text-slate-500">What was written</summary>
          <DiffView diff={answer.diff} />
        </details>
      )}
    </div>
  );
}
