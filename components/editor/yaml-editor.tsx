'use client';

import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef, type ReactNode } from 'react';
import { diagnosticsOf } from '@/lib/editor/diagnostics';
import { schemaOptions, yamlContextAt } from '@/lib/editor/schema-completion';
import type { WriteProblem } from '@/lib/write/types';
import { yamlTheme } from './yaml-theme';

type Schema = Record<string, unknown>;

/** Completion from the kind's JSON Schema; offered as one types a word, or on Ctrl-Space anywhere. */
function schemaCompletion(schema: () => Schema | null) {
  return (context: CompletionContext): CompletionResult | null => {
    const root = schema();
    if (root === null) return null;
    const where = yamlContextAt(context.state.doc.toString(), context.pos);
    if (where === undefined || (where.from === context.pos && !context.explicit)) return null;
    const options = schemaOptions(root, where);
    if (options.length === 0) return null;
    return { from: where.from, options, validFor: /^[\w./-]*$/ };
  };
}

/**
 * The YAML tab: CodeMirror 6 with YAML highlighting, completion from the kind's JSON Schema, and the problems
 * underlined where they are. Controlled: `value` in, `onChange` out. The CodeMirror host is `data-testid=yaml-editor`
 * (its `.cm-content` is editable); a hidden plain textarea (`data-testid=yaml-editor-input`) mirrors the text and
 * accepts it too, so that tests can set the whole text at once with `fill()`.
 */
export function YamlEditor(props: {
  value: string;
  onChange: (text: string) => void;
  schema: Schema | null;
  problems: readonly WriteProblem[];
}): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange: props.onChange, schema: props.schema, value: props.value });
  useEffect(() => {
    latest.current.onChange = props.onChange;
    latest.current.schema = props.schema;
  });

  useEffect(() => {
    if (host.current === null) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          basicSetup,
          yaml(),
          lintGutter(),
          autocompletion({ override: [schemaCompletion(() => latest.current.schema)] }),
          EditorView.lineWrapping,
          yamlTheme,
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            if (text === latest.current.value) return;
            latest.current.value = text;
            latest.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // A change from outside (the form, a rebase, the textarea): replace the text, keeping the cursor where it can.
  useEffect(() => {
    const editor = view.current;
    latest.current.value = props.value;
    if (editor === null || editor.state.doc.toString() === props.value) return;
    const head = Math.min(editor.state.selection.main.head, props.value.length);
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: props.value },
      selection: { anchor: head },
    });
  }, [props.value]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    const text = editor.state.doc.toString();
    editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(text, props.problems)));
  }, [props.problems, props.value]);

  return (
    <div className="relative">
      <div
        ref={host}
        data-testid="yaml-editor"
        className="min-h-96 overflow-hidden rounded border border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-950"
      />
      <textarea
        data-testid="yaml-editor-input"
        aria-hidden
        tabIndex={-1}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="absolute bottom-0 left-0 h-px w-px opacity-0"
      />
    </div>
  );
}
