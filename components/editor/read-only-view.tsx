import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';

/** The editor when the dashboard writes nothing: the YAML to copy, and why there are no edit controls. */
export function ReadOnlyView(props: { title: string; yaml: string; reason: string }): ReactNode {
  return (
    <div data-testid="editor-read-only" className="space-y-3">
      <h2 className="text-lg font-semibold">{props.title}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{props.reason}</p>
      <CopyButton text={props.yaml} testId="editor-copy-yaml" />
      <pre
        data-testid="editor-read-only-yaml"
        className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-white p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
      >
        {props.yaml}
      </pre>
    </div>
  );
}
