import { type KubeObject } from '@/lib/kube/object';
import { ruleHasL7, ruleMatches } from './authorization-match';
import { policiesAt } from './authorization-scope';
import {
  type AuthorizationAction,
  type AuthorizationDecision,
  type AuthorizationPolicySpec,
  type AuthorizationRequest,
  type AuthorizationRule,
  type EnforcementPoint,
  type PolicyRef,
} from './authorization-types';
import { ROOT_NAMESPACE } from './labels';

type Policy = KubeObject<AuthorizationPolicySpec>;

function refOf(policy: Policy): PolicyRef {
  return { namespace: policy.metadata.namespace ?? '', name: policy.metadata.name };
}

function nameOf(policy: Policy): string {
  return `${policy.metadata.namespace ?? ''}/${policy.metadata.name}`;
}

/**
 * The rules a point enforces and how: Envoy with HTTP enforces every rule whole. ztunnel (or Envoy on TCP traffic)
 * enforces L4 only: an ALLOW rule with an L7 part is dropped (never matches, so the policy gets stricter), while a
 * DENY or AUDIT rule loses its L7 parts and the rest is enforced (stricter again).
 */
function enforcedRules(policy: Policy, l4Only: boolean): { rules: AuthorizationRule[]; dropped: number } {
  const rules = policy.spec?.rules ?? [];
  if (!l4Only || (policy.spec?.action ?? 'ALLOW') !== 'ALLOW') return { rules, dropped: 0 };
  const kept = rules.filter((rule) => !ruleHasL7(rule));
  return { rules: kept, dropped: rules.length - kept.length };
}

function matches(policy: Policy, request: AuthorizationRequest, l4Only: boolean): boolean {
  const namespace = policy.metadata.namespace ?? '';
  return enforcedRules(policy, l4Only).rules.some((rule) => ruleMatches(rule, request, namespace, l4Only));
}

function actionOf(policy: Policy): AuthorizationAction {
  return policy.spec?.action ?? 'ALLOW';
}

/**
 * Evaluates AuthorizationPolicies for one request at one enforcement point, the way Istio does:
 * 1. only the policies that apply at the point count (see `policiesAt`; pass all of them or a superset);
 * 2. CUSTOM is skipped: the demo has no external authorizer, so CUSTOM policies are a no-op (allow);
 * 3. DENY: any matching rule denies;
 * 4. ALLOW: when no ALLOW policy applies, allow; when a rule of one matches, allow; otherwise deny;
 * AUDIT never changes the decision.
 * At a ztunnel (and for TCP traffic at an Envoy) only L4 fields are enforced, with the L7 pitfall of
 * docs/istio-ambient.md: ALLOW rules with L7 parts never match, DENY rules lose their L7 parts.
 * `request.source` must already be the identity the point sees (behind a waypoint, the waypoint's).
 */
export function evaluateAuthorization(
  policies: readonly KubeObject[],
  request: AuthorizationRequest,
  point: EnforcementPoint,
  rootNamespace = ROOT_NAMESPACE,
): AuthorizationDecision {
  const applicable = policiesAt(policies, point, rootNamespace);
  const l4Only = point.kind === 'ztunnel' || request.http === undefined;
  const deny = applicable.find((p) => actionOf(p) === 'DENY' && matches(p, request, l4Only));
  if (deny !== undefined) {
    const stripped = l4Only && (deny.spec?.rules ?? []).some(ruleHasL7) ? ' (L7 parts ignored here)' : '';
    return { decision: 'deny', policy: refOf(deny), reason: `denied by ${nameOf(deny)} (DENY)${stripped}` };
  }
  const allows = applicable.filter((p) => actionOf(p) === 'ALLOW');
  const first = allows[0];
  if (first === undefined) return { decision: 'allow', reason: 'no ALLOW policy applies' };
  const allow = allows.find((p) => matches(p, request, l4Only));
  if (allow !== undefined) {
    return { decision: 'allow', policy: refOf(allow), reason: `allowed by ${nameOf(allow)}` };
  }
  const dropped = allows.filter((p) => enforcedRules(p, l4Only).dropped > 0).map(nameOf);
  const why =
    dropped.length > 0 ? ` (rules with L7 fields never match at ${point.kind}: ${dropped.join(', ')})` : '';
  return {
    decision: 'deny',
    policy: refOf(first),
    reason: `no ALLOW policy matched: ${allows.map(nameOf).join(', ')}${why}`,
  };
}
