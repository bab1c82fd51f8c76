/**
 * AuthorizationPolicy rules about who the policy names: principals (and service accounts) that no pod runs as,
 * namespaces that do not exist. A typo there silently matches nobody.
 */
import type { AuthorizationPolicySpec } from '@/lib/istio/authorization-types';
import { wildcardMatch } from '@/lib/istio/string-match';
import type { KubeObject } from '@/lib/kube/object';
import { namespaceOf } from './context';
import { factsOf } from './facts';
import { policySpec } from './policy-scope';
import { type LintRule, type RuleHit, defineRule } from './types';

/** One value of a rule with its path. */
interface ValueAt {
  path: string;
  value: string;
}

/** The values of the named source fields and of the `when` key (if any), each with its path. */
function valuesOf(
  spec: AuthorizationPolicySpec,
  fields: readonly string[],
  whenKey: string | null,
): ValueAt[] {
  return (spec.rules ?? []).flatMap((rule, i) => [
    ...(rule.from ?? []).flatMap((from, j) =>
      fields.flatMap((field) =>
        ((from.source as Record<string, string[] | undefined> | undefined)?.[field] ?? []).map(
          (value, k) => ({
            path: `spec.rules[${i}].from[${j}].source.${field}[${k}]`,
            value,
          }),
        ),
      ),
    ),
    ...(rule.when ?? []).flatMap((condition, j) =>
      condition.key !== whenKey
        ? []
        : (['values', 'notValues'] as const).flatMap((field) =>
            (condition[field] ?? []).map((value, k) => ({
              path: `spec.rules[${i}].when[${j}].${field}[${k}]`,
              value,
            })),
          ),
    ),
  ]);
}

const SPIFFE = 'spiffe://';

/** A principal pattern as the policy's identities are written (`spiffe://` is accepted and ignored). */
function principalPattern(value: string): string {
  return value.startsWith(SPIFFE) ? value.slice(SPIFFE.length) : value;
}

/** `serviceAccounts` entries are `ns/sa`, or `sa` in the policy's namespace. */
function serviceAccountPattern(value: string, policy: KubeObject, trustDomain: string): string {
  const [ns, sa] = value.includes('/') ? value.split('/', 2) : [namespaceOf(policy), value];
  return `${trustDomain}/ns/${ns ?? ''}/sa/${sa ?? ''}`;
}

/** Principals and service accounts must match an identity some pod runs as. */
export const apPrincipalUnknown: LintRule = defineRule({
  code: 'ap-principal-unknown',
  severity: 'warning',
  appliesTo: ['AuthorizationPolicy'],
  needs: ['pods'],
  about: 'a principal or service account matches no service account seen on a pod',
  check: (policy, ctx) => {
    const known = factsOf(ctx).principals;
    const spec = policySpec(policy);
    const principals = valuesOf(spec, ['principals', 'notPrincipals'], 'source.principal').map((v) => ({
      ...v,
      pattern: principalPattern(v.value),
    }));
    const accounts = valuesOf(spec, ['serviceAccounts', 'notServiceAccounts'], null).map((v) => ({
      ...v,
      pattern: serviceAccountPattern(v.value, policy, ctx.trustDomain),
    }));
    return [...principals, ...accounts].flatMap(({ path, value, pattern }): RuleHit[] =>
      known.some((principal) => wildcardMatch(pattern, principal))
        ? []
        : [
            {
              path,
              message: `${value} matches no service account seen on a pod (identities look like ${ctx.trustDomain}/ns/<namespace>/sa/<service account>)`,
            },
          ],
    );
  },
});

/** Namespaces must match a namespace that exists. */
export const apNamespaceUnknown: LintRule = defineRule({
  code: 'ap-namespace-unknown',
  severity: 'warning',
  appliesTo: ['AuthorizationPolicy'],
  needs: ['namespaces'],
  about: 'a namespace matches no namespace of the cluster',
  check: (policy, ctx) => {
    const known = factsOf(ctx).namespaceNames;
    return valuesOf(policySpec(policy), ['namespaces', 'notNamespaces'], 'source.namespace').flatMap(
      ({ path, value }): RuleHit[] =>
        known.some((ns) => wildcardMatch(value, ns))
          ? []
          : [{ path, message: `namespace ${value} matches no namespace of the cluster` }],
    );
  },
});
