/**
 * Validation of RBAC objects as kube-apiserver validates them (pure), as Status causes: every rule has verbs, a
 * resource rule API groups and resources, non-resource URLs only in ClusterRoles and never mixed with resources; a
 * binding's roleRef names a Role (RoleBindings only) or ClusterRole in rbac.authorization.k8s.io and cannot change;
 * subjects are Users, Groups (apiGroup rbac.authorization.k8s.io) or ServiceAccounts (core group; with a namespace
 * in a ClusterRoleBinding).
 */
import { type StatusCause } from '../status';
import { type KubeObject, isPlainObject } from '../types';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const ROLES = `roles.${RBAC_GROUP}`;
const CLUSTER_ROLES = `clusterroles.${RBAC_GROUP}`;
const ROLE_BINDINGS = `rolebindings.${RBAC_GROUP}`;
const CLUSTER_ROLE_BINDINGS = `clusterrolebindings.${RBAC_GROUP}`;

const required = (field: string, detail = ''): StatusCause => ({
  reason: 'FieldValueRequired',
  message: detail ? `Required value: ${detail}` : 'Required value',
  field,
});

const notSupported = (field: string, value: unknown, supported: string[]): StatusCause => ({
  reason: 'FieldValueNotSupported',
  message: `Unsupported value: ${JSON.stringify(value ?? '')}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
  field,
});

const invalidValue = (field: string, value: unknown, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  field,
});

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

function ruleCauses(rule: unknown, field: string, namespaced: boolean): StatusCause[] {
  const r = isPlainObject(rule) ? rule : {};
  const causes: StatusCause[] = [];
  if (count(r['verbs']) === 0)
    causes.push(required(`${field}.verbs`, 'verbs must contain at least one value'));
  if (count(r['nonResourceURLs']) > 0) {
    const urls = r['nonResourceURLs'];
    if (namespaced)
      causes.push(
        invalidValue(`${field}.nonResourceURLs`, urls, 'namespaced rules cannot apply to non-resource URLs'),
      );
    if (count(r['apiGroups']) + count(r['resources']) + count(r['resourceNames']) > 0)
      causes.push(
        invalidValue(
          `${field}.nonResourceURLs`,
          urls,
          'rules cannot apply to both regular resources and non-resource URLs',
        ),
      );
    return causes;
  }
  if (count(r['apiGroups']) === 0)
    causes.push(required(`${field}.apiGroups`, 'resource rules must supply at least one api group'));
  if (count(r['resources']) === 0)
    causes.push(required(`${field}.resources`, 'resource rules must supply at least one resource'));
  return causes;
}

function subjectCauses(subject: unknown, field: string, namespaced: boolean): StatusCause[] {
  const s = isPlainObject(subject) ? subject : {};
  const causes: StatusCause[] = [];
  if (!s['name']) causes.push(required(`${field}.name`));
  switch (s['kind']) {
    case 'ServiceAccount':
      if (s['apiGroup']) causes.push(notSupported(`${field}.apiGroup`, s['apiGroup'], ['']));
      if (!namespaced && !s['namespace']) causes.push(required(`${field}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (s['apiGroup'] !== RBAC_GROUP)
        causes.push(notSupported(`${field}.apiGroup`, s['apiGroup'], [RBAC_GROUP]));
      break;
    default:
      causes.push(notSupported(`${field}.kind`, s['kind'], ['ServiceAccount', 'User', 'Group']));
  }
  return causes;
}

function bindingCauses(object: KubeObject, namespaced: boolean): StatusCause[] {
  const ref = isPlainObject(object['roleRef']) ? object['roleRef'] : {};
  const causes: StatusCause[] = [];
  if (ref['apiGroup'] !== RBAC_GROUP)
    causes.push(notSupported('roleRef.apiGroup', ref['apiGroup'], [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(String(ref['kind']))) causes.push(notSupported('roleRef.kind', ref['kind'], kinds));
  if (!ref['name']) causes.push(required('roleRef.name'));
  const subjects = Array.isArray(object['subjects']) ? object['subjects'] : [];
  subjects.forEach((s, i) => causes.push(...subjectCauses(s, `subjects[${i}]`, namespaced)));
  return causes;
}

function roleCauses(object: KubeObject, namespaced: boolean): StatusCause[] {
  const rules = Array.isArray(object['rules']) ? object['rules'] : [];
  return rules.flatMap((rule, i) => ruleCauses(rule, `rules[${i}]`, namespaced));
}

/** The problems of an RBAC object stored under `key` (`roles.rbac.authorization.k8s.io`…); `[]` for other kinds. */
export function rbacCauses(key: string, object: KubeObject): StatusCause[] {
  switch (key) {
    case ROLES:
      return roleCauses(object, true);
    case CLUSTER_ROLES:
      return roleCauses(object, false);
    case ROLE_BINDINGS:
      return bindingCauses(object, true);
    case CLUSTER_ROLE_BINDINGS:
      return bindingCauses(object, false);
    default:
      return [];
  }
}

/** A binding's roleRef cannot change (delete and recreate the binding instead). */
export function rbacUpdateCauses(key: string, current: KubeObject, next: KubeObject): StatusCause[] {
  if (key !== ROLE_BINDINGS && key !== CLUSTER_ROLE_BINDINGS) return [];
  if (JSON.stringify(current['roleRef']) === JSON.stringify(next['roleRef'])) return [];
  return [invalidValue('roleRef', next['roleRef'], 'cannot change roleRef')];
}
