'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useQueryString } from '@/components/layout/use-view-state';
import { MESH_TABS, meshTab, meshTabHref } from './mesh-format';
import { MtlsSection } from './mtls-section';
import { WaypointsSection } from './waypoints-section';

/** The Mesh page: Waypoints and mTLS tabs, the tab kept in the URL (`tab=mtls`) beside the shell's view. */
export function MeshView(): ReactNode {
  const query = useQueryString();
  const tab = meshTab(query);
  return (
    <>
      <nav
        aria-label="Mesh views"
        role="tablist"
        className="flex gap-1 border-b border-slate-200 dark:border-slate-700"
      >
        {MESH_TABS.map((t) => {
          const active = t.id === tab;
          return (
            <Link
              key={t.id}
              href={meshTabHref(query, t.id)}
              replace
              scroll={false}
              role="tab"
              aria-selected={active}
              data-testid={`mesh-tab-${t.id}`}
              className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${
                active
                  ? 'border-sky-600 text-sky-700 dark:text-sky-300'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
              }`}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
      <div role="tabpanel">{tab === 'mtls' ? <MtlsSection /> : <WaypointsSection />}</div>
    </>
  );
}
