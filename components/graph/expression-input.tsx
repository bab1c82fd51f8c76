'use client';

import { useState, type ReactNode } from 'react';
import { FIELDS } from '@/lib/graph/expression';

const FIELD_HELP = Object.entries(FIELDS)
  .map(([name, field]) => `${name}: ${field.help}`)
  .join('\n');

/**
 * A find or hide expression box. Typing edits a draft; Enter or leaving the box applies it; Escape puts the applied
 * one back. A malformed expression shows its error (with the column) right under the box.
 */
export function ExpressionInput(props: {
  label: string;
  value: string;
  placeholder: string;
  error: { message: string; column: number } | null;
  /** What the applied expression did, e.g. "3 found". */
  summary: string;
  testId: string;
  onCommit: (value: string) => void;
}): ReactNode {
  const { label, value, placeholder, error, summary, testId, onCommit } = props;
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // The applied value changed elsewhere (back/forward, the clear button): show it. Set during render, React's
  // documented way to reset state from a prop without an effect.
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const commit = (): void => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <div className="flex min-w-56 flex-col">
      <label className="flex items-center gap-1">
        <span className="text-slate-500 dark:text-slate-400" title={FIELD_HELP}>
          {label}
        </span>
        <span className="relative">
          <input
            data-testid={testId}
            type="search"
            value={draft}
            placeholder={placeholder}
            spellCheck={false}
            title={FIELD_HELP}
            aria-invalid={error !== null}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') setDraft(value);
            }}
            className={`w-56 rounded border bg-white px-2 py-1 font-mono text-xs dark:bg-slate-800 dark:text-slate-100 ${
              error ? 'border-red-500' : 'border-slate-300 dark:border-slate-600'
            }`}
          />
        </span>
        {summary !== '' && error === null && (
          <span data-testid={`${testId}-summary`} className="text-xs whitespace-nowrap text-slate-500">
            {summary}
          </span>
        )}
      </label>
      {error && (
        <p
          data-testid={`${testId}-error`}
          role="alert"
          className="mt-0.5 text-xs text-red-600 dark:text-red-400"
        >
          Column {error.column}: {error.message}
        </p>
      )}
    </div>
  );
}
