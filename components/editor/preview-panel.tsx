import type { ReactNode } from 'react';
import type { PreviewState, WriteResult } from './panel-state';
import { PreviewResult } from './preview-result';
import { BUTTON } from './ui';
import { WriteResultView } from './write-result';

/** The right-hand side of the editor: Preview, Apply, Delete, and what each answered. Presentational. */
export function PreviewPanel(props: {
  namespace: string;
  preview: PreviewState | null;
  result: WriteResult | null;
  /** True when the text changed since the last preview. */
  stale: boolean;
  busy: string | null;
  canApply: boolean;
  canDelete: boolean;
  acknowledged: boolean;
  onAcknowledge: (on: boolean) => void;
  onPreview: () => void;
  onApply: () => void;
  onDelete: () => void;
  onUndo: () => void;
  onRebase: () => void;
}): ReactNode {
  const { busy } = props;
  return (
    <div data-testid="editor-preview-panel" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          data-testid="editor-preview"
          disabled={busy !== null}
          onClick={props.onPreview}
          className={BUTTON.secondary}
        >
          {busy === 'preview' ? 'Previewing…' : 'Preview'}
        </button>
        <button
          type="button"
          data-testid="editor-apply"
          disabled={busy !== null || !props.canApply}
          onClick={props.onApply}
          className={BUTTON.primary}
          title={
            props.canApply ? undefined : 'Preview the edit first: Apply writes exactly what was previewed'
          }
        >
          {busy === 'apply' ? 'Applying…' : 'Apply'}
        </button>
        {props.canDelete && (
          <button
            type="button"
            data-testid="editor-delete"
            disabled={busy !== null}
            onClick={props.onDelete}
            className={`${BUTTON.danger} ml-auto`}
          >
            Delete…
          </button>
        )}
      </div>
      <p className="text-xs text-slate-500">
        {props.preview === null
          ? 'Preview runs the edit on the API server without writing it (dry run), then shows the difference and what it would do to the traffic seen.'
          : props.stale
            ? 'The edit changed since this preview: preview again before applying.'
            : 'Apply writes exactly what was previewed, only if the object has not changed since the edit started.'}
      </p>
      {props.result !== null && (
        <WriteResultView
          result={props.result}
          namespace={props.namespace}
          onUndo={props.onUndo}
          onRebase={props.onRebase}
          acknowledged={props.acknowledged}
          onAcknowledge={props.onAcknowledge}
        />
      )}
      {props.preview !== null && (
        <div className={props.stale ? 'opacity-60' : ''}>
          <PreviewResult
            preview={props.preview}
            acknowledged={props.acknowledged}
            onAcknowledge={props.onAcknowledge}
            onRebase={props.onRebase}
          />
        </div>
      )}
    </div>
  );
}
