/**
 * Kubernetes RBAC, as pure functions over a {@link PolicySource}: which bindings apply to a user (User, Group and
 * ServiceAccount subjects), the rules of the roles they reference (a RoleBinding may reference a ClusterRole), and
 * whether a rule allows a request (verbs, API groups, `resource/subresource` and `*`, resource names, non-resource
 * URLs with a trailing `*`). The semantics and the wording of reasons are those of kube-apiserver's RBAC authorizer.
 * Aggregation rules are not evaluated.
 */
import { type KubeObject, isPlainObject } from '../types';
import { type Attributes } from './attributes';
import { type UserInfo, parseServiceAccountUsername } from './user';

/** One rule of a Role or ClusterRole. */
export interface PolicyRule {
  verbs: readonly string[];
  apiGroups?: readonly string[];
  resources?: readonly string[];
  resourceNames?: readonly string[];
  nonResourceURLs?: readonly string[];
}

/** Who a binding grants its role to. */
export interface Subject {
  kind: string;
  name: string;
  /** For ServiceAccount subjects; a RoleBinding's own namespace when absent. */
  namespace?: string;
  apiGroup?: string;
}

/** The role a binding grants. */
export interface RoleRef {
  apiGroup: string;
  /** `Role` or `ClusterRole`. */
  kind: string;
  name: string;
}

/** A Role (with a namespace) or ClusterRole (without). */
export interface RbacRole {
  name: string;
  namespace?: string;
  rules: readonly PolicyRule[];
}

/** A RoleBinding (with a namespace) or ClusterRoleBinding (without). */
export interface RbacBinding {
  name: string;
  namespace?: string;
  subjects: readonly Subject[];
  roleRef: RoleRef;
}

/** Where the RBAC objects come from (the store, plus the built-in bootstrap policy). */
export interface PolicySource {
  clusterRoleBindings(): readonly RbacBinding[];
  roleBindings(namespace: string): readonly RbacBinding[];
  clusterRole(name: string): RbacRole | undefined;
  role(namespace: string, name: string): RbacRole | undefined;
}

/** One rule that applies to a user, with the binding that grants it (`ClusterRoleBinding "x" of ClusterRole…`). */
export interface GrantedRule {
  rule: PolicyRule;
  source: string;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function ruleOf(value: unknown): PolicyRule | undefined {
  if (!isPlainObject(value)) return undefined;
  const rule: PolicyRule = { verbs: strings(value['verbs']) };
  for (const field of ['apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'] as const) {
    if (Array.isArray(value[field])) rule[field] = strings(value[field]);
  }
  return rule;
}

/** A stored Role or ClusterRole as RBAC reads it. */
export function roleFromObject(object: KubeObject): RbacRole {
  const rules = Array.isArray(object['rules']) ? object['rules'] : [];
  return {
    name: object.metadata.name ?? '',
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    rules: rules.map(ruleOf).filter((r): r is PolicyRule => r !== undefined),
  };
}

/** A stored RoleBinding or ClusterRoleBinding as RBAC reads it. */
export function bindingFromObject(object: KubeObject): RbacBinding {
  const ref = isPlainObject(object['roleRef']) ? object['roleRef'] : {};
  const subjects = Array.isArray(object['subjects']) ? object['subjects'].filter(isPlainObject) : [];
  return {
    name: object.metadata.name ?? '',
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    subjects: subjects.map((s) => ({
      kind: text(s['kind']),
      name: text(s['name']),
      ...(text(s['namespace']) ? { namespace: text(s['namespace']) } : {}),
      ...(text(s['apiGroup']) ? { apiGroup: text(s['apiGroup']) } : {}),
    })),
    roleRef: { apiGroup: text(ref['apiGroup']), kind: text(ref['kind']), name: text(ref['name']) },
  };
}

const matchesOrAll = (values: readonly string[] | undefined, wanted: string): boolean =>
  (values ?? []).some((v) => v === '*' || v === wanted);

function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    (r) => r === '*' || r === combined || (subresource !== '' && r === `*/${subresource}`),
  );
}

function nonResourceUrlMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (url) => url === '*' || url === path || (url.endsWith('*') && path.startsWith(url.replace(/\*+$/, ''))),
  );
}

/** True when the rule allows the request. */
export function ruleAllows(attributes: Attributes, rule: PolicyRule): boolean {
  if (!matchesOrAll(rule.verbs, attributes.verb)) return false;
  if (!attributes.resourceRequest) return nonResourceUrlMatches(rule, attributes.path);
  const names = rule.resourceNames ?? [];
  return (
    matchesOrAll(rule.apiGroups, attributes.apiGroup) &&
    resourceMatches(rule, attributes.resource, attributes.subresource) &&
    (names.length === 0 || names.includes(attributes.name))
  );
}

