/**
 * Routing rules that depend on ambient's data plane (docs/istio-ambient.md, "VirtualService, DestinationRule,
 * HTTPRoute in ambient"): a VirtualService takes effect only in a waypoint (or a sidecar or gateway), waypoints
 * ignore `sourceLabels`, and a VirtualService with an HTTPRoute for the same host is undefined behaviour.
 */
import { hostCoversService, type ServiceRef } from '@/lib/istio/host';
import type { KubeObject } from '@/lib/kube/object';
import { namespaceOf, sameObject } from './context';
import { factsOf } from './facts';
import { type LintRule, type RuleHit, defineRule } from './types';
import { fullName, hostsOf, meshBound, vsSpec } from './virtual-service-parts';

/** A mesh VirtualService for an ambient Service that no waypoint serves changes nothing for ambient clients. */
export const vsNoWaypoint: LintRule = defineRule({
  code: 'vs-no-waypoint',
  severity: 'warning',
  appliesTo: ['VirtualService'],
  needs: ['namespaces', 'services', 'pods', 'gateways'],
  about: 'no waypoint serves the host, so the VirtualService has no effect in ambient',
  check: (vs, ctx) => {
    if (!meshBound(vs)) return [];
    const facts = factsOf(ctx);
    return hostsOf(vs, facts).flatMap(({ path, service }): RuleHit[] => {
      if (service === undefined || !facts.serviceInAmbient(service)) return [];
      const resolution = facts.serviceWaypoint(service);
      if (resolution.waypoint !== null) return [];
      return [
        {
          path,
          message:
            `no waypoint serves service ${fullName(service)} (${resolution.reason}): in ambient a VirtualService ` +
            'takes effect only in a waypoint, so it has no effect for ambient clients (sidecars and gateways ' +
            'still apply it)',
        },
      ];
    });
  },
});

/**
 * Waypoints silently ignore `http[].match[].sourceLabels`: the match then applies to every client through the
 * waypoint, while sidecar clients (which bypass waypoints and route themselves) honour it.
 */
export const vsSourceLabelsAtWaypoint: LintRule = defineRule({
  code: 'vs-sourcelabels-at-waypoint',
  severity: 'warning',
  appliesTo: ['VirtualService'],
  needs: ['namespaces', 'services', 'gateways'],
  about: 'a match on sourceLabels for a host a waypoint serves (waypoints ignore it)',
  check: (vs, ctx) => {
    if (!meshBound(vs)) return [];
    const facts = factsOf(ctx);
    const served = hostsOf(vs, facts).flatMap(({ service }) => {
      const waypoint = service === undefined ? null : facts.serviceWaypoint(service).waypoint;
      return service !== undefined && waypoint !== null ? [{ service, waypoint }] : [];
    });
    const first = served[0];
    if (first === undefined) return [];
    return (vsSpec(vs).http ?? []).flatMap((route, i) =>
      (route.match ?? []).flatMap((match, j): RuleHit[] =>
        match.sourceLabels === undefined
          ? []
          : [
              {
                path: `spec.http[${i}].match[${j}].sourceLabels`,
                message:
                  `waypoint ${fullName(first.waypoint)} serves service ${fullName(first.service)} and ignores ` +
                  'sourceLabels: this match applies to every client through it (sidecar clients bypass it and honour sourceLabels)',
              },
            ],
      ),
    );
  },
});

/** The Services an HTTPRoute attaches to (GAMMA: a `parentRef` of kind Service), read defensively. */
function serviceParents(route: KubeObject): { path: string; service: ServiceRef }[] {
  const refs = (route.spec as { parentRefs?: unknown } | undefined)?.parentRefs;
  if (!Array.isArray(refs)) return [];
  return refs.flatMap((value: unknown, i) => {
    const ref = value as { group?: unknown; kind?: unknown; name?: unknown; namespace?: unknown } | null;
    if (ref === null || typeof ref !== 'object' || ref.kind !== 'Service' || typeof ref.name !== 'string') {
      return [];
    }
    if (ref.group !== undefined && ref.group !== '' && ref.group !== 'core') return [];
    const namespace = typeof ref.namespace === 'string' ? ref.namespace : namespaceOf(route);
    return [{ path: `spec.parentRefs[${i}]`, service: { namespace, name: ref.name } }];
  });
}

/** True when a mesh VirtualService's hosts cover the Service. */
function vsCovers(vs: KubeObject, service: ServiceRef): boolean {
  const hosts = vsSpec(vs).hosts;
  if (!meshBound(vs) || !Array.isArray(hosts)) return false;
  return hosts.some((host) => typeof host === 'string' && hostCoversService(host, namespaceOf(vs), service));
}

const UNDEFINED_MIX =
  'a VirtualService and an HTTPRoute for the same host is undefined behaviour; keep one (HTTPRoute is the ' +
  'documented path in ambient)';

/** A VirtualService and an HTTPRoute for the same Service: reported on both. */
export const vsAndHttpRoute: LintRule = defineRule({
  code: 'vs-and-httproute',
  severity: 'warning',
  appliesTo: ['VirtualService', 'HTTPRoute'],
  needs: ['virtualServices', 'httpRoutes'],
  about: 'a VirtualService and an HTTPRoute route the same host',
  check: (object, ctx) => {
    if (object.kind === 'HTTPRoute') {
      return serviceParents(object).flatMap(({ path, service }): RuleHit[] => {
        const vs = ctx.virtualServices.find((v) => !sameObject(v, object) && vsCovers(v, service));
        if (vs === undefined) return [];
        const target = `${service.namespace}/${service.name}`;
        return [
          { path, message: `VirtualService ${fullName(vs)} also routes service ${target}: ${UNDEFINED_MIX}` },
        ];
      });
    }
    if (!meshBound(object)) return [];
    const from = namespaceOf(object);
    return (vsSpec(object).hosts ?? []).flatMap((host, i): RuleHit[] => {
      const route = ctx.httpRoutes.find(
        (r) =>
          !sameObject(r, object) &&
          serviceParents(r).some(({ service }) => hostCoversService(host, from, service)),
      );
      if (route === undefined) return [];
      return [
        {
          path: `spec.hosts[${i}]`,
          message: `HTTPRoute ${fullName(route)} also routes host ${host}: ${UNDEFINED_MIX}`,
        },
      ];
    });
  },
});
