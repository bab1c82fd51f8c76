import type { ReactNode } from 'react';
import { INPUT } from './ui';

/** A number field whose empty state is null (the field is then left out of the object). */
export function NumberInput(props: {
  value: number | null;
  onChange: (value: number | null) => void;
  label: string;
  testId?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  invalid?: boolean;
}): ReactNode {
  return (
    <input
      type="number"
      aria-label={props.label}
      data-testid={props.testId}
      value={props.value ?? ''}
      min={props.min}
      max={props.max}
      step={props.step ?? 'any'}
      aria-invalid={props.invalid || undefined}
      onChange={(event) => {
        const text = event.target.value;
        const value = text === '' ? null : Number(text);
        props.onChange(value === null || Number.isFinite(value) ? value : null);
      }}
      className={`${INPUT} w-24 ${props.invalid ? 'border-red-500 text-red-700 dark:border-red-500 dark:text-red-400' : ''}`}
    />
  );
}