/**
 * The subject of a binding that the user is, if any. A ServiceAccount subject without a namespace means the
 * binding's namespace (`bindingNamespace`, `''` for a ClusterRoleBinding, where it then matches nobody).
 */
export function subjectFor(
  user: UserInfo,
  subjects: readonly Subject[],
  bindingNamespace: string,
): Subject | undefined {
  const account = parseServiceAccountUsername(user.username);
  return subjects.find((s) => {
    switch (s.kind) {
      case 'User':
        return s.name === user.username;
      case 'Group':
        return user.groups.includes(s.name);
      case 'ServiceAccount': {
        const namespace = s.namespace || bindingNamespace;
        return namespace !== '' && account?.namespace === namespace && account.name === s.name;
      }
      default:
        return false;
    }
  });
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount')
    return `${subject.kind} "${subject.name}/${subject.namespace || bindingNamespace}"`;
  return `${subject.kind} "${subject.name}"`;
}

function describeBinding(binding: RbacBinding, subject: Subject): string {
  const ns = binding.namespace ?? '';
  const kind = ns ? 'RoleBinding' : 'ClusterRoleBinding';
  const name = ns ? `${binding.name}/${ns}` : binding.name;
  return `${kind} "${name}" of ${binding.roleRef.kind} "${binding.roleRef.name}" to ${describeSubject(subject, ns)}`;
}

/** The rules of the role a binding references; a string (kube's error text) when it cannot be resolved. */
function roleRules(policy: PolicySource, binding: RbacBinding): readonly PolicyRule[] | string {
  const { kind, name } = binding.roleRef;
  if (kind === 'ClusterRole')
    return policy.clusterRole(name)?.rules ?? `clusterrole.rbac.authorization.k8s.io "${name}" not found`;
  if (kind === 'Role' && binding.namespace)
    return (
      policy.role(binding.namespace, name)?.rules ?? `role.rbac.authorization.k8s.io "${name}" not found`
    );
  return `unsupported role reference kind: "${kind}"`;
}

/** One step of {@link visitRules}: a granted rule, or a binding whose role could not be resolved. */
export type RuleVisit = ({ kind: 'rule' } & GrantedRule) | { kind: 'error'; error: string };

/**
 * The rules that apply to a user in a namespace (`''`: cluster-scoped requests), lazily: those of the
 * ClusterRoleBindings first, then those of the namespace's RoleBindings.
 */
export function* visitRules(policy: PolicySource, user: UserInfo, namespace: string): Generator<RuleVisit> {
  const bindings = [
    ...policy.clusterRoleBindings(),
    ...(namespace === '' ? [] : policy.roleBindings(namespace)),
  ];
  for (const binding of bindings) {
    const subject = subjectFor(user, binding.subjects, binding.namespace ?? '');
    if (!subject) continue;
    const rules = roleRules(policy, binding);
    if (typeof rules === 'string') {
      yield { kind: 'error', error: rules };
      continue;
    }
    const source = describeBinding(binding, subject);
    for (const rule of rules) yield { kind: 'rule', rule, source };
  }
}

/** An authorizer's answer. */
export interface Decision {
  allowed: boolean;
  /** Why (`RBAC: allowed by …`), or what went wrong while deciding; may be empty. */
  reason: string;
}

/** kube's aggregate error text: one error as is, several as `[a, b]`. */
export function aggregateErrors(errors: readonly string[]): string {
  return errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`;
}

/** Whether RBAC allows the request; denied requests carry the resolution errors met on the way as reason. */
export function authorizeRbac(policy: PolicySource, user: UserInfo, attributes: Attributes): Decision {
  const namespace = attributes.resourceRequest ? attributes.namespace : '';
  const errors: string[] = [];
  for (const visit of visitRules(policy, user, namespace)) {
    if (visit.kind === 'error') errors.push(visit.error);
    else if (ruleAllows(attributes, visit.rule))
      return { allowed: true, reason: `RBAC: allowed by ${visit.source}` };
  }
  return { allowed: false, reason: errors.length > 0 ? `RBAC: ${aggregateErrors(errors)}` : '' };
}

/** Every rule that applies to a user in a namespace, and the errors met resolving them. */
export function rulesFor(
  policy: PolicySource,
  user: UserInfo,
  namespace: string,
): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  for (const visit of visitRules(policy, user, namespace)) {
    if (visit.kind === 'error') errors.push(visit.error);
    else rules.push(visit.rule);
  }
  return { rules, errors };
}
