/**
 * What is bound to a waypoint by its own labels (docs/istio-ambient.md, "Enrollment and waypoint labels"):
 * namespaces, Services, ServiceEntries and pods (grouped by workload) whose `istio.io/use-waypoint` names it, in
 * its namespace or the one `istio.io/use-waypoint-namespace` names, and whether the waypoint serves each of them
 * (its `waypoint-for` decides). Pure.
 */
import {
  effectiveWaypoint,
  ISTIO_KEYS,
  type WaypointCatalog,
  type WaypointSubject,
  type WaypointTrafficType,
} from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import type { WorkloadGroup } from './view-inputs';
import type { BindingKind, WaypointBinding, WaypointName } from './views-types';

/** The objects that may bind a waypoint, with their namespaces. */
export interface BindingCandidates {
  namespaces: readonly KubeObject[];
  services: readonly KubeObject[];
  serviceEntries: readonly KubeObject[];
  workloads: readonly WorkloadGroup[];
}

/** What a namespace binding means, by the waypoint's traffic type. */
const NAMESPACE_REASON: Readonly<Record<WaypointTrafficType, string>> = {
  service: 'its Services inherit it; its workloads do not (this waypoint serves services only)',
  workload: 'its workloads inherit it; its Services do not (this waypoint serves workloads only)',
  all: 'its Services and workloads inherit it',
  none: 'ignored: this waypoint serves no traffic (waypoint-for none)',
};

/** The waypoint an object's own labels name, or undefined (no label, or `none`). */
function namedBy(object: KubeObject, home: string): WaypointName | undefined {
  const name = labelOf(object, ISTIO_KEYS.useWaypoint);
  if (name === undefined || name === '' || name === 'none') return undefined;
  return { namespace: labelOf(object, ISTIO_KEYS.useWaypointNamespace) ?? home, name };
}

/** The binding labels as written. */
function labelText(object: KubeObject): string {
  const parts = [`${ISTIO_KEYS.useWaypoint}=${labelOf(object, ISTIO_KEYS.useWaypoint) ?? ''}`];
  const ns = labelOf(object, ISTIO_KEYS.useWaypointNamespace);
  if (ns !== undefined) parts.push(`${ISTIO_KEYS.useWaypointNamespace}=${ns}`);
  return parts.join(', ');
}

const same = (a: WaypointName | undefined, b: WaypointName): boolean =>
  a !== undefined && a.namespace === b.namespace && a.name === b.name;

/** A binding of an object's own label, judged by `effectiveWaypoint` for its subject. */
function objectBinding(
  object: KubeObject,
  kind: BindingKind,
  subject: WaypointSubject,
  catalog: WaypointCatalog,
): Omit<WaypointBinding, 'namespace' | 'name'> {
  // The namespace's label cannot matter: the object's own label is there and beats it.
  const resolution = effectiveWaypoint(object, undefined, subject, catalog);
  const effective = resolution.waypoint !== null;
  return { kind, label: labelText(object), effective, reason: effective ? 'bound' : resolution.reason };
}

/**
 * The objects bound to `waypoint` by their own labels: namespaces first, then Services and ServiceEntries, then
 * workloads (counting the pods that carry the label), each by namespace and name.
 */
export function waypointBindings(
  waypoint: WaypointName,
  trafficType: WaypointTrafficType,
  candidates: BindingCandidates,
  catalog: WaypointCatalog,
): WaypointBinding[] {
  const bindings: WaypointBinding[] = [];
  for (const ns of candidates.namespaces) {
    if (!same(namedBy(ns, ns.metadata.name), waypoint)) continue;
    bindings.push({
      kind: 'namespace',
      namespace: ns.metadata.name,
      name: ns.metadata.name,
      label: labelText(ns),
      effective: trafficType !== 'none',
      reason: NAMESPACE_REASON[trafficType],
    });
  }
  const services: [KubeObject, BindingKind][] = [
    ...candidates.services.map((s): [KubeObject, BindingKind] => [s, 'service']),
    ...candidates.serviceEntries.map((s): [KubeObject, BindingKind] => [s, 'serviceentry']),
  ];
  for (const [object, kind] of services) {
    const namespace = object.metadata.namespace ?? '';
    if (!same(namedBy(object, namespace), waypoint)) continue;
    bindings.push({
      namespace,
      name: object.metadata.name,
      ...objectBinding(object, kind, 'service', catalog),
    });
  }
  for (const workload of candidates.workloads) {
    const labelled = workload.pods.filter((p) => same(namedBy(p, workload.namespace), waypoint));
    const pod = labelled[0];
    if (pod === undefined) continue;
    bindings.push({
      namespace: workload.namespace,
      name: workload.name,
      ...objectBinding(pod, 'workload', 'workload', catalog),
      pods: labelled.length,
    });
  }
  const rank: Readonly<Record<BindingKind, number>> = {
    namespace: 0,
    service: 1,
    serviceentry: 1,
    workload: 2,
  };
  return bindings.sort(
    (a, b) =>
      rank[a.kind] - rank[b.kind] || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
}
