import type { ReactNode } from 'react';
import { objectYaml } from '@/lib/write/text-diff';
import type { ConflictAnswer, GitOpsManager } from '@/lib/write/types';
import { CopyButton } from './copy-button';
import { DiffView } from './diff-view';
import { BUTTON } from './ui';

const MANAGER = { argocd: 'Argo CD', flux: 'Flux' } as const;

/** An object managed by GitOps: say so, offer its YAML to commit instead, and (for apply) a deliberate override. */
export function GitOpsNotice(props: {
  gitops: GitOpsManager;
  yaml: string;
  acknowledged?: boolean;
  onAcknowledge?: (on: boolean) => void;
  testId?: string;
}): ReactNode {
  return (
    <div
      data-testid={props.testId ?? 'editor-gitops'}
      data-manager={props.gitops.manager}
      className="space-y-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <p>
        Managed by <strong>{MANAGER[props.gitops.manager]}</strong> ({props.gitops.detail}): a change made
        here is undone at its next sync. Commit the YAML to Git instead.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton text={props.yaml} testId={props.testId ? `${props.testId}-copy` : 'editor-copy-yaml'} />
        {props.onAcknowledge && (
          <label className="flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              data-testid="editor-gitops-ack"
              checked={props.acknowledged ?? false}
              onChange={(e) => props.onAcknowledge?.(e.target.checked)}
            />
            Write it here anyway (until the next sync)
          </label>
        )}
      </div>
    </div>
  );
}

/** A 409: what happened, both versions, the difference, and the rebase. */
export function ConflictView(props: {
  conflict: ConflictAnswer['conflict'];
  onRebase?: () => void;
  rebaseLabel?: string;
}): ReactNode {
  const { conflict } = props;
  return (
    <div
      data-testid="editor-conflict"
      className="space-y-2 rounded border border-red-300 bg-red-50/50 p-2 text-sm dark:border-red-800 dark:bg-red-950/40"
    >
      <p className="font-medium text-red-800 dark:text-red-300">Not written: {conflict.message}</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        What your edit changes relative to the object as it is now:
      </p>
      <DiffView diff={conflict.diff} testId="editor-conflict-diff" />
      <div className="grid gap-2 md:grid-cols-2">
        {(['theirs', 'yours'] as const).map((side) => (
          <details key={side} data-testid={`editor-conflict-${side}`}>
            <summary className="cursor-pointer text-xs font-medium">
              {side === 'theirs' ? 'Theirs (live now)' : 'Yours (the edit)'}
            </summary>
            <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950">
              {conflict[side] === null ? '(none)' : objectYaml(conflict[side])}
            </pre>
          </details>
        ))}
      </div>
      {props.onRebase && (
        <button type="button" data-testid="editor-rebase" onClick={props.onRebase} className={BUTTON.primary}>
          {props.rebaseLabel ?? 'Rebase onto theirs'}
        </button>
      )}
    </div>
  );
}
