import type { ReactNode } from 'react';
import { failureMessage } from '@/lib/queries/write';
import { DiffView } from './diff-view';
import { ImpactView } from './impact-view';
import type { PreviewState } from './panel-state';
import { ProblemsList } from './problems-list';
import { ConflictView, GitOpsNotice } from './write-notices';

/** What a preview answered: the diff live -> proposed, warnings, GitOps, impact; or why there is none. */
export function PreviewResult(props: {
  preview: PreviewState;
  acknowledged: boolean;
  onAcknowledge: (on: boolean) => void;
  onRebase: () => void;
}): ReactNode {
  const { answer, impact, forText } = props.preview;
  return (
    <div data-testid="editor-preview-result" data-outcome={answer.outcome} className="space-y-3">
      {answer.outcome === 'preview' && (
        <>
          <p className="text-sm">
            {answer.operation === 'create' ? 'Would create the object.' : 'Would update the live object.'}{' '}
            {answer.changes.length === 0 ? 'Nothing changes.' : `${answer.changes.length} field(s) change.`}
          </p>
          {answer.warnings.length > 0 && (
            <ul className="text-sm text-amber-700 dark:text-amber-400">
              {answer.warnings.map((w) => (
                <li key={w} data-testid="editor-warning">
                  ⚠ {w}
                </li>
              ))}
            </ul>
          )}
          {answer.gitops !== null && (
            <GitOpsNotice
              gitops={answer.gitops}
              yaml={forText}
              acknowledged={props.acknowledged}
              onAcknowledge={props.onAcknowledge}
            />
          )}
          <div>
            <p className="mb-1 text-xs font-medium text-slate-500">
              Live → proposed (as the API server would store it)
            </p>
            <DiffView diff={answer.diff} testId="editor-diff" empty="The edit equals the live object." />
          </div>
        </>
      )}
      {answer.outcome === 'invalid' && (
        <ProblemsList problems={answer.problems} source="server" title="The write path refuses the edit:" />
      )}
      {answer.outcome === 'conflict' && <ConflictView conflict={answer.conflict} onRebase={props.onRebase} />}
      {(answer.outcome === 'refused' || answer.outcome === 'error') && (
        <p data-testid="editor-refused" className="text-sm text-red-700 dark:text-red-400">
          Refused: {failureMessage(answer)}
        </p>
      )}
      {impact !== null && answer.outcome === 'preview' && (
        <div>
          <p className="mb-1 text-xs font-medium text-slate-500">Impact on the traffic seen</p>
          <ImpactView impact={impact} />
        </div>
      )}
    </div>
  );
}
