'use client';

import { useState, type ReactNode } from 'react';
import { BUTTON } from './ui';

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton(props: { text: string; label?: string; testId?: string }): ReactNode {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2_000);
  };
  return (
    <button type="button" data-testid={props.testId} onClick={() => void copy()} className={BUTTON.secondary}>
      {state === 'copied'
        ? 'Copied'
        : state === 'failed'
          ? 'Copy failed: select the text'
          : (props.label ?? 'Copy YAML')}
    </button>
  );
}
