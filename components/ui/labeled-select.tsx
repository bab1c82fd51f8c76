'use client';

import type { ReactNode } from 'react';

/** A select over a fixed set of keys, with its label in front; `text` names each key for people. */
export function LabeledSelect<K extends string>(props: {
  label: string;
  testId: string;
  value: K;
  keys: readonly K[];
  text: (key: K) => string;
  onChange: (key: K) => void;
}): ReactNode {
  return (
    <label className="flex items-center gap-1">
      <span className="text-slate-500 dark:text-slate-400">{props.label}</span>
      <select
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as K)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        {props.keys.map((key) => (
          <option key={key} value={key}>
            {props.text(key)}
          </option>
        ))}
      </select>
    </label>
  );
}
