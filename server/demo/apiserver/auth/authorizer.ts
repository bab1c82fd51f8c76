/**
 * The authorizers the demo API server runs with (pure over their policy source): without authentication it
 * allows everything (kube's AlwaysAllow); with it, `system:masters` is allowed everything and everyone else gets
 * what RBAC grants. Both answer rules reviews (`kubectl auth can-i --list`) the way kube's do.
 */
import { type Attributes } from './attributes';
import {
  type Decision,
  type PolicyRule,
  type PolicySource,
  aggregateErrors,
  authorizeRbac,
  rulesFor,
} from './rbac';
import { MASTERS_GROUP, type UserInfo } from './user';

/** A rule of a SelfSubjectRulesReview on objects. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** A rule of a SelfSubjectRulesReview on non-resource paths. */
export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs?: string[];
}

/** What a user may do in a namespace (the status of a SelfSubjectRulesReview). */
export interface RulesResult {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  incomplete: boolean;
  evaluationError?: string;
}

/** Decides requests and lists rules. */
export interface Authorizer {
  authorize(user: UserInfo, attributes: Attributes): Decision;
  /** The rules that apply to the user in the namespace. */
  rulesFor(user: UserInfo, namespace: string): RulesResult;
}

/** Allows everything; its rules are `*` on everything (kube's AlwaysAllow authorizer). */
export const ALWAYS_ALLOW: Authorizer = {
  authorize: () => ({ allowed: true, reason: '' }),
  rulesFor: () => ({
    resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
    incomplete: false,
  }),
};

function resourceRule(rule: PolicyRule): ResourceRule {
  const out: ResourceRule = { verbs: [...rule.verbs] };
  if (rule.apiGroups && rule.apiGroups.length > 0) out.apiGroups = [...rule.apiGroups];
  out.resources = [...(rule.resources ?? [])];
  if (rule.resourceNames && rule.resourceNames.length > 0) out.resourceNames = [...rule.resourceNames];
  return out;
}

/** The RBAC authorizer over a policy source (which should include the bootstrap policy), with `system:masters`. */
export function rbacAuthorizer(policy: PolicySource): Authorizer {
  return {
    authorize: (user, attributes) =>
      user.groups.includes(MASTERS_GROUP)
        ? { allowed: true, reason: '' }
        : authorizeRbac(policy, user, attributes),
    rulesFor: (user, namespace) => {
      const { rules, errors } = rulesFor(policy, user, namespace);
      const result: RulesResult = {
        resourceRules: rules.filter((r) => (r.resources ?? []).length > 0).map(resourceRule),
        nonResourceRules: rules
          .filter((r) => (r.nonResourceURLs ?? []).length > 0)
          .map((r) => ({ verbs: [...r.verbs], nonResourceURLs: [...(r.nonResourceURLs ?? [])] })),
        incomplete: false,
      };
      if (errors.length > 0) result.evaluationError = aggregateErrors(errors);
      return result;
    },
  };
}
