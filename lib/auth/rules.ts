/**
 * What a Kubernetes user may do, from the rules a SelfSubjectRulesReview answers (pure). Matching follows RBAC:
 * `*` matches any verb, group or resource; `resourceNames` limits a rule to those names (and then it never allows
 * `list`, `watch` or `create` of the whole kind).
 */

/** One rule of `SelfSubjectRulesReview.status.resourceRules`. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** One question: may this user `verb` the `resource` of `group` (named `name`)? */
export interface AccessQuestion {
  verb: string;
  /** `''` for the core group. */
  group: string;
  /** The plural, optionally with a subresource (`pods/log`). */
  resource: string;
  name?: string;
}

const matches = (list: readonly string[] | undefined, value: string): boolean =>
  (list ?? []).some((v) => v === '*' || v === value);

/** True when one of `rules` allows the question. */
export function allows(rules: readonly ResourceRule[], q: AccessQuestion): boolean {
  return rules.some((rule) => {
    if (!matches(rule.verbs, q.verb) || !matches(rule.apiGroups, q.group)) return false;
    const [base = ''] = q.resource.split('/');
    const resourceOk =
      matches(rule.resources, q.resource) ||
      (q.resource.includes('/') && (rule.resources ?? []).includes(`${base}/*`)) ||
      (rule.resources ?? []).includes('*');
    if (!resourceOk) return false;
    const names = rule.resourceNames ?? [];
    return names.length === 0 || (q.name !== undefined && names.includes(q.name));
  });
}

/** The rules that apply to a user in one namespace. */
export interface NamespaceRules {
  rules: ResourceRule[];
  /** The API server could not list every rule (webhook authorizers): what is missing counts as not allowed. */
  incomplete: boolean;
}

/** The user's rules in each namespace asked about. */
export type AccessMap = ReadonlyMap<string, NamespaceRules>;
