'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { useQueryString } from './use-view-state';

/** The product's sections, in navigation order. */
export const SECTIONS = [
  { href: '/', label: 'Overview' },
  { href: '/graph', label: 'Graph' },
  { href: '/mesh', label: 'Mesh' },
  { href: '/config', label: 'Config' },
  { href: '/traces', label: 'Traces' },
] as const;

/** Section links that carry the current view (namespaces, window, refresh) to the next page. */
export function NavLinks(): ReactNode {
  const pathname = usePathname();
  const query = useQueryString();
  return (
    <nav aria-label="Sections" className="flex gap-1">
      {SECTIONS.map(({ href, label }) => {
        const active = href === '/' ? pathname === '/' : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={query === '' ? href : `${href}?${query}`}
            aria-current={active ? 'page' : undefined}
            className={`rounded px-3 py-1.5 text-sm font-medium ${
              active
                ? 'bg-sky-600 text-white'
                : 'text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700'
            }`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
