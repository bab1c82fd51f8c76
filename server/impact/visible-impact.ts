import 'server-only';
import type { Visibility } from '@/lib/auth/visibility';
import type { GraphEdge } from '@/lib/graph/types';
import { seesEnds, seesNodeId } from '@/lib/graph/visible-graph';
import type { EdgeImpact } from '@/lib/impact/authorization-impact';
import type { HostImpact } from '@/lib/impact/virtual-service-impact';
import type { KubeObject } from '@/lib/kube/object';
import type { ImpactPreview } from './preview';

/**
 * An impact preview for a viewer who does not see every namespace. The proposed object is judged against every
 * live policy and all of the window's traffic (a DENY in the root namespace decides a visible call too); what is
 * shown is then cut down to the calls between namespaces the viewer sees, and the counts (`edges`, `unchanged`)
 * are of those calls only.
 */

/** Why the viewer may not preview this object: its namespace is one they do not see (null when they may). */
export function impactRefusal(proposed: KubeObject, visibility: Visibility): string | null {
  const ns = proposed.metadata.namespace ?? '';
  return visibility.seesNamespace(ns)
    ? null
    : `namespace ${JSON.stringify(ns)} is not one you may see: its impact cannot be previewed`;
}

/** One host's preview without the workloads and callers of hidden namespaces. */
function visibleHost(host: HostImpact, visibility: Visibility): HostImpact {
  const sees = (id: string): boolean => seesNodeId(visibility, id);
  return {
    ...host,
    routes: host.routes.map((r) => ({
      ...r,
      targets: r.targets.map((t) => ({ ...t, workloads: t.workloads.filter(sees) })),
    })),
    current: host.current.filter((c) => sees(c.workload)),
    expected: host.expected.filter((e) => sees(e.workload)),
    callers: host.callers.filter((c) => sees(c.source)),
  };
}

/**
 * The preview as the viewer may see it (pure): `edges` are the window's graph edges it was judged on. Calls with
 * an end in a hidden namespace are left out and not counted; hosts of hidden namespaces are left out. A viewer who
 * sees everything gets `preview` itself.
 */
export function visibleImpact(
  preview: ImpactPreview,
  edges: readonly GraphEdge[],
  visibility: Visibility,
): ImpactPreview {
  if (visibility.all) return preview;
  const shown = edges.filter((e) => seesEnds(visibility, e.source, e.target)).length;
  if (preview.kind === 'VirtualService') {
    return {
      ...preview,
      edges: shown,
      routing: preview.routing
        .filter((h) => visibility.seesNamespace(h.service.namespace))
        .map((h) => visibleHost(h, visibility)),
    };
  }
  const keep = (rows: EdgeImpact[]): EdgeImpact[] =>
    rows.filter((r) => seesEnds(visibility, r.source, r.target));
  const { denied, allowed, undecided } = preview.authorization;
  const authorization = { denied: keep(denied), allowed: keep(allowed), undecided: keep(undecided) };
  const changed = authorization.denied.length + authorization.allowed.length + authorization.undecided.length;
  return { ...preview, edges: shown, authorization: { ...authorization, unchanged: shown - changed } };
}
