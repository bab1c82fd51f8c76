/**
 * A workload as the namespace and workload pages judge it: its effective waypoint with the reason (the Mesh page's
 * `workloadRow`), the Services selecting it, and the waypoints that enforce policy for it; and every Service of the
 * cluster with whether a waypoint serves it (for routing objects). Pure.
 */
import {
  effectiveWaypoint,
  isWaypointGateway,
  ISTIO_KEYS,
  type ServiceRef,
  type WaypointCatalog,
} from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import type { PolicySubject } from './detail-policies';
import type { RoutedService } from './detail-routes';
import { firstPod, type WorkloadGroup } from './view-inputs';
import type { EffectiveWaypointRow } from './views-types';
import { workloadRow } from './waypoint-rows';

/** What a judgement reads: Namespace objects by name, every Service, and the waypoint Gateways. */
export interface DetailContext {
  namespaces: ReadonlyMap<string, KubeObject>;
  services: readonly KubeObject[];
  catalog: WaypointCatalog;
}

/** A workload judged: its waypoint row, the Services selecting it, and the subject its policies see. */
export interface JudgedWorkload {
  row: EffectiveWaypointRow;
  services: ServiceRef[];
  subject: PolicySubject;
}

/** Namespace objects by name. */
export function namespaceMap(namespaces: readonly KubeObject[]): Map<string, KubeObject> {
  return new Map(namespaces.map((ns) => [ns.metadata.name, ns]));
}

/**
 * Judges one workload. A Namespace object that could not be read counts as an unlabelled namespace (so namespace
 * enrollment and waypoint labels are then not seen).
 */
export function judgeWorkload(workload: WorkloadGroup, ctx: DetailContext): JudgedWorkload {
  const namespace = ctx.namespaces.get(workload.namespace) ?? {
    metadata: { name: workload.namespace },
  };
  const inNamespace = ctx.services.filter((s) => s.metadata.namespace === workload.namespace);
  const row = workloadRow(workload, { namespace, services: inNamespace }, ctx.catalog);
  const selecting = inNamespace.filter((s) => (row.services ?? []).includes(s.metadata.name));
  const waypoints: PolicySubject['waypoints'][number][] = [];
  if (row.dataplane === 'ambient') {
    for (const service of selecting) {
      const gateway = effectiveWaypoint(service, namespace, 'service', ctx.catalog).waypoint;
      if (gateway)
        waypoints.push({ gateway, service: { namespace: workload.namespace, name: service.metadata.name } });
    }
    const own = effectiveWaypoint(firstPod(workload), namespace, 'workload', ctx.catalog).waypoint;
    if (own) waypoints.push({ gateway: own });
  }
  return {
    row,
    services: selecting.map((s) => ({ namespace: workload.namespace, name: s.metadata.name })),
    subject: {
      namespace: workload.namespace,
      labels: firstPod(workload).metadata.labels ?? {},
      dataplane: row.dataplane ?? 'none',
      waypoints,
    },
  };
}

/** Every Service of the cluster, and whether its effective waypoint exists. */
export function routedServices(ctx: DetailContext): RoutedService[] {
  return ctx.services.map((service) => {
    const namespace = service.metadata.namespace ?? '';
    const ns = ctx.namespaces.get(namespace);
    return {
      namespace,
      name: service.metadata.name,
      hasWaypoint: effectiveWaypoint(service, ns, 'service', ctx.catalog).waypoint !== null,
    };
  });
}

/** The waypoint fields of a row, as the pages show them. */
export function waypointFields(
  row: EffectiveWaypointRow,
): Pick<EffectiveWaypointRow, 'waypoint' | 'status' | 'from' | 'reason'> {
  return { waypoint: row.waypoint, status: row.status, from: row.from, reason: row.reason };
}

/**
 * The workloads (`namespace/name`) that run waypoints, from configuration only: the pods naming a Gateway of the
 * waypoint class, else a workload named after the Gateway (as the graph names a waypoint without pods).
 */
export function waypointWorkloads(
  workloads: readonly WorkloadGroup[],
  catalog: WaypointCatalog,
): Set<string> {
  const keys = new Set<string>();
  for (const gateway of catalog.gateways) {
    if (!isWaypointGateway(gateway, catalog)) continue;
    const namespace = gateway.metadata.namespace ?? '';
    const runs = workloads.find(
      (w) =>
        w.namespace === namespace &&
        w.pods.some((p) => labelOf(p, ISTIO_KEYS.gatewayName) === gateway.metadata.name),
    );
    keys.add(`${namespace}/${runs?.name ?? gateway.metadata.name}`);
  }
  return keys;
}
