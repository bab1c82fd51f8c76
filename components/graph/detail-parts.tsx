import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Health } from '@/lib/graph/types';

const HEALTH_CLASS: Record<Health, string> = {
  healthy: 'bg-green-100 text-green-800 dark:bg-green-900/60 dark:text-green-200',
  degraded: 'bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200',
  failing: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
  idle: 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300',
  unknown: 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300',
};

/** A health as a coloured word. */
export function HealthBadge({ health }: { health: Health }): ReactNode {
  return (
    <span
      data-testid="graph-health"
      className={`rounded px-1.5 py-0.5 text-xs font-medium ${HEALTH_CLASS[health]}`}
    >
      {health === 'idle' ? 'no traffic' : health === 'unknown' ? 'nothing came in' : health}
    </span>
  );
}

/** A two-column list of facts. */
export function Facts({ rows }: { rows: [string, ReactNode][] }): ReactNode {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{term}</dt>
          <dd
            data-testid={`graph-fact-${term.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
            className="tabular-nums"
          >
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A section heading inside the panel. */
export function PanelHeading({ children }: { children: ReactNode }): ReactNode {
  return (
    <h3 className="mt-4 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
      {children}
    </h3>
  );
}

/** Links to the other pages about this thing: its configuration and its traces. */
export function PanelLinks({
  links,
}: {
  links: { href: string; text: string; testId: string }[];
}): ReactNode {
  return (
    <div className="mt-4 flex flex-wrap gap-2 text-sm">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          data-testid={link.testId}
          className="rounded border border-slate-300 px-2 py-1 text-sky-700 hover:bg-slate-100 dark:border-slate-600 dark:text-sky-300 dark:hover:bg-slate-800"
        >
          {link.text}
        </Link>
      ))}
    </div>
  );
}

/** `/config?ns=…&name=…` and `/traces?…` for a named thing in a namespace. */
export function pageLink(page: 'config' | 'traces', params: Record<string, string>): string {
  return `/${page}?${new URLSearchParams(params).toString()}`;
}

/** A SPIFFE identity shortened to `ns/sa` for reading; the full one in the title. */
export function Principal({ spiffe }: { spiffe: string }): ReactNode {
  const m = /\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(spiffe);
  return (
    <li title={spiffe} className="truncate font-mono text-xs">
      {m ? `${m[1]}/${m[2]}` : spiffe}
    </li>
  );
}
