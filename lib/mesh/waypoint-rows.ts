/**
 * The effective waypoint of every Service, ServiceEntry and workload of a namespace, with the reason in words,
 * following docs/istio-ambient.md ("Precedence"): the object's own `istio.io/use-waypoint` beats its namespace's,
 * `none` opts out, and a waypoint serves only the traffic its `istio.io/waypoint-for` names. A workload's traffic
 * comes two ways: addressed to a Service (served by the Service's waypoint) or to the pod itself (served only by a
 * waypoint for `workload` or `all` traffic). Sidecar and uncaptured pods are never served by a waypoint. Pure.
 */
import {
  dataplaneOf,
  effectiveWaypoint,
  matchesLabels,
  type Labels,
  type WaypointCatalog,
  type WaypointResolution,
} from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import { firstPod, conditionView, type WorkloadGroup } from './view-inputs';
import type { EffectiveWaypointRow, WaypointName } from './views-types';

/** Istio's status condition on a Service (or ServiceEntry) bound, or not, to its waypoint. */
export const WAYPOINT_BOUND = 'istio.io/WaypointBound';

/** The objects of one namespace whose waypoint is resolved. */
export interface NamespaceObjects {
  namespace: KubeObject;
  services: readonly KubeObject[];
  serviceEntries: readonly KubeObject[];
  /** Application workloads only. */
  workloads: readonly WorkloadGroup[];
}

const nameOf = (gateway: KubeObject | null): WaypointName | null =>
  gateway === null ? null : { namespace: gateway.metadata.namespace ?? '', name: gateway.metadata.name };

function fromResolution(
  resolution: WaypointResolution,
): Pick<EffectiveWaypointRow, 'waypoint' | 'status' | 'from' | 'reason'> {
  return {
    waypoint: nameOf(resolution.waypoint),
    status: resolution.status,
    from: resolution.from ?? null,
    reason: resolution.reason,
  };
}

/** The row of a Service or ServiceEntry, with Istio's `WaypointBound` condition when there is one. */
export function serviceRow(
  service: KubeObject,
  kind: 'service' | 'serviceentry',
  namespace: KubeObject,
  catalog: WaypointCatalog,
): EffectiveWaypointRow {
  return {
    kind,
    namespace: service.metadata.namespace ?? '',
    name: service.metadata.name,
    ...fromResolution(effectiveWaypoint(service, namespace, 'service', catalog)),
    bound: conditionView(service, WAYPOINT_BOUND),
  };
}

/** The Services whose selector picks the workload's pods. */
function servicesOf(workload: WorkloadGroup, services: readonly KubeObject[]): KubeObject[] {
  const labels = firstPod(workload).metadata.labels ?? {};
  return services.filter((s) => {
    const selector = (s.spec as { selector?: Labels } | undefined)?.selector;
    return selector !== undefined && Object.keys(selector).length > 0 && matchesLabels(selector, labels);
  });
}

/**
 * The row of a workload: the waypoint of its own traffic (pod-addressed) when one serves it, else the first
 * waypoint of the Services that select it, the reason then saying both ("bookinfo/waypoint, inherited from
 * namespace (through Service details); addressed to the pod: ignored: this waypoint serves services only").
 */
export function workloadRow(
  workload: WorkloadGroup,
  objects: Pick<NamespaceObjects, 'namespace' | 'services'>,
  catalog: WaypointCatalog,
): EffectiveWaypointRow {
  const pod = firstPod(workload);
  const dataplane = dataplaneOf(pod, objects.namespace);
  const services = servicesOf(workload, objects.services);
  const base = {
    kind: 'workload' as const,
    namespace: workload.namespace,
    name: workload.name,
    dataplane: dataplane.dataplane,
    services: services.map((s) => s.metadata.name).sort(),
  };
  if (dataplane.dataplane !== 'ambient') {
    const why =
      dataplane.dataplane === 'sidecar'
        ? 'has a sidecar: waypoints serve pods captured by ztunnel'
        : `not captured by ztunnel (${dataplane.reason}): no waypoint is used`;
    return { ...base, waypoint: null, status: 'not-captured', from: null, reason: why };
  }
  const direct = effectiveWaypoint(pod, objects.namespace, 'workload', catalog);
  if (direct.waypoint !== null) return { ...base, ...fromResolution(direct) };
  for (const service of services) {
    const viaService = effectiveWaypoint(service, objects.namespace, 'service', catalog);
    if (viaService.waypoint === null) continue;
    const own = direct.status === 'no-waypoint' ? '' : `; addressed to the pod: ${direct.reason}`;
    return {
      ...base,
      ...fromResolution(viaService),
      reason: `${viaService.reason} (through Service ${service.metadata.name})${own}`,
    };
  }
  return { ...base, ...fromResolution(direct) };
}

/** Every row of one namespace: Services and ServiceEntries, then workloads, each by name. */
export function namespaceRows(
  objects: NamespaceObjects,
  catalog: WaypointCatalog,
): { services: EffectiveWaypointRow[]; workloads: EffectiveWaypointRow[] } {
  const services = [
    ...objects.services.map((s) => serviceRow(s, 'service', objects.namespace, catalog)),
    ...objects.serviceEntries.map((s) => serviceRow(s, 'serviceentry', objects.namespace, catalog)),
  ].sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
  const workloads = objects.workloads
    .map((w) => workloadRow(w, objects, catalog))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { services, workloads };
}
