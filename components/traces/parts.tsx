import type { ReactNode } from 'react';
import { serviceColor } from '@/lib/traces/service-colors';

/** A section heading inside a panel. */
export function SectionHeading({ children }: { children: ReactNode }): ReactNode {
  return (
    <h3 className="mt-4 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
      {children}
    </h3>
  );
}

/** A two-column list of facts; `testId` names the list, each value gets `<testId>-<term>`. */
export function FactList({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }): ReactNode {
  return (
    <dl data-testid={testId} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([term, value], i) => (
        <div key={`${term}-${i}`} className="contents">
          <dt className="whitespace-nowrap text-slate-500 dark:text-slate-400">{term}</dt>
          <dd className="min-w-0 break-words tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A service name with its colour swatch (the colour the waterfall's bars use for it). */
export function ServiceName({ service, className = '' }: { service: string; className?: string }): ReactNode {
  return (
    <span className={`inline-flex min-w-0 items-center gap-1.5 ${className}`}>
      <span
        aria-hidden
        className="inline-block size-2.5 shrink-0 rounded-sm"
        style={{ backgroundColor: serviceColor(service) }}
      />
      <span className="truncate">{service}</span>
    </span>
  );
}

const NOTICE_CLASS = {
  warning:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200',
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200',
} as const;

/** A coloured box for something that went wrong (`error`) or that the reader should know (`warning`). */
export function Notice(props: {
  tone: keyof typeof NOTICE_CLASS;
  testId: string;
  title?: string;
  role?: 'alert' | 'status';
  children: ReactNode;
}): ReactNode {
  return (
    <div
      data-testid={props.testId}
      role={props.role ?? 'status'}
      className={`mb-3 rounded border px-3 py-2 text-sm ${NOTICE_CLASS[props.tone]}`}
    >
      {props.title && <p className="font-medium">{props.title}</p>}
      {props.children}
    </div>
  );
}

/** A loading placeholder of the given height class, with the words a screen reader says. */
export function Loading({
  testId,
  text,
  height,
}: {
  testId: string;
  text: string;
  height: string;
}): ReactNode {
  return (
    <div
      data-testid={testId}
      role="status"
      className={`${height} flex animate-pulse items-center justify-center rounded border border-slate-200 bg-slate-100 text-sm text-slate-500 dark:border-slate-700 dark:bg-slate-900`}
    >
      {text}
    </div>
  );
}
