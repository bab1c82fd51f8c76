/**
 * Where an AuthorizationPolicy is enforced, for the rules (docs/istio-ambient.md, "AuthorizationPolicy"): with
 * `targetRefs` by the waypoint named; otherwise by the destination ztunnel of the ambient workloads it selects
 * (`policiesAt`, the same scoping the demo's engine applies).
 */
import type { AuthorizationPolicySpec, AuthorizationRule } from '@/lib/istio/authorization-types';
import { ruleHasL7 } from '@/lib/istio/authorization-match';
import { policiesAt, targetRefsOf } from '@/lib/istio/authorization-scope';
import { ISTIO_KEYS } from '@/lib/istio/labels';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import { workloadScopeText } from '../words';
import { namespaceOf } from './context';
import { factsOf } from './facts';
import type { LintContext } from './types';

/** The spec of a policy that passed the schema. */
export function policySpec(policy: KubeObject): AuthorizationPolicySpec {
  return (policy.spec ?? {}) as AuthorizationPolicySpec;
}

/** A policy bound to ztunnel: the ambient pods it selects, and its scope in words. */
export interface ZtunnelBinding {
  ambientPods: KubeObject[];
  scope: string;
}

/**
 * The ztunnel binding of a policy without targetRefs that ztunnel enforces: it selects captured pods, or it
 * selects none yet and lives in an ambient namespace. Null for waypoint-bound policies and the rest.
 */
export function ztunnelBinding(policy: KubeObject, ctx: LintContext): ZtunnelBinding | null {
  if (targetRefsOf(policy).length > 0) return null;
  const facts = factsOf(ctx);
  const selected = ctx.pods.filter(
    (pod) =>
      policiesAt(
        [policy],
        { kind: 'ztunnel', namespace: namespaceOf(pod), labels: pod.metadata.labels ?? {} },
        ctx.rootNamespace,
      ).length > 0,
  );
  const ambientPods = selected.filter((pod) => facts.isAmbient(pod));
  const ns = namespaceOf(policy);
  const namespace = facts.namespace(ns);
  const ambientNamespace =
    namespace !== undefined && labelOf(namespace, ISTIO_KEYS.dataplaneMode) === 'ambient';
  if (ambientPods.length === 0 && !(selected.length === 0 && ambientNamespace && ns !== ctx.rootNamespace)) {
    return null;
  }
  return { ambientPods, scope: workloadScopeText(policySpec(policy).selector, ns, ctx.rootNamespace) };
}

/** The L7 fields of a rule, as paths inside it (`to[0].operation.methods`, `when[1] (request.auth.claims[iss])`). */
export function l7FieldsOf(rule: AuthorizationRule): string[] {
  const fields: string[] = [];
  (rule.from ?? []).forEach((from, j) => {
    for (const [name, values] of Object.entries(from.source ?? {})) {
      if (ruleHasL7({ from: [{ source: { [name]: values as string[] } }] })) {
        fields.push(`from[${j}].source.${name}`);
      }
    }
  });
  (rule.to ?? []).forEach((to, j) => {
    for (const [name, values] of Object.entries(to.operation ?? {})) {
      if (ruleHasL7({ to: [{ operation: { [name]: values as string[] } }] })) {
        fields.push(`to[${j}].operation.${name}`);
      }
    }
  });
  (rule.when ?? []).forEach((condition, j) => {
    if (ruleHasL7({ when: [condition] })) fields.push(`when[${j}] (${condition.key})`);
  });
  return fields;
}

/** Source fields that name the caller's identity, which a waypoint replaces with its own. */
const IDENTITY_FIELDS = new Set([
  'principals',
  'notPrincipals',
  'namespaces',
  'notNamespaces',
  'serviceAccounts',
  'notServiceAccounts',
]);
const IDENTITY_KEYS = new Set(['source.principal', 'source.namespace']);

/** The identity values of a policy's rules (principals, namespaces, service accounts, their `when` keys). */
export function identityValues(spec: AuthorizationPolicySpec): { field: string; values: string[] }[] {
  return (spec.rules ?? []).flatMap((rule) => [
    ...(rule.from ?? []).flatMap((from) =>
      Object.entries(from.source ?? {})
        .filter(([name]) => IDENTITY_FIELDS.has(name))
        .map(([field, values]) => ({ field, values: values as string[] })),
    ),
    ...(rule.when ?? [])
      .filter((c) => IDENTITY_KEYS.has(c.key))
      .map((c) => ({ field: c.key, values: [...(c.values ?? []), ...(c.notValues ?? [])] })),
  ]);
}
