'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { MtlsView } from '@/lib/mesh/views-types';
import { meshMtlsQuery } from '@/lib/queries/mesh';
import type { ViewState } from '@/lib/view-state';
import { useViewState } from '@/components/layout/use-view-state';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionHeading, SourceErrors } from './mesh-parts';
import { SetModeAction } from './actions/view-actions';
import { MtlsFindings, NamespaceModes, WorkloadModes } from './mtls-modes';
import { MtlsEdges, PlaintextEdges, Principals } from './mtls-traffic';

/** The namespace of a graph node id (`workload:ns/name`); empty for `unknown` and external hosts. */
const namespaceOfNode = (id: string): string => /^[a-z]+:([^/]+)\//.exec(id)?.[1] ?? '';

/** The view's namespaces (all when none is selected): edges with either end in one of them. */
function selected(data: MtlsView, view: ViewState): MtlsView {
  if (view.namespaces.length === 0) return data;
  const wanted = new Set(view.namespaces);
  const touches = (e: { source: string; target: string }): boolean =>
    wanted.has(namespaceOfNode(e.source)) || wanted.has(namespaceOfNode(e.target));
  const edges = data.edges.filter(touches);
  const seen = new Set(edges.flatMap((e) => [...e.sourcePrincipals, ...e.destinationPrincipals]));
  return {
    ...data,
    namespaces: data.namespaces.filter((n) => wanted.has(n.namespace)),
    workloads: data.workloads.filter((w) => wanted.has(w.namespace)),
    edges,
    plaintext: data.plaintext.filter(touches),
    principals: data.principals.filter((p) => seen.has(p.principal)),
    findings: data.findings.filter((f) => wanted.has(f.subject.split('/')[0] ?? '')),
  };
}

/** Presentational: findings, modes per namespace and workload, plaintext, edges and identities. */
export function MtlsContent({
  data,
  window,
  view,
  actions = false,
}: {
  data: MtlsView;
  window: string;
  /** Kept on the links to namespace and workload pages. */
  view?: ViewState;
  /** Show the posture actions (they read the write capabilities, so only under a QueryClient). */
  actions?: boolean;
}): ReactNode {
  const inMesh = data.workloads.filter((w) => w.dataplane !== 'none');
  const trafficNote = data.trafficKnown ? `over the last ${window}` : '(metrics unavailable)';
  return (
    <>
      <SectionHeading note={trafficNote}>Findings</SectionHeading>
      {!data.policiesKnown && (
        <p className="mb-2 text-sm text-amber-700 dark:text-amber-400">
          PeerAuthentications could not be read: modes are unknown and not judged.
        </p>
      )}
      <MtlsFindings findings={data.findings} />
      <SectionHeading note="mesh, then namespace (workload policies aside)">
        PeerAuthentication by namespace
      </SectionHeading>
      <NamespaceModes
        rows={data.namespaces}
        known={data.policiesKnown}
        view={view}
        action={actions ? (row) => <SetModeAction row={row} /> : undefined}
      />
      <SectionHeading note={trafficNote}>Plaintext</SectionHeading>
      {data.trafficKnown ? (
        <PlaintextEdges rows={data.plaintext} />
      ) : (
        <p className="text-sm text-slate-500">Rates unavailable.</p>
      )}
      <SectionHeading note="mesh, then namespace, then workload; port-level overrides">
        Workloads in the mesh
      </SectionHeading>
      {inMesh.length === 0 ? (
        <p className="text-sm text-slate-500">No workload is in the mesh.</p>
      ) : (
        <WorkloadModes rows={inMesh} known={data.policiesKnown} view={view} />
      )}
      <SectionHeading note={`observed connection_security_policy ${trafficNote}`}>Edges</SectionHeading>
      {data.trafficKnown ? (
        <MtlsEdges rows={data.edges} view={view} />
      ) : (
        <p className="text-sm text-slate-500">Rates unavailable.</p>
      )}
      <SectionHeading note="SPIFFE identities on the edges">Principals seen</SectionHeading>
      <Principals rows={data.principals} />
    </>
  );
}

/** The mTLS tab: reads `GET /api/mesh/mtls` at the view's window and refresh. */
export function MtlsSection(): ReactNode {
  const { view, refreshMs } = useViewState();
  const { data, isPending, isError, error } = useQuery(meshMtlsQuery(view.window, refreshMs));
  if (isPending) return <p className="text-sm text-slate-500">Reading mTLS…</p>;
  if (isError) {
    return (
      <EmptyState testId="mtls-error" title="mTLS could not be read">
        {error.message}
      </EmptyState>
    );
  }
  return (
    <div data-testid="mesh-mtls">
      <SourceErrors errors={data.errors} testId="mtls-errors" />
      <MtlsContent data={selected(data.data, view)} window={view.window} view={view} actions />
    </div>
  );
}
