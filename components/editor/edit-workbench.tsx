'use client';

import { useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { jsonSchemaFor } from '@/lib/config/schemas';
import { FORM_KINDS, type EditableKind } from '@/lib/editor/edit-params';
import { isPreviewCurrent, sessionReducer, type EditSession } from '@/lib/editor/session';
import { checkText } from '@/lib/editor/yaml-text';
import { useViewState } from '@/components/layout/use-view-state';
import { AuditHistory } from './audit-history';
import { CopyButton } from './copy-button';
import { DeleteDialog } from './delete-dialog';
import { EditorTabs, type EditorTab } from './editor-tabs';
import { NameField } from './name-field';
import { PreviewPanel } from './preview-panel';
import { ProblemsList } from './problems-list';
import { useEditActions } from './use-edit-actions';
import { previewAllowsApply } from './write-result';
import { Box, RemoveButton } from './ui';

/** The edit page once everything is loaded: the editor on the left, the preview on the right, the history below. */
export function EditWorkbench(props: {
  kind: EditableKind;
  initial: EditSession;
  csrfToken: string;
}): ReactNode {
  const [session, dispatch] = useReducer(sessionReducer, props.initial);
  const [tab, setTab] = useState<EditorTab>(FORM_KINDS.includes(props.kind) ? 'form' : 'yaml');
  const [deleting, setDeleting] = useState(false);
  const { view } = useViewState();
  const actions = useEditActions(session, dispatch, props.csrfToken, view.window);
  const { target, base, text } = session;
  const local = useMemo(() => checkText(text, target), [text, target]);
  const schema = useMemo(() => jsonSchemaFor(props.kind), [props.kind]);
  const server =
    actions.preview?.forText === text && actions.preview.answer.outcome === 'invalid'
      ? actions.preview.answer.problems
      : null;
  const isNew = base.object === null;
  const startedNew = props.initial.base.object === null;
  useEffect(() => {
    // Once a new object exists, the address names it, so that a reload edits it rather than starting anew.
    const params = new URLSearchParams(window.location.search);
    if (!startedNew || isNew || target.name === undefined || params.get('name') === target.name) return;
    params.delete('new');
    params.delete('draft');
    params.set('name', target.name);
    const href = `${window.location.pathname}?${params.toString()}`;
    const state: unknown = window.history.state;
    window.history.replaceState({ ...(typeof state === 'object' ? state : {}), __NA: true }, '', href);
  }, [startedNew, isNew, target.name]);
  const title = isNew
    ? `New ${props.kind} in ${target.namespace}`
    : `${props.kind} ${target.namespace}/${target.name ?? ''}`;
  return (
    <div data-testid="editor" data-kind={props.kind} data-new={isNew} className="space-y-4">
      <h2 data-testid="editor-title" className="text-lg font-semibold">
        {title}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-3">
          {isNew && session.object !== null && tab === 'form' && (
            <NameField object={session.object} onChange={(object) => dispatch({ type: 'form', object })} />
          )}
          <EditorTabs
            kind={props.kind}
            tab={tab}
            onTab={setTab}
            text={text}
            object={session.object}
            problems={server ?? local.problems}
            schema={schema}
            onObject={(object) => dispatch({ type: 'form', object })}
            onText={(t) => dispatch({ type: 'text', text: t })}
          />
          <ProblemsList problems={local.problems} source="local" title="To fix before this can be written:" />
          {actions.kept !== null && (
            <Box
              testId="editor-kept"
              title="Your edit, kept aside (it changes the same fields as theirs)"
              actions={
                <>
                  <CopyButton text={actions.kept} />
                  <RemoveButton what="your kept edit" onClick={actions.dropKept} />
                </>
              }
            >
              <pre className="max-h-64 overflow-auto font-mono text-xs">{actions.kept}</pre>
            </Box>
          )}
        </div>
        <div className="min-w-0">
          <PreviewPanel
            namespace={target.namespace}
            preview={actions.preview}
            result={actions.result}
            stale={actions.preview !== null && actions.preview.forText !== text}
            busy={actions.busy}
            canApply={
              isPreviewCurrent(session) && previewAllowsApply(actions.preview, text, actions.acknowledged)
            }
            canDelete={!isNew && target.name !== undefined}
            acknowledged={actions.acknowledged}
            onAcknowledge={actions.setAcknowledged}
            onPreview={() => void actions.runPreview()}
            onApply={() => void actions.runApply()}
            onDelete={() => setDeleting(true)}
            onUndo={() => void actions.runUndo()}
            onRebase={actions.runRebase}
          />
        </div>
      </div>
      {target.name !== undefined && (
        <Box title="History of this object" testId="editor-history">
          <AuditHistory
            filter={{ kind: props.kind, namespace: target.namespace, name: target.name }}
            csrfToken={props.csrfToken}
            onReverted={actions.afterRevert}
          />
        </Box>
      )}
      {deleting && target.name !== undefined && (
        <DeleteDialog
          kind={props.kind}
          expected={`${target.namespace}/${target.name}`}
          onCancel={() => setDeleting(false)}
          onConfirm={(confirm) => {
            setDeleting(false);
            void actions.runDelete(confirm);
          }}
        />
      )}
    </div>
  );
}
