'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';
import { graphOfHref } from '@/lib/mesh/detail-links';
import { isUnavailable, type ActionRequest, type MeshAction } from '@/lib/mesh/actions';
import type { PolicyRow } from '@/lib/mesh/detail-types';
import type { WriteOutcome } from '@/lib/queries/write';
import type { ViewState } from '@/lib/view-state';
import { useViewState } from '@/components/layout/use-view-state';
import { DiffView } from '@/components/editor/diff-view';
import { BUTTON } from '@/components/editor/ui';
import { SourceErrors } from '../mesh-parts';
import { ActionForm } from './action-form';
import { ActionApplied, ActionRefusal } from './action-outcome';
import { useMeshAction, type MeshActionState } from './use-mesh-action';

/** The effect in words and the warnings of a planned action. */
export function ActionEffect({ plan }: { plan: MeshAction }): ReactNode {
  return (
    <>
      <section data-testid="action-effect" className="text-sm">
        <h3 className="font-semibold">What happens</h3>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {plan.effect.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      {plan.warnings.length > 0 && (
        <ul
          data-testid="action-warnings"
          className="space-y-0.5 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {plan.warnings.map((line) => (
            <li key={line}>⚠ {line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The dry run's answer: the exact diff, or why the cluster would not take the object. */
function PreviewPart({ state }: { state: MeshActionState }): ReactNode {
  const { preview } = state;
  if (preview === undefined) {
    return (
      <p className="text-sm text-slate-500">{state.previewing ? 'Asking the cluster for a dry run…' : ''}</p>
    );
  }
  if (preview.outcome === 'applied') return null; // a preview never answers this
  if (preview.outcome !== 'preview') {
    return (
      <ActionRefusal
        answer={preview}
        onRepreview={state.repreview}
        onAcknowledgeGitOps={() => state.apply(true)}
      />
    );
  }
  return (
    <section className="text-sm">
      <h3 className="font-semibold">
        {preview.operation === 'create' ? 'Creates' : 'Changes'} {preview.proposed['kind'] as string}{' '}
        <span className="font-normal text-slate-500">(the API server&apos;s dry run)</span>
      </h3>
      <DiffView
        diff={preview.diff}
        testId="action-diff"
        empty="No difference: the cluster holds this already."
      />
      {preview.gitops && (
        <p data-testid="action-gitops" className="text-xs text-amber-700 dark:text-amber-400">
          ⚠ Managed by {preview.gitops.manager === 'argocd' ? 'Argo CD' : 'Flux'} ({preview.gitops.detail}):
          it will put its version back; Apply asks to confirm.
        </p>
      )}
      {preview.warnings.map((w) => (
        <p key={w} className="text-xs text-amber-700 dark:text-amber-400">
          ⚠ {w}
        </p>
      ))}
    </section>
  );
}

/** Apply's answer, or Undo's when it failed. */
function ResultPart({ state, view }: { state: MeshActionState; view: ViewState }): ReactNode {
  const { applied, undone } = state;
  if (applied === undefined) return null;
  if (applied.outcome !== 'applied') {
    if (applied.outcome === 'preview') return null;
    return (
      <ActionRefusal
        answer={applied}
        onRepreview={state.repreview}
        onAcknowledgeGitOps={() => state.apply(true)}
      />
    );
  }
  const undoneOk = undone?.outcome === 'applied' ? undone : null;
  const undoFailed: Exclude<WriteOutcome, { outcome: 'preview' | 'applied' }> | null =
    undone !== undefined && undone.outcome !== 'applied' && undone.outcome !== 'preview' ? undone : null;
  return (
    <>
      <ActionApplied
        answer={applied}
        graphHref={graphOfHref(view, state.request.namespace)}
        undone={undoneOk}
        busy={state.undoing}
        onUndo={() => state.undo(applied)}
      />
      {undoFailed && (
        <ActionRefusal
          answer={undoFailed}
          onRepreview={state.repreview}
          onAcknowledgeGitOps={() => undefined}
        />
      )}
    </>
  );
}

/**
 * A posture action, previewed before it is applied: the choices it has, its effect in words and warnings, the exact
 * diff of the API server's dry run, then Apply; a conflict shows the new state and previews again, a refusal shows
 * the cluster's reason, success shows the audit record, Undo and the graph.
 */
export function ActionDialog(props: {
  request: ActionRequest;
  onClose: () => void;
  /** The page's own policies (the workload page's), when more precise than the namespace's. */
  policies?: readonly PolicyRow[];
}): ReactNode {
  const { view } = useViewState();
  return <ActionDialogBody {...props} view={view} />;
}

/** {@link ActionDialog} at a given view (its window for the rates, kept on the graph link). */
export function ActionDialogBody(props: {
  request: ActionRequest;
  onClose: () => void;
  policies?: readonly PolicyRow[];
  view: ViewState;
}): ReactNode {
  const { view } = props;
  const [request, setRequest] = useState(props.request);
  const state = useMeshAction(request, view.window, props.policies);
  const titleId = useId();
  const { onClose } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const plan = state.plan;
  const ready = plan !== undefined && !isUnavailable(plan);
  const canApply =
    ready && state.preview?.outcome === 'preview' && !state.applying && state.applied?.outcome !== 'applied';
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="action-dialog"
        data-action={request.action}
        className="mt-8 w-full max-w-3xl space-y-3 rounded border border-slate-200 bg-white p-4 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <header className="flex items-start gap-3">
          <h2 id={titleId} className="text-lg font-semibold">
            {ready ? plan.title : 'Action'}
          </h2>
          <button
            type="button"
            data-testid="action-close"
            onClick={onClose}
            className={`${BUTTON.secondary} ml-auto`}
          >
            Close
          </button>
        </header>
        {state.objectsError && (
          <p data-testid="action-error" className="text-sm text-red-700 dark:text-red-400">
            {state.objectsError}
          </p>
        )}
        {state.objects && <SourceErrors errors={state.objects.errors} testId="action-source-errors" />}
        {state.objects === undefined && !state.objectsError && (
          <p className="text-sm text-slate-500">Reading {request.namespace}…</p>
        )}
        {state.objects && state.applied?.outcome !== 'applied' && (
          <ActionForm request={state.request} objects={state.objects.data} onChange={setRequest} />
        )}
        {plan !== undefined && isUnavailable(plan) && (
          <p
            data-testid="action-error"
            data-outcome="unavailable"
            className="text-sm text-red-700 dark:text-red-400"
          >
            {plan.unavailable}
          </p>
        )}
        {ready && <ActionEffect plan={plan} />}
        {ready && state.applied?.outcome !== 'applied' && <PreviewPart state={state} />}
        <ResultPart state={state} view={view} />
        {state.applied?.outcome !== 'applied' && (
          <div className="flex justify-end">
            <button
              type="button"
              data-testid="action-apply"
              disabled={!canApply}
              onClick={() => state.apply(false)}
              className={BUTTON.primary}
            >
              {state.applying ? 'Applying…' : 'Apply'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
