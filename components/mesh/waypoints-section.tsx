'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { WaypointsView } from '@/lib/mesh/views-types';
import { meshWaypointsQuery } from '@/lib/queries/mesh';
import type { ViewState } from '@/lib/view-state';
import { useViewState } from '@/components/layout/use-view-state';
import { EmptyState } from '@/components/ui/empty-state';
import { CreateWaypointAction, WaypointUnbindActions } from './actions/view-actions';
import { EffectiveWaypoints } from './effective-waypoints';
import { SectionHeading, SourceErrors } from './mesh-parts';
import { WaypointCard } from './waypoint-card';

/** The view's namespaces (all when none is selected): a waypoint shows when it lives in one or serves one. */
function selected(data: WaypointsView, view: ViewState): WaypointsView {
  if (view.namespaces.length === 0) return data;
  const wanted = new Set(view.namespaces);
  return {
    ...data,
    waypoints: data.waypoints.filter(
      (w) => wanted.has(w.namespace) || w.bindings.some((b) => wanted.has(b.namespace)),
    ),
    namespaces: data.namespaces.filter((n) => wanted.has(n.namespace)),
    withoutWaypoint: data.withoutWaypoint.filter((n) => wanted.has(n)),
  };
}

/** Presentational: the cards, the effective waypoints per namespace, and the ambient namespaces without any. */
export function WaypointsContent({
  data,
  window,
  view,
  actions = false,
}: {
  data: WaypointsView;
  window: string;
  /** Kept on the links to namespace and workload pages. */
  view?: ViewState;
  /** Show the posture actions (they read the write capabilities, so only under a QueryClient). */
  actions?: boolean;
}): ReactNode {
  return (
    <>
      <SectionHeading note={`traffic over the last ${window}`}>Waypoints</SectionHeading>
      {data.waypoints.length === 0 ? (
        <EmptyState testId="waypoints-empty" title="No waypoints">
          No Gateway of class istio-waypoint here.{' '}
          <code>istioctl waypoint apply -n NS --enroll-namespace</code> creates one and labels the namespace.
        </EmptyState>
      ) : (
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {data.waypoints.map((card) => (
            <WaypointCard
              key={`${card.namespace}/${card.name}`}
              card={card}
              footer={actions ? <WaypointUnbindActions card={card} /> : undefined}
            />
          ))}
        </div>
      )}
      <SectionHeading note="labels resolved: the object's own istio.io/use-waypoint beats its namespace's">
        Effective waypoints
      </SectionHeading>
      {data.namespaces.length === 0 ? (
        <p className="text-sm text-slate-500">No namespace uses a waypoint.</p>
      ) : (
        data.namespaces.map((rows) => <EffectiveWaypoints key={rows.namespace} rows={rows} view={view} />)
      )}
      {data.withoutWaypoint.length > 0 && (
        <p data-testid="without-waypoint" className="mt-3 text-sm text-slate-600 dark:text-slate-300">
          Ambient without a waypoint (L4 only: no L7 policy, routing or request metrics):{' '}
          <span className="font-medium">{data.withoutWaypoint.join(', ')}</span>
          {actions && (
            <span className="mt-1 flex flex-wrap gap-2">
              {data.withoutWaypoint.map((namespace) => (
                <CreateWaypointAction key={namespace} namespace={namespace} />
              ))}
            </span>
          )}
        </p>
      )}
    </>
  );
}

/** The Waypoints tab: reads `GET /api/mesh/waypoints` at the view's window and refresh. */
export function WaypointsSection(): ReactNode {
  const { view, refreshMs } = useViewState();
  const { data, isPending, isError, error } = useQuery(meshWaypointsQuery(view.window, refreshMs));
  if (isPending) return <p className="text-sm text-slate-500">Reading waypoints…</p>;
  if (isError) {
    return (
      <EmptyState testId="waypoints-error" title="Waypoints could not be read">
        {error.message}
      </EmptyState>
    );
  }
  return (
    <div data-testid="mesh-waypoints">
      <SourceErrors errors={data.errors} testId="waypoints-errors" />
      <WaypointsContent data={selected(data.data, view)} window={view.window} view={view} actions />
    </div>
  );
}
