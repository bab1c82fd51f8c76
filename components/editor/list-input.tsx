'use client';

import { useState, type ReactNode } from 'react';
import { INPUT } from './ui';

/** `a, b ,c` -> `['a', 'b', 'c']`. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A list of strings typed as comma-separated text. It keeps its own text while the person types (so that `a, `
 * is not rewritten to `a`), and takes the value again when it changes from outside (the YAML tab, a rebase).
 */
export function ListInput(props: {
  value: readonly string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
  testId?: string;
  label: string;
}): ReactNode {
  const joined = props.value.join(', ');
  const [text, setText] = useState(joined);
  const [seen, setSeen] = useState(joined);
  if (joined !== seen) {
    // Changed from outside: show it, unless it is what the text already says.
    setSeen(joined);
    if (splitList(text).join(', ') !== joined) setText(joined);
  }
  return (
    <input
      type="text"
      aria-label={props.label}
      data-testid={props.testId}
      value={text}
      placeholder={props.placeholder}
      onChange={(event) => {
        setText(event.target.value);
        const next = splitList(event.target.value);
        setSeen(next.join(', '));
        props.onChange(next);
      }}
      className={`${INPUT} min-w-48 flex-1`}
    />
  );
}
