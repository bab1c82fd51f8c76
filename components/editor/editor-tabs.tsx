'use client';

import type { ReactNode } from 'react';
import { FORM_KINDS, type EditableKind } from '@/lib/editor/edit-params';
import type { JsonObject, WriteProblem } from '@/lib/write/types';
import { AuthorizationPolicyFormView } from './ap-form';
import { VirtualServiceFormView } from './vs-form';
import { YamlEditor } from './yaml-editor';

/** Which tab the editor shows. */
export type EditorTab = 'form' | 'yaml';

const TAB_CLASS = (active: boolean): string =>
  `rounded-t border border-b-0 px-3 py-1 text-sm ${
    active
      ? 'border-slate-300 bg-white font-medium dark:border-slate-600 dark:bg-slate-900'
      : 'border-transparent text-slate-500 hover:text-slate-800 dark:hover:text-slate-200'
  }`;

/**
 * Form | YAML over one edit. Both edit the same object: the form writes it (and the YAML is its rendering), the
 * YAML is parsed back into it; fields the form does not show are never lost. Kinds without a form are YAML only.
 */
export function EditorTabs(props: {
  kind: EditableKind;
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
  text: string;
  object: JsonObject | null;
  problems: readonly WriteProblem[];
  schema: Record<string, unknown> | null;
  onObject: (object: JsonObject) => void;
  onText: (text: string) => void;
}): ReactNode {
  const hasForm = FORM_KINDS.includes(props.kind);
  const tab = hasForm ? props.tab : 'yaml';
  return (
    <div>
      <div role="tablist" className="flex gap-1 border-b border-slate-300 dark:border-slate-600">
        {hasForm && (
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'form'}
            data-testid="editor-tab-form"
            onClick={() => props.onTab('form')}
            className={TAB_CLASS(tab === 'form')}
          >
            Form
          </button>
        )}
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'yaml'}
          data-testid="editor-tab-yaml"
          onClick={() => props.onTab('yaml')}
          className={TAB_CLASS(tab === 'yaml')}
        >
          YAML
        </button>
        {!hasForm && (
          <span className="ml-2 self-center text-xs text-slate-500">{props.kind} is edited as YAML.</span>
        )}
      </div>
      <div role="tabpanel" className="pt-3">
        {tab === 'yaml' ? (
          <YamlEditor
            value={props.text}
            onChange={props.onText}
            schema={props.schema}
            problems={props.problems}
          />
        ) : props.object === null ? (
          <p data-testid="editor-form-blocked" className="text-sm text-amber-700 dark:text-amber-400">
            The YAML does not parse to one object: fix it in the YAML tab, then the form shows it again.
          </p>
        ) : props.kind === 'VirtualService' ? (
          <VirtualServiceFormView object={props.object} onChange={props.onObject} />
        ) : (
          <AuthorizationPolicyFormView object={props.object} onChange={props.onObject} />
        )}
      </div>
    </div>
  );
}
