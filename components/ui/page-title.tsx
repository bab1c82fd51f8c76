import type { ReactNode } from 'react';

/** A page's heading with a one-line description under it. */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }): ReactNode {
  return (
    <div className="mb-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      {children && <p className="text-sm text-slate-600 dark:text-slate-400">{children}</p>}
    </div>
  );
}
