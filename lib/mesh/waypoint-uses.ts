/**
 * The waypoints a namespace uses: the one its `istio.io/use-waypoint` label names, and those its Services and pods
 * name on their own (label precedence from `lib/istio/waypoint.ts`), with whether each exists and is Programmed,
 * and what is wrong with them in words. Pure.
 */
import {
  effectiveWaypoint,
  isWaypointGateway,
  ISTIO_KEYS,
  waypointTrafficType,
  type WaypointCatalog,
  type WaypointResolution,
} from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import { conditionHolds, conditionOf } from './kube-facts';
import type { WaypointUse } from './types';

/** What a namespace's waypoints come to. */
export interface WaypointFindings {
  uses: WaypointUse[];
  problems: string[];
}

/** The objects of one namespace that may ask for a waypoint. */
export interface WaypointAskers {
  namespace: KubeObject;
  services: readonly KubeObject[];
  pods: readonly KubeObject[];
}

/** Istio's status condition on a Service bound (or not) to its waypoint. */
const WAYPOINT_BOUND = 'istio.io/WaypointBound';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Adds `who` to the use of the waypoint `resolution` asked for. */
function record(
  uses: Map<string, WaypointUse>,
  resolution: WaypointResolution,
  who: string,
  catalog: WaypointCatalog,
): void {
  const asked = resolution.requested;
  if (asked === undefined) return;
  const key = `${asked.namespace}/${asked.name}`;
  let use = uses.get(key);
  if (use === undefined) {
    const gateway = catalog.gateways.find(
      (g) => g.metadata.namespace === asked.namespace && g.metadata.name === asked.name,
    );
    const isWaypoint = gateway !== undefined && isWaypointGateway(gateway, catalog);
    use = {
      namespace: asked.namespace,
      name: asked.name,
      exists: isWaypoint,
      programmed: isWaypoint && conditionHolds(gateway, 'Programmed'),
      trafficType: isWaypoint ? waypointTrafficType(gateway, catalog) : null,
      usedBy: [],
    };
    uses.set(key, use);
  }
  if (!use.usedBy.includes(who)) use.usedBy.push(who);
}

/** The problem of a waypoint that cannot serve, or null. */
function problemOfUse(use: WaypointUse, catalog: WaypointCatalog): string | null {
  const where = `${use.namespace}/${use.name}`;
  if (!use.exists) {
    const gateway = catalog.gateways.find(
      (g) => g.metadata.namespace === use.namespace && g.metadata.name === use.name,
    );
    const className = (gateway?.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName;
    return gateway === undefined
      ? `uses waypoint ${where} which does not exist`
      : `uses ${where} as a waypoint, but it is a Gateway of class ${className ?? 'none'}`;
  }
  if (!use.programmed) return `waypoint ${where} is not Programmed: traffic bound to it is not served`;
  return null;
}

/**
 * The waypoints of one namespace. Pods count only with their own label (a pod inheriting a service-only namespace
 * waypoint is, by design, not served by it); Services count with their own label, and are reported when the
 * waypoint they get does not serve Services or when Istio says they are not bound.
 */
export function waypointUses(askers: WaypointAskers, catalog: WaypointCatalog): WaypointFindings {
  const uses = new Map<string, WaypointUse>();
  const problems: string[] = [];
  const { namespace } = askers;
  // A stand-in object with no labels of its own, so that only the namespace's label is read.
  const probe: KubeObject = { metadata: { name: '', namespace: namespace.metadata.name } };
  record(uses, effectiveWaypoint(probe, namespace, 'service', catalog), 'namespace', catalog);

  const refused = new Map<string, number>();
  for (const service of askers.services) {
    const resolution = effectiveWaypoint(service, namespace, 'service', catalog);
    if (resolution.from === 'object') record(uses, resolution, `service/${service.metadata.name}`, catalog);
    if (resolution.status === 'wrong-traffic-type' && resolution.requested) {
      const key = `${resolution.requested.namespace}/${resolution.requested.name}|${resolution.reason}`;
      refused.set(key, (refused.get(key) ?? 0) + 1);
    }
    const bound = conditionOf(service, WAYPOINT_BOUND);
    if (bound?.status === 'False') {
      const why = bound.reason ?? bound.message ?? 'no reason given';
      problems.push(`service ${service.metadata.name}: waypoint not bound (${why})`);
    }
  }
  for (const pod of askers.pods) {
    if (labelOf(pod, ISTIO_KEYS.useWaypoint) === undefined) continue; // inherited: see the function comment
    const resolution = effectiveWaypoint(pod, namespace, 'workload', catalog);
    if (resolution.from !== 'object') continue;
    record(uses, resolution, `pod/${pod.metadata.name}`, catalog);
    if (resolution.status === 'wrong-traffic-type' && resolution.requested) {
      const key = `${resolution.requested.namespace}/${resolution.requested.name}|${resolution.reason}`;
      refused.set(key, (refused.get(key) ?? 0) + 1);
    }
  }

  // The namespace's own waypoint first, then the others by namespace/name.
  const rank = (u: WaypointUse): number => (u.usedBy.includes('namespace') ? 0 : 1);
  const list = [...uses.values()].sort(
    (a, b) => rank(a) - rank(b) || `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  );
  for (const use of list) {
    const problem = problemOfUse(use, catalog);
    if (problem !== null) problems.push(problem);
  }
  for (const [key, count] of refused) {
    const [where, reason] = key.split('|');
    problems.push(`${plural(count, 'object')} asking for waypoint ${where} are ${reason ?? 'ignored'}`);
  }
  return { uses: list, problems };
}
