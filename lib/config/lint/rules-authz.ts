/**
 * AuthorizationPolicy rules about where a policy is enforced (docs/istio-ambient.md, "AuthorizationPolicy"):
 * selector and targetRefs together, L7 fields at ztunnel, and client-identity rules behind a waypoint.
 */
import { targetRefsOf } from '@/lib/istio/authorization-scope';
import { wildcardMatch } from '@/lib/istio/string-match';
import { factsOf } from './facts';
import { identityValues, l7FieldsOf, policySpec, ztunnelBinding } from './policy-scope';
import { type LintRule, type RuleHit, defineRule } from './types';
import { fullName } from './virtual-service-parts';

/** `selector` binds a policy to ztunnel, `targetRefs` to a waypoint: never both. */
export const apSelectorAndTargetRefs: LintRule = defineRule({
  code: 'ap-selector-and-targetrefs',
  severity: 'error',
  appliesTo: ['AuthorizationPolicy', 'RequestAuthentication'],
  needs: [],
  about: 'a policy sets both selector and targetRefs',
  check: (policy) => {
    const spec = policySpec(policy);
    if (spec.selector === undefined || targetRefsOf(policy).length === 0) return [];
    return [
      {
        path: spec.targetRefs !== undefined ? 'spec.targetRefs' : 'spec.targetRef',
        message:
          'selector and targetRefs together: Istio refuses the policy; use targetRefs to bind it to a waypoint ' +
          '(or a Service through its waypoint), or selector for the workloads’ ztunnel',
      },
    ];
  },
});

const CONSEQUENCE: Readonly<Record<'ALLOW' | 'DENY', string>> = {
  ALLOW:
    'in an ALLOW policy ztunnel drops the whole rule: it never matches, so the policy is stricter than written ' +
    '(often deny-all)',
  DENY:
    'in a DENY policy ztunnel strips the L7 parts and enforces the rest of the rule: it denies more than written ' +
    '(a rule left empty denies everything)',
};

/** A ztunnel-bound rule with L7 fields: ALLOW rules are dropped, DENY rules lose their L7 parts. */
export const apL7AtZtunnel: LintRule = defineRule({
  code: 'ap-l7-at-ztunnel',
  severity: 'error',
  appliesTo: ['AuthorizationPolicy'],
  needs: ['namespaces', 'pods'],
  about: 'L7 fields in a policy that ztunnel enforces (ALLOW rule dropped, DENY loses its L7 parts)',
  check: (policy, ctx) => {
    const spec = policySpec(policy);
    const action = spec.action ?? 'ALLOW';
    if (action !== 'ALLOW' && action !== 'DENY') return [];
    const binding = ztunnelBinding(policy, ctx);
    if (binding === null) return [];
    return (spec.rules ?? []).flatMap((rule, i): RuleHit[] => {
      const fields = l7FieldsOf(rule);
      if (fields.length === 0) return [];
      return [
        {
          path: `spec.rules[${i}]`,
          message:
            `ztunnel enforces this policy (no targetRefs; it applies to ${binding.scope}) and only L4 fields; ` +
            `this rule has L7 fields (${fields.join(', ')}): ${CONSEQUENCE[action]}. Bind the policy to the ` +
            'waypoint with targetRefs, or keep the rule to L4 fields',
        },
      ];
    });
  },
});

/**
 * A ztunnel-bound policy on workloads behind a waypoint: the traffic reaches their ztunnel from the waypoint, so
 * principals and namespaces are compared with the waypoint's identity rather than the caller's.
 */
export const apSelectorBehindWaypoint: LintRule = defineRule({
  code: 'ap-selector-behind-waypoint',
  severity: 'warning',
  appliesTo: ['AuthorizationPolicy'],
  needs: ['namespaces', 'services', 'pods', 'gateways'],
  about:
    'a selector policy on caller identities for workloads behind a waypoint (the caller is the waypoint)',
  check: (policy, ctx) => {
    const spec = policySpec(policy);
    const identities = identityValues(spec);
    if (identities.length === 0) return [];
    const binding = ztunnelBinding(policy, ctx);
    if (binding === null) return [];
    const facts = factsOf(ctx);
    const waypoint = binding.ambientPods.map((pod) => facts.podWaypoint(pod)).find((w) => w !== null);
    if (waypoint === undefined || waypoint === null) return [];
    const identity = facts.waypointPrincipal(waypoint);
    const principals = identities.filter((i) => i.field === 'principals').flatMap((i) => i.values);
    if (principals.some((p) => wildcardMatch(p, identity))) return []; // written for the waypoint on purpose
    const fields = [...new Set(identities.map((i) => i.field))].join(', ');
    return [
      {
        path: spec.selector !== undefined ? 'spec.selector' : 'spec',
        message:
          `${binding.scope} ${binding.scope.startsWith('workloads') ? 'are' : 'is'} behind waypoint ` +
          `${fullName(waypoint)}: traffic through it reaches ztunnel with the waypoint's identity (${identity}), ` +
          `not the caller's, so ${fields} here are compared with the waypoint. Bind the policy to the waypoint ` +
          'with targetRefs',
      },
    ];
  },
});
