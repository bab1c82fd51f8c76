/**
 * What the rules ask of a snapshot, answered with `lib/istio`'s semantics and indexed once per snapshot: Services
 * by host, pods by Service, capture, effective waypoints, known identities.
 */
import { dataplaneOf } from '@/lib/istio/dataplane';
import { fqdnOf, serviceOfFqdn, type ServiceRef } from '@/lib/istio/host';
import { ISTIO_KEYS, principalOf } from '@/lib/istio/labels';
import { matchesLabels } from '@/lib/istio/selector';
import {
  effectiveWaypoint,
  isWaypointGateway,
  type WaypointCatalog,
  type WaypointResolution,
} from '@/lib/istio/waypoint';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import { namespaceOf } from './context';
import type { LintContext } from './types';

/** Derived lookups over one snapshot. */
export interface ClusterFacts {
  namespace(name: string): KubeObject | undefined;
  /** The Service a host names (`reviews`, `reviews.bookinfo`, the FQDN) from `from`, when it exists. */
  serviceOfHost(host: string, from: string): KubeObject | undefined;
  /** True for a wildcard, a Service that exists, or a ServiceEntry host that covers it. */
  hostKnown(host: string, from: string): boolean;
  /** The pods a Service selects. */
  podsOf(service: KubeObject): KubeObject[];
  /** True when ztunnel captures the pod. */
  isAmbient(pod: KubeObject): boolean;
  /** True when some pod behind the Service is captured, or it has none and its namespace is ambient. */
  serviceInAmbient(service: KubeObject): boolean;
  /** The effective waypoint of a Service, with the reason in words. */
  serviceWaypoint(service: KubeObject): WaypointResolution;
  /** The waypoint traffic to a pod goes through: its own (workload) waypoint, else one of its Services'. */
  podWaypoint(pod: KubeObject): KubeObject | null;
  /** The identity a waypoint's traffic carries (its pods' service account; the Gateway's name by default). */
  waypointPrincipal(gateway: KubeObject): string;
  isWaypoint(gateway: KubeObject): boolean;
  /** Every identity seen on a pod, `cluster.local/ns/<ns>/sa/<sa>`. */
  readonly principals: readonly string[];
  readonly namespaceNames: readonly string[];
}

const memo = new WeakMap<LintContext, ClusterFacts>();

/** The facts of a snapshot, built on first use and kept while the snapshot lives. */
export function factsOf(context: LintContext): ClusterFacts {
  let facts = memo.get(context);
  if (facts === undefined) {
    facts = buildFacts(context);
    memo.set(context, facts);
  }
  return facts;
}

function groupBy(objects: readonly KubeObject[], key: (o: KubeObject) => string): Map<string, KubeObject[]> {
  const map = new Map<string, KubeObject[]>();
  for (const object of objects) map.set(key(object), [...(map.get(key(object)) ?? []), object]);
  return map;
}

function selectorOf(service: KubeObject): Record<string, string> | undefined {
  const selector = (service.spec as { selector?: Record<string, string> } | undefined)?.selector;
  return selector !== undefined && Object.keys(selector).length > 0 ? selector : undefined;
}

function serviceEntryHosts(entries: readonly KubeObject[]): string[] {
  return entries.flatMap((entry) => {
    const hosts = (entry.spec as { hosts?: unknown } | undefined)?.hosts;
    return Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === 'string') : [];
  });
}

function hostCovered(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  return p === host || (p.startsWith('*') && host.endsWith(p.slice(1)));
}

function buildFacts(ctx: LintContext): ClusterFacts {
  const namespaces = new Map(ctx.namespaces.map((ns) => [ns.metadata.name, ns]));
  const services = new Map(ctx.services.map((s) => [`${namespaceOf(s)}/${s.metadata.name}`, s]));
  const podsByNamespace = groupBy(ctx.pods, namespaceOf);
  const entryHosts = serviceEntryHosts(ctx.serviceEntries);
  const catalog: WaypointCatalog = { gateways: ctx.gateways, gatewayClasses: [] };
  const serviceWaypoints = new Map<KubeObject, WaypointResolution>();

  const service = (ref: ServiceRef): KubeObject | undefined => services.get(`${ref.namespace}/${ref.name}`);
  const podsOf = (svc: KubeObject): KubeObject[] => {
    const selector = selectorOf(svc);
    if (selector === undefined) return [];
    return (podsByNamespace.get(namespaceOf(svc)) ?? []).filter((pod) =>
      matchesLabels(selector, pod.metadata.labels),
    );
  };
  const isAmbient = (pod: KubeObject): boolean =>
    dataplaneOf(pod, namespaces.get(namespaceOf(pod))).dataplane === 'ambient';
  const serviceWaypoint = (svc: KubeObject): WaypointResolution => {
    let resolution = serviceWaypoints.get(svc);
    if (resolution === undefined) {
      resolution = effectiveWaypoint(svc, namespaces.get(namespaceOf(svc)), 'service', catalog);
      serviceWaypoints.set(svc, resolution);
    }
    return resolution;
  };
  const serviceOfHost = (host: string, from: string): KubeObject | undefined => {
    const ref = serviceOfFqdn(fqdnOf(host, from));
    return ref === undefined ? undefined : service(ref);
  };

  return {
    namespace: (name) => namespaces.get(name),
    serviceOfHost,
    hostKnown: (host, from) => {
      if (host.startsWith('*')) return true;
      if (serviceOfHost(host, from) !== undefined) return true;
      const fqdn = fqdnOf(host, from);
      return entryHosts.some(
        (pattern) => hostCovered(pattern, fqdn) || hostCovered(pattern, host.toLowerCase()),
      );
    },
    podsOf,
    isAmbient,
    serviceInAmbient: (svc) => {
      const pods = podsOf(svc);
      if (pods.length > 0) return pods.some(isAmbient);
      const ns = namespaces.get(namespaceOf(svc));
      return ns !== undefined && labelOf(ns, ISTIO_KEYS.dataplaneMode) === 'ambient';
    },
    serviceWaypoint,
    podWaypoint: (pod) => {
      const own = effectiveWaypoint(pod, namespaces.get(namespaceOf(pod)), 'workload', catalog).waypoint;
      if (own !== null) return own;
      const ofServices = ctx.services
        .filter((svc) => namespaceOf(svc) === namespaceOf(pod))
        .filter((svc) => {
          const selector = selectorOf(svc);
          return selector !== undefined && matchesLabels(selector, pod.metadata.labels);
        })
        .map((svc) => serviceWaypoint(svc).waypoint);
      return ofServices.find((w) => w !== null) ?? null;
    },
    waypointPrincipal: (gateway) => {
      const ns = namespaceOf(gateway);
      const pod = (podsByNamespace.get(ns) ?? []).find(
        (p) => labelOf(p, ISTIO_KEYS.gatewayName) === gateway.metadata.name,
      );
      const sa = (pod?.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName;
      return principalOf(ns, sa ?? gateway.metadata.name, ctx.trustDomain);
    },
    isWaypoint: (gateway) => isWaypointGateway(gateway, catalog),
    principals: ctx.serviceAccounts.map((sa) => principalOf(sa.namespace, sa.name, ctx.trustDomain)),
    namespaceNames: ctx.namespaces.map((ns) => ns.metadata.name),
  };
}
