/**
 * The routing objects of the namespace and workload pages (VirtualServices, HTTPRoutes, DestinationRules): what
 * each applies to and who applies it (docs/istio-ambient.md, "VirtualService, DestinationRule, HTTPRoute in
 * ambient"): routing takes effect in a waypoint, a sidecar or a gateway, never in ztunnel, so for a Service
 * without a waypoint only sidecar and gateway clients are routed by it. Pure.
 */
import {
  destinationRuleFor,
  fqdnOf,
  hostCoversService,
  serviceOfFqdn,
  virtualServiceFor,
  type DestinationRuleSpec,
  type HttpRouteSpec,
  type ServiceRef,
  type VirtualServiceSpec,
} from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import type { EnforcementKind, PolicyKind, PolicyRow } from './detail-types';

/** The routing objects the pages read. */
export interface RoutingObjects {
  virtualServices: readonly KubeObject[];
  httpRoutes: readonly KubeObject[];
  destinationRules: readonly KubeObject[];
}

/** A Service of the cluster, and whether a waypoint serves it (its effective waypoint, labels resolved). */
export interface RoutedService extends ServiceRef {
  hasWaypoint: boolean;
}

type RoutingKind = Extract<PolicyKind, 'VirtualService' | 'HTTPRoute' | 'DestinationRule'>;

/** How an object relates to Services: those whose traffic it routes (`entry`), those it sends traffic to. */
interface Relations {
  entry: ServiceRef[];
  target: ServiceRef[];
  /** Bound to gateways (ingress) too, or only. */
  gateway: boolean;
  meshBound: boolean;
}

const sameService = (a: ServiceRef, b: ServiceRef): boolean =>
  a.namespace === b.namespace && a.name === b.name;
const namespaceOf = (o: KubeObject): string => o.metadata.namespace ?? '';

function relationsOf(kind: RoutingKind, object: KubeObject, services: readonly RoutedService[]): Relations {
  const ns = namespaceOf(object);
  if (kind === 'VirtualService') {
    const spec = (object as KubeObject<VirtualServiceSpec>).spec;
    const gateways = spec?.gateways ?? [];
    const meshBound = gateways.length === 0 || gateways.includes('mesh');
    const hosts = spec?.hosts ?? [];
    const destinations = (spec?.http ?? []).flatMap((r) => r.route ?? []).map((d) => d.destination?.host);
    return {
      entry: meshBound ? services.filter((s) => hosts.some((h) => hostCoversService(h, ns, s))) : [],
      target: destinations.flatMap((host) => (host ? (serviceOfFqdn(fqdnOf(host, ns)) ?? []) : [])),
      gateway: gateways.some((g) => g !== 'mesh'),
      meshBound,
    };
  }
  if (kind === 'HTTPRoute') {
    const spec = (object as KubeObject<HttpRouteSpec>).spec;
    const parents = spec?.parentRefs ?? [];
    return {
      // Attached to the Service on any of its ports (`httpRouteAttaches` asks about one port).
      entry: services.filter((s) =>
        parents.some(
          (p) =>
            p.kind === 'Service' &&
            (p.group === undefined || p.group === '' || p.group === 'core') &&
            p.name === s.name &&
            (p.namespace ?? ns) === s.namespace,
        ),
      ),
      target: (spec?.rules ?? [])
        .flatMap((r) => r.backendRefs ?? [])
        .filter((b) => (b.kind ?? 'Service') === 'Service')
        .map((b) => ({ namespace: b.namespace ?? ns, name: b.name })),
      gateway: parents.some((p) => p.kind === undefined || p.kind === 'Gateway'),
      meshBound: parents.some((p) => p.kind === 'Service'),
    };
  }
  const host = (object as KubeObject<DestinationRuleSpec>).spec?.host;
  return {
    entry: host === undefined ? [] : services.filter((s) => hostCoversService(host, ns, s)),
    target: [],
    gateway: false,
    meshBound: true,
  };
}

