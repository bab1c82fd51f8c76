import type { ReactNode } from 'react';

/** A calm box that says why there is nothing to show yet, and what would make something appear. */
export function EmptyState({
  title,
  children,
  testId,
}: {
  title: string;
  children?: ReactNode;
  testId?: string;
}): ReactNode {
  return (
    <div
      data-testid={testId}
      className="rounded border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-600 dark:text-slate-400"
    >
      <p className="font-medium text-slate-800 dark:text-slate-200">{title}</p>
      {children && <div className="mt-1">{children}</div>}
    </div>
  );
}
