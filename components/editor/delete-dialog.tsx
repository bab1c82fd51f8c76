'use client';

import { useState, type ReactNode } from 'react';
import { BUTTON, INPUT } from './ui';

/** Asks for `<namespace>/<name>` to be typed before a delete; the server checks the same text. */
export function DeleteDialog(props: {
  kind: string;
  expected: string;
  onConfirm: (confirm: string) => void;
  onCancel: () => void;
}): ReactNode {
  const [typed, setTyped] = useState('');
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="editor-delete-title"
      className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/40"
    >
      <form
        data-testid="editor-delete-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed === props.expected) props.onConfirm(typed);
        }}
        className="w-full max-w-md space-y-3 rounded bg-white p-4 shadow-lg dark:bg-slate-900"
      >
        <h2 id="editor-delete-title" className="font-semibold">
          Delete {props.kind} {props.expected}?
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The object is removed from the cluster; the audit record keeps it, so Undo can create it again. Type{' '}
          <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{props.expected}</code> to confirm.
        </p>
        <input
          type="text"
          autoFocus
          aria-label="Type the namespace and name to confirm"
          data-testid="editor-delete-confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className={`${INPUT} w-full`}
        />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={props.onCancel} className={BUTTON.secondary}>
            Cancel
          </button>
          <button
            type="submit"
            data-testid="editor-delete-submit"
            disabled={typed !== props.expected}
            className={BUTTON.danger}
          >
            Delete
          </button>
        </div>
      </form>
    </div>
  );
}
