'use client';

import type { ReactNode } from 'react';
import type { SearchDraft } from './search-state';

/** The look of the form's text inputs. */
export const INPUT_CLASS =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
/** Added to an input whose value is refused. */
export const INVALID_CLASS = 'border-red-500 dark:border-red-500';

/** A labelled one-line text input. */
export function TextField(props: {
  label: string;
  testId: string;
  value: string;
  placeholder: string;
  invalid?: boolean;
  onChange: (value: string) => void;
}): ReactNode {
  return (
    <label className="flex min-w-0 flex-col gap-0.5 text-sm">
      <span className="text-slate-600 dark:text-slate-400">{props.label}</span>
      <input
        data-testid={props.testId}
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={props.invalid || undefined}
        onChange={(e) => props.onChange(e.target.value)}
        className={`${INPUT_CLASS} ${props.invalid ? INVALID_CLASS : ''}`}
      />
    </label>
  );
}

/** Two buttons that switch the search between the fields and a TraceQL box. */
export function ModeToggle(props: {
  mode: SearchDraft['mode'];
  onChange: (mode: SearchDraft['mode']) => void;
}): ReactNode {
  const button = (mode: SearchDraft['mode'], text: string): ReactNode => (
    <button
      type="button"
      data-testid={`trace-mode-${mode}`}
      aria-pressed={props.mode === mode}
      onClick={() => props.onChange(mode)}
      className={`px-3 py-1 text-sm ${
        props.mode === mode
          ? 'bg-sky-600 text-white'
          : 'bg-white text-slate-700 hover:bg-slate-100 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700'
      }`}
    >
      {text}
    </button>
  );
  return (
    <div
      role="group"
      aria-label="Search with"
      className="inline-flex overflow-hidden rounded border border-slate-300 dark:border-slate-600"
    >
      {button('fields', 'Fields')}
      {button('traceql', 'TraceQL')}
    </div>
  );
}
