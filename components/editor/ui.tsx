import type { ReactNode } from 'react';

/**
 * The editor's small building blocks: button and input styles, a labelled field, a titled box and a remove
 * button, so that the forms read as structure rather than class names.
 */

/** Tailwind classes of the editor's buttons, by role. */
export const BUTTON = {
  primary:
    'rounded bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:cursor-not-allowed disabled:opacity-50',
  secondary:
    'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700',
  danger:
    'rounded border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-red-800 dark:text-red-400 dark:hover:bg-red-950',
  link: 'text-sm text-sky-700 hover:underline dark:text-sky-300',
} as const;

/** Tailwind classes of text inputs and selects. */
export const INPUT =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

/** A label over its control. */
export function Field(props: {
  label: string;
  children: ReactNode;
  hint?: string;
  wide?: boolean;
}): ReactNode {
  return (
    <label className={`flex flex-col gap-0.5 text-sm ${props.wide ? 'min-w-64 flex-1' : ''}`}>
      <span className="text-xs text-slate-500 dark:text-slate-400">{props.label}</span>
      {props.children}
      {props.hint && <span className="text-xs text-slate-500 dark:text-slate-400">{props.hint}</span>}
    </label>
  );
}

/** A bordered box with a title line and, on the right of it, its actions. */
export function Box(props: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}): ReactNode {
  return (
    <section
      data-testid={props.testId}
      className="rounded border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="mb-2 flex items-center gap-2">
        <h3 className="text-sm font-semibold">{props.title}</h3>
        <div className="ml-auto flex gap-2">{props.actions}</div>
      </div>
      <div className="space-y-2">{props.children}</div>
    </section>
  );
}

/** A small "remove" button naming what it removes. */
export function RemoveButton(props: { what: string; onClick: () => void }): ReactNode {
  return (
    <button
      type="button"
      aria-label={`Remove ${props.what}`}
      title={`Remove ${props.what}`}
      onClick={props.onClick}
      className="rounded px-1.5 text-slate-500 hover:bg-red-50 hover:text-red-700 dark:hover:bg-red-950"
    >
      ✕
    </button>
  );
}

/** A small "add" button. */
export function AddButton(props: { label: string; onClick: () => void; testId?: string }): ReactNode {
  return (
    <button type="button" data-testid={props.testId} onClick={props.onClick} className={BUTTON.link}>
      + {props.label}
    </button>
  );
}

/** `list` with item `i` replaced. */
export function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

/** `list` without item `i`. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}
