/**
 * Rules on what a route points at: weights that do not sum to 100, subsets no DestinationRule defines, hosts that
 * name nothing (docs/istio-ambient.md, "VirtualService, DestinationRule, HTTPRoute in ambient").
 */
import { destinationRuleFor } from '@/lib/istio/destination-rule';
import { fqdnOf, serviceOfFqdn } from '@/lib/istio/host';
import type { KubeObject } from '@/lib/kube/object';
import { namespaceOf } from './context';
import { factsOf } from './facts';
import { type LintContext, type LintRule, type RuleHit, defineRule } from './types';
import { destinationsOf, fullName, meshBound, routeLists, vsSpec } from './virtual-service-parts';

/** Weights in one route list must sum to 100; a single destination without a weight takes all. */
export const weightsNot100: LintRule = defineRule({
  code: 'weights-not-100',
  severity: 'error',
  appliesTo: ['VirtualService'],
  needs: [],
  about: 'the weights of one route list do not sum to 100',
  check: (vs) =>
    routeLists(vs).flatMap(({ path, weights }): RuleHit[] => {
      if (weights.length === 0 || (weights.length === 1 && weights[0] === undefined)) return [];
      const sum = weights.reduce<number>((total, w) => total + (w ?? 0), 0);
      if (sum === 100) return [];
      const terms = weights.map((w) => String(w ?? 0)).join(' + ');
      return [{ path, message: `the weights sum to ${sum} (${terms}), not 100` }];
    }),
});

type RuleSpec = { host?: string; subsets?: { name: string }[] };

/** The DestinationRule for a host: lib/istio's choice for a Service, the same FQDN otherwise. */
function ruleForHost(host: string, from: string, ctx: LintContext): KubeObject | undefined {
  const fqdn = fqdnOf(host, from);
  const service = serviceOfFqdn(fqdn);
  if (service !== undefined) return destinationRuleFor(ctx.destinationRules, service);
  return ctx.destinationRules.find((dr) => {
    const drHost = (dr.spec as RuleSpec | undefined)?.host;
    return drHost !== undefined && fqdnOf(drHost, namespaceOf(dr)) === fqdn;
  });
}

/** A destination's subset must be defined in the DestinationRule for its host (else Envoy answers 503 NC). */
export const subsetMissing: LintRule = defineRule({
  code: 'subset-missing',
  severity: 'error',
  appliesTo: ['VirtualService'],
  needs: ['destinationRules'],
  about: 'a route names a subset that no DestinationRule for its host defines',
  check: (vs, ctx) => {
    const from = namespaceOf(vs);
    return destinationsOf(vs).flatMap(({ path, destination }): RuleHit[] => {
      const { host, subset } = destination;
      if (subset === undefined) return [];
      const rule = ruleForHost(host, from, ctx);
      const subsets = ((rule?.spec as RuleSpec | undefined)?.subsets ?? []).map((s) => s.name);
      if (subsets.includes(subset)) return [];
      const where =
        rule === undefined
          ? `no DestinationRule for host ${host} defines subsets`
          : `DestinationRule ${fullName(rule)} defines ${subsets.length > 0 ? subsets.join(', ') : 'none'}`;
      return [
        {
          path: `${path}.subset`,
          message: `subset ${subset} of ${host} is not defined (${where}): its requests fail with 503 (no cluster)`,
        },
      ];
    });
  },
});

/** Where hosts must resolve: mesh hosts of a VirtualService, every destination, a DestinationRule's host. */
function hostsToResolve(object: KubeObject): { path: string; host: string }[] {
  if (object.kind === 'DestinationRule') {
    const host = (object.spec as RuleSpec | undefined)?.host;
    return host === undefined ? [] : [{ path: 'spec.host', host }];
  }
  const own = meshBound(object)
    ? (vsSpec(object).hosts ?? []).map((host, i) => ({ path: `spec.hosts[${i}]`, host }))
    : [];
  const destinations = destinationsOf(object).map(({ path, destination }) => ({
    path: `${path}.host`,
    host: destination.host,
  }));
  return [...own, ...destinations];
}

/** A host must be a Service or a ServiceEntry host (wildcards are left alone); each host is reported once. */
export const hostUnknown: LintRule = defineRule({
  code: 'host-unknown',
  severity: 'warning',
  appliesTo: ['VirtualService', 'DestinationRule'],
  needs: ['services', 'serviceEntries'],
  about: 'a host matches no Service and no ServiceEntry',
  check: (object, ctx) => {
    const facts = factsOf(ctx);
    const from = namespaceOf(object);
    const seen = new Set<string>();
    return hostsToResolve(object)
      .filter(({ host }) => !seen.has(host) && seen.add(host) && !facts.hostKnown(host, from))
      .map(({ path, host }) => {
        const fqdn = fqdnOf(host, from);
        const looked = fqdn === host ? '' : ` (read as ${fqdn})`;
        return { path, message: `host ${host}${looked} matches no Service or ServiceEntry` };
      });
  },
});
