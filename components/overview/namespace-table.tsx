'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { NamespaceSummary } from '@/lib/api/dto';
import { namespacesQuery } from '@/lib/queries';
import { useViewState } from '@/components/layout/use-view-state';
import { EmptyState } from '@/components/ui/empty-state';

/** The selected namespaces (or all) with their data-plane mode, waypoint and pod count. */
export function NamespaceTable(): ReactNode {
  const { view, refreshMs } = useViewState();
  const { data, isPending, isError, error } = useQuery(namespacesQuery(refreshMs));
  if (isPending) return <p className="text-sm text-slate-500">Reading namespaces…</p>;
  if (isError) {
    return (
      <EmptyState testId="namespaces-error" title="Namespaces could not be read">
        {error.message}
      </EmptyState>
    );
  }
  const wanted = new Set(view.namespaces);
  const rows = data.data.filter((ns) => wanted.size === 0 || wanted.has(ns.name));
  return (
    <>
      {data.errors.map((e) => (
        <p key={e.message} className="mb-2 text-sm text-amber-700 dark:text-amber-400">
          {e.message}
        </p>
      ))}
      {rows.length === 0 ? (
        <EmptyState title="No namespaces to show">
          The cluster lists none, or none of the selected ones exist.
        </EmptyState>
      ) : (
        <table data-testid="namespace-table" className="w-full border-collapse text-left text-sm">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th className="py-1 pr-4 font-medium">Namespace</th>
              <th className="py-1 pr-4 font-medium">Data plane</th>
              <th className="py-1 pr-4 font-medium">Waypoint</th>
              <th className="py-1 font-medium">Pods</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ns) => (
              <tr key={ns.name} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-1 pr-4 font-medium">{ns.name}</td>
                <td className="py-1 pr-4">{dataPlane(ns)}</td>
                <td className="py-1 pr-4">{ns.waypoint ?? '—'}</td>
                <td className="py-1 tabular-nums">{ns.pods}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function dataPlane(ns: NamespaceSummary): string {
  if (ns.dataplaneMode === 'ambient') return ns.sidecarInjection ? 'ambient + sidecar injection' : 'ambient';
  if (ns.sidecarInjection) return 'sidecar';
  return 'out of mesh';
}