/** What the object names, in words: `hosts reviews`, `parents Service reviews`, `host reviews (subsets v1, v2)`. */
export function routingAppliesTo(kind: RoutingKind, object: KubeObject): string {
  if (kind === 'VirtualService') {
    const spec = (object as KubeObject<VirtualServiceSpec>).spec;
    const gateways = (spec?.gateways ?? []).filter((g) => g !== 'mesh');
    const hosts = `hosts ${(spec?.hosts ?? []).join(', ') || '(none)'}`;
    return gateways.length > 0 ? `${hosts} (gateways ${gateways.join(', ')})` : hosts;
  }
  if (kind === 'HTTPRoute') {
    const parents = (object as KubeObject<HttpRouteSpec>).spec?.parentRefs ?? [];
    return `parents ${parents.map((p) => `${p.kind ?? 'Gateway'} ${p.name}`).join(', ') || '(none)'}`;
  }
  const spec = (object as KubeObject<DestinationRuleSpec>).spec;
  const subsets = (spec?.subsets ?? []).map((s) => s.name);
  return `host ${spec?.host ?? '(none)'}${subsets.length > 0 ? ` (subsets ${subsets.join(', ')})` : ''}`;
}

/** The row of one routing object, judged over the Services of the cluster. */
export function routingRow(
  kind: RoutingKind,
  object: KubeObject,
  services: readonly RoutedService[],
  allVirtualServices: readonly KubeObject[] = [],
): PolicyRow {
  const relations = relationsOf(kind, object, services);
  const entries = services.filter((s) => relations.entry.some((e) => sameService(e, s)));
  const enforcedAt = new Set<EnforcementKind>();
  if (entries.some((s) => s.hasWaypoint)) enforcedAt.add('waypoint');
  // Sidecar clients route by it themselves, waypoint or not: they bypass waypoints (Istio 1.22 and later).
  if (entries.length > 0) enforcedAt.add('sidecar');
  if (relations.gateway) enforcedAt.add('gateway');
  const bare = entries.filter((s) => !s.hasWaypoint);
  const notes: string[] = [];
  if (bare.length > 0) {
    notes.push(
      `no waypoint for ${bare.map((s) => s.name).join(', ')}: only sidecar clients apply it, ambient clients are not routed`,
    );
  }
  if (kind === 'VirtualService') {
    for (const s of entries) {
      const effective = virtualServiceFor(allVirtualServices, s);
      if (effective !== undefined && effective !== object) {
        notes.push(`not in effect for ${s.name}: ${namespaceOf(effective)}/${effective.metadata.name} is`);
      }
    }
  }
  if (entries.length === 0 && relations.meshBound && kind !== 'HTTPRoute') {
    notes.push('names no Service of the cluster');
  }
  return {
    kind,
    namespace: namespaceOf(object),
    name: object.metadata.name,
    appliesTo: routingAppliesTo(kind, object),
    enforcedAt: [...enforcedAt].sort(),
    note: notes.length === 0 ? null : notes.join('; '),
  };
}

const KINDS: readonly [RoutingKind, keyof RoutingObjects][] = [
  ['VirtualService', 'virtualServices'],
  ['HTTPRoute', 'httpRoutes'],
  ['DestinationRule', 'destinationRules'],
];

/** The routing objects of one namespace, by kind then name. */
export function namespaceRoutingRows(
  objects: RoutingObjects,
  namespace: string,
  services: readonly RoutedService[],
): PolicyRow[] {
  return KINDS.flatMap(([kind, field]) =>
    objects[field]
      .filter((o) => namespaceOf(o) === namespace)
      .map((o) => routingRow(kind, o, services, objects.virtualServices))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

/**
 * The routing objects that route traffic for, or to, some of a workload's Services (`mine`): VirtualServices whose
 * hosts cover one or whose routes send to one, HTTPRoutes attached to one or with one as a backend, and the
 * DestinationRule in effect for each.
 */
export function workloadRoutingRows(
  objects: RoutingObjects,
  mine: readonly ServiceRef[],
  services: readonly RoutedService[],
): PolicyRow[] {
  const isMine = (s: ServiceRef): boolean => mine.some((m) => sameService(m, s));
  const rules = new Set(mine.flatMap((s) => destinationRuleFor(objects.destinationRules, s) ?? []));
  return KINDS.flatMap(([kind, field]) =>
    objects[field]
      .filter((o) => {
        if (kind === 'DestinationRule') return rules.has(o);
        const relations = relationsOf(kind, o, services);
        return relations.entry.some(isMine) || relations.target.some(isMine);
      })
      .map((o) => routingRow(kind, o, services, objects.virtualServices))
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)),
  );
}
