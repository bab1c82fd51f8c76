import type { ReactNode } from 'react';
import { diffLineKind, type DiffLineKind } from './panel-format';

const LINE_CLASS: Readonly<Record<DiffLineKind, string>> = {
  add: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  remove: 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300',
  hunk: 'text-sky-700 dark:text-sky-400',
  header: 'text-slate-500',
  context: '',
};

/** A unified diff with added lines green and removed lines red; says so when there is no difference. */
export function DiffView(props: { diff: string; testId?: string; empty?: string }): ReactNode {
  const lines = props.diff === '' ? [] : props.diff.replace(/\n$/, '').split('\n');
  if (lines.length === 0) {
    return (
      <p data-testid={props.testId} data-empty="true" className="text-sm text-slate-500">
        {props.empty ?? 'No difference.'}
      </p>
    );
  }
  return (
    <pre
      data-testid={props.testId}
      className="max-h-96 overflow-auto rounded border border-slate-200 bg-slate-50 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
    >
      {lines.map((line, i) => {
        const kind = diffLineKind(line);
        return (
          <div key={i} data-line={kind} className={`px-2 whitespace-pre ${LINE_CLASS[kind]}`}>
            {line === '' ? ' ' : line}
          </div>
        );
      })}
    </pre>
  );
}
