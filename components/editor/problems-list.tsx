import type { ReactNode } from 'react';
import type { WriteProblem } from '@/lib/write/types';

/** Problems with their field path and place; `source` says whether the editor or the server found them. */
export function ProblemsList(props: {
  problems: readonly WriteProblem[];
  source: 'local' | 'server';
  title: string;
}): ReactNode {
  if (props.problems.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-medium text-red-700 dark:text-red-400">{props.title}</p>
      <ul className="mt-1 space-y-0.5">
        {props.problems.map((p, i) => (
          <li
            key={`${i}:${p.path}:${p.message}`}
            data-testid="editor-problem"
            data-source={props.source}
            data-path={p.path}
          >
            {p.line !== undefined && (
              <span className="mr-1 text-xs text-slate-500 tabular-nums">
                line {p.line}
                {p.col !== undefined ? `:${p.col}` : ''}
              </span>
            )}
            {p.path !== '' && (
              <code className="mr-1 rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">{p.path}</code>
            )}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
