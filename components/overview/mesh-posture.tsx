'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { namespaceHref } from '@/lib/mesh/detail-links';
import { meshOverviewQuery } from '@/lib/queries';
import { useViewState } from '@/components/layout/use-view-state';
import { EmptyState } from '@/components/ui/empty-state';
import { ControlPlaneStrip } from './control-plane-strip';
import { NamespaceCard } from './namespace-card';
import { graphHref } from './posture-format';

/** The control-plane strip and a card per namespace (the view's namespaces, or all), problems first. */
export function MeshPosture(): ReactNode {
  const { view, refreshMs } = useViewState();
  const { data, isPending, isError, error } = useQuery(meshOverviewQuery(view.window, refreshMs));
  if (isPending) return <p className="text-sm text-slate-500">Reading the mesh posture…</p>;
  if (isError) {
    return (
      <EmptyState testId="mesh-posture-error" title="The mesh posture could not be read">
        {error.message}
      </EmptyState>
    );
  }
  const wanted = new Set(view.namespaces);
  const cards = data.data.namespaces.filter((ns) => wanted.size === 0 || wanted.has(ns.name));
  return (
    <>
      {data.errors.length > 0 && (
        <ul data-testid="mesh-posture-errors" className="mb-2 text-sm text-amber-700 dark:text-amber-400">
          {data.errors.map((e) => (
            <li key={`${e.source}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
      <h2 className="mt-6 mb-2 text-base font-semibold">Control plane</h2>
      <ControlPlaneStrip components={data.data.controlPlane} />
      <h2 className="mt-6 mb-2 text-base font-semibold">
        Namespaces <span className="font-normal text-slate-500">over the last {view.window}</span>
      </h2>
      {cards.length === 0 ? (
        <EmptyState title="No namespaces to show">
          The cluster lists none, or none of the selected ones exist.
        </EmptyState>
      ) : (
        <div data-testid="namespace-cards" className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {cards.map((posture) => (
            <NamespaceCard
              key={posture.name}
              posture={posture}
              graphHref={graphHref(view, posture.name)}
              detailHref={namespaceHref(posture.name, view)}
            />
          ))}
        </div>
      )}
    </>
  );
}
