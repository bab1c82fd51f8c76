/**
 * What a waypoint label change does, Service by Service and workload by workload: each effective waypoint is
 * resolved with `lib/istio`'s `effectiveWaypoint` on the live labels and on the proposed ones, and the two are
 * compared. Rates come from the namespace page (a Service's are its workloads' inbound). Pure.
 */
import {
  effectiveWaypoint,
  ISTIO_KEYS,
  matchesLabels,
  portProtocol,
  type ServicePortLike,
  type WaypointCatalog,
  type WaypointResolution,
} from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import type { ActionObjects, ActionTraffic } from './actions-types';
import { rateText } from './actions-words';
import { firstPod, isApplicationWorkload } from './view-inputs';

/** One Service or workload, resolved before and after the change. */
export interface ResolutionChange {
  kind: 'service' | 'workload';
  name: string;
  before: WaypointResolution;
  after: WaypointResolution;
  /** Services: every port is TCP (the waypoint carries it at L4 only). */
  tcpOnly: boolean;
  /** Inbound requests per second; null when unknown. */
  rps: number | null;
}

/** `namespace/name` of the waypoint a resolution ends at, or undefined. */
export function waypointKey(resolution: WaypointResolution): string | undefined {
  const gateway = resolution.waypoint;
  return gateway ? `${gateway.metadata.namespace ?? ''}/${gateway.metadata.name}` : undefined;
}

function selectorOf(service: KubeObject): Record<string, string> | undefined {
  return (service.spec as { selector?: Record<string, string> } | undefined)?.selector;
}

function isTcpOnly(service: KubeObject): boolean {
  const ports = (service.spec as { ports?: ServicePortLike[] } | undefined)?.ports ?? [];
  return ports.length > 0 && ports.every((p) => portProtocol(p) === 'tcp');
}

/** A waypoint's own Service (istiod labels it with the Gateway's name): never a subject of its own. */
function isWaypointService(service: KubeObject): boolean {
  return labelOf(service, ISTIO_KEYS.gatewayName) !== undefined;
}

/** The inbound rate of the workloads a Service selects; null when the rates are unknown. */
function serviceRate(service: KubeObject, objects: ActionObjects, traffic: ActionTraffic): number | null {
  if (traffic.inbound === null) return null;
  const selector = selectorOf(service);
  if (selector === undefined || Object.keys(selector).length === 0) return 0;
  return objects.workloads
    .filter((w) => w.pods.some((p) => matchesLabels(selector, p.metadata.labels)))
    .reduce((sum, w) => sum + (traffic.inbound?.get(w.name) ?? 0), 0);
}

/**
 * Every Service (and, with `workloads`, every application workload) of the namespace resolved with the live
 * labels and with `proposed` in place of the live Namespace or Service of the same name.
 */
export function resolveChanges(
  objects: ActionObjects,
  proposed: { namespace?: KubeObject; service?: KubeObject },
  traffic: ActionTraffic,
  workloads: boolean,
): ResolutionChange[] {
  const catalog: WaypointCatalog = { gateways: objects.gateways, gatewayClasses: objects.gatewayClasses };
  const liveNs = objects.namespace;
  const nextNs = proposed.namespace ?? liveNs;
  const changes: ResolutionChange[] = [];
  for (const service of objects.services) {
    if (isWaypointService(service)) continue;
    const next = proposed.service?.metadata.name === service.metadata.name ? proposed.service : service;
    changes.push({
      kind: 'service',
      name: service.metadata.name,
      before: effectiveWaypoint(service, liveNs, 'service', catalog),
      after: effectiveWaypoint(next, nextNs, 'service', catalog),
      tcpOnly: isTcpOnly(service),
      rps: serviceRate(service, objects, traffic),
    });
  }
  if (!workloads) return changes;
  for (const workload of objects.workloads.filter(isApplicationWorkload)) {
    const pod = firstPod(workload);
    changes.push({
      kind: 'workload',
      name: workload.name,
      before: effectiveWaypoint(pod, liveNs, 'workload', catalog),
      after: effectiveWaypoint(pod, nextNs, 'workload', catalog),
      tcpOnly: false,
      rps: traffic.inbound === null ? null : (traffic.inbound.get(workload.name) ?? 0),
    });
  }
  return changes;
}

/** "api (5 rps)", "postgres" (no rate when unknown or zero). */
export function withRate(change: ResolutionChange): string {
  return change.rps !== null && change.rps > 0 ? `${change.name} (${rateText(change.rps)})` : change.name;
}

/** The L7 features a waypoint brings, for the effects in words. */
export const L7_FEATURES =
  'AuthorizationPolicies bound to the waypoint (targetRefs: methods, paths, headers, JWT claims), HTTPRoute and VirtualService routing (splits, retries, timeouts, faults), request metrics and traces';
