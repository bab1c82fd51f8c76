import { describe, expect, it } from 'vitest';
import { type Attributes, type ResourceAttributes } from './attributes';
import {
  type PolicyRule,
  type PolicySource,
  type RbacBinding,
  type RbacRole,
  authorizeRbac,
  bindingFromObject,
  roleFromObject,
  ruleAllows,
  rulesFor,
  subjectFor,
} from './rbac';
import { type UserInfo } from './user';

const resource = (verb: string, res: string, more: Partial<ResourceAttributes> = {}): ResourceAttributes => ({
  resourceRequest: true,
  verb,
  apiGroup: '',
  resource: res,
  subresource: '',
  namespace: 'bookinfo',
  name: '',
  ...more,
});
const path = (verb: string, p: string): Attributes => ({ resourceRequest: false, verb, path: p });

describe('ruleAllows', () => {
  const pods: PolicyRule = { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] };
  it.each<[string, PolicyRule, Attributes, boolean]>([
    ['verb and resource match', pods, resource('list', 'pods'), true],
    ['another verb', pods, resource('delete', 'pods'), false],
    ['another group', pods, resource('list', 'pods', { apiGroup: 'apps' }), false],
    ['a subresource is not the resource', pods, resource('get', 'pods', { subresource: 'status' }), false],
    ['verb *', { ...pods, verbs: ['*'] }, resource('deletecollection', 'pods'), true],
    ['group *', { ...pods, apiGroups: ['*'] }, resource('get', 'pods', { apiGroup: 'x.io' }), true],
    ['resource *', { ...pods, resources: ['*'] }, resource('get', 'nodes'), true],
    [
      'resource * covers subresources',
      { ...pods, resources: ['*'] },
      resource('get', 'pods', { subresource: 'log' }),
      true,
    ],
    [
      'resource/subresource',
      { ...pods, resources: ['pods/status'] },
      resource('get', 'pods', { subresource: 'status' }),
      true,
    ],
    [
      'resource/subresource is not the resource',
      { ...pods, resources: ['pods/status'] },
      resource('get', 'pods'),
      false,
    ],
    [
      '*/subresource',
      { ...pods, resources: ['*/scale'] },
      resource('get', 'deployments', { subresource: 'scale' }),
      true,
    ],
    [
      '*/subresource needs that subresource',
      { ...pods, resources: ['*/scale'] },
      resource('get', 'deployments'),
      false,
    ],
    [
      'resourceNames allow the named',
      { ...pods, resourceNames: ['p-1'] },
      resource('get', 'pods', { name: 'p-1' }),
      true,
    ],
    [
      'resourceNames refuse others',
      { ...pods, resourceNames: ['p-1'] },
      resource('get', 'pods', { name: 'p-2' }),
      false,
    ],
    [
      'resourceNames refuse unnamed lists',
      { ...pods, resourceNames: ['p-1'] },
      resource('list', 'pods'),
      false,
    ],
    ['no apiGroups matches nothing', { verbs: ['*'], resources: ['*'] }, resource('get', 'pods'), false],
    [
      'a URL rule is not a resource rule',
      { verbs: ['get'], nonResourceURLs: ['*'] },
      resource('get', 'pods'),
      false,
    ],
    ['exact URL', { verbs: ['get'], nonResourceURLs: ['/api'] }, path('get', '/api'), true],
    [
      'exact URL is not a prefix',
      { verbs: ['get'], nonResourceURLs: ['/api'] },
      path('get', '/api/v1'),
      false,
    ],
    [
      'URL prefix with *',
      { verbs: ['get'], nonResourceURLs: ['/apis/*'] },
      path('get', '/apis/apps/v1'),
      true,
    ],
    ['URL * is everything', { verbs: ['*'], nonResourceURLs: ['*'] }, path('post', '/anything'), true],
    [
      'URL verb must match',
      { verbs: ['get'], nonResourceURLs: ['/healthz'] },
      path('post', '/healthz'),
      false,
    ],
    ['a resource rule is not a URL rule', pods, path('get', '/api'), false],
  ])('%s', (_what, rule, attributes, allowed) => {
    expect(ruleAllows(attributes, rule)).toBe(allowed);
  });
});

describe('subjectFor', () => {
  const alice: UserInfo = { username: 'alice', groups: ['team', 'system:authenticated'] };
  const sa: UserInfo = { username: 'system:serviceaccount:bookinfo:builder', groups: [] };
  it.each<[string, UserInfo, RbacBinding['subjects'][number], string, boolean]>([
    ['a User by name', alice, { kind: 'User', name: 'alice' }, 'bookinfo', true],
    ['another User', alice, { kind: 'User', name: 'bob' }, 'bookinfo', false],
    ['a Group the user is in', alice, { kind: 'Group', name: 'team' }, '', true],
    ['a Group the user is not in', alice, { kind: 'Group', name: 'other' }, '', false],
    [
      'a ServiceAccount with namespace',
      sa,
      { kind: 'ServiceAccount', name: 'builder', namespace: 'bookinfo' },
      '',
      true,
    ],
    [
      "a ServiceAccount in the RoleBinding's namespace",
      sa,
      { kind: 'ServiceAccount', name: 'builder' },
      'bookinfo',
      true,
    ],
    [
      'a ServiceAccount of another namespace',
      sa,
      { kind: 'ServiceAccount', name: 'builder' },
      'payments',
      false,
    ],
    [
      'a ServiceAccount without namespace in a ClusterRoleBinding',
      sa,
      { kind: 'ServiceAccount', name: 'builder' },
      '',
      false,
    ],
    [
      'a user named like a ServiceAccount subject is not one',
      alice,
      { kind: 'ServiceAccount', name: 'alice' },
      'x',
      false,
    ],
    ['an unknown kind', alice, { kind: 'Robot', name: 'alice' }, '', false],
  ])('%s', (_what, user, subject, namespace, applies) => {
    expect(subjectFor(user, [subject], namespace) !== undefined).toBe(applies);
  });
});

const RBAC = 'rbac.authorization.k8s.io';
const group = (name: string) => ({ kind: 'Group', name, apiGroup: RBAC });

function policy(roles: RbacRole[], bindings: RbacBinding[]): PolicySource {
  return {
    clusterRoleBindings: () => bindings.filter((b) => !b.namespace),
    roleBindings: (ns) => bindings.filter((b) => b.namespace === ns),
    clusterRole: (name) => roles.find((r) => !r.namespace && r.name === name),
    role: (ns, name) => roles.find((r) => r.namespace === ns && r.name === name),
  };
}

const POLICY = policy(
  [
    { name: 'view', rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }] },
    { name: 'ns-reader', rules: [{ verbs: ['list'], apiGroups: [''], resources: ['namespaces'] }] },
    {
      name: 'cm',
      namespace: 'bookinfo',
      rules: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }],
    },
  ],
  [
    {
      name: 'readers',
      subjects: [group('readers')],
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'ns-reader' },
    },
    {
      name: 'team-view',
      namespace: 'bookinfo',
      subjects: [group('team')],
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' },
    },
    {
      name: 'team-cm',
      namespace: 'bookinfo',
      subjects: [group('team')],
      roleRef: { apiGroup: RBAC, kind: 'Role', name: 'cm' },
    },
    {
      name: 'broken',
      namespace: 'payments',
      subjects: [group('team')],
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'gone' },
    },
    {
      name: 'broken-role',
      namespace: 'payments',
      subjects: [group('team')],
      roleRef: { apiGroup: RBAC, kind: 'Role', name: 'gone' },
    },
  ],
);

describe('authorizeRbac', () => {
  const alice: UserInfo = { username: 'alice', groups: ['team', 'system:authenticated'] };

  it('allows through a RoleBinding of a ClusterRole in its namespace only, and says which', () => {
    expect(authorizeRbac(POLICY, alice, resource('list', 'pods'))).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "team-view/bookinfo" of ClusterRole "view" to Group "team"',
    });
    expect(authorizeRbac(POLICY, alice, resource('list', 'pods', { namespace: 'legacy' }))).toEqual({
      allowed: false,
      reason: '',
    });
    expect(authorizeRbac(POLICY, alice, resource('list', 'pods', { namespace: '' })).allowed).toBe(false);
  });

  it('allows through a RoleBinding of a Role, and a ClusterRoleBinding everywhere', () => {
    expect(authorizeRbac(POLICY, alice, resource('get', 'configmaps')).allowed).toBe(true);
    const reader: UserInfo = { username: 'carol', groups: ['readers'] };
    expect(authorizeRbac(POLICY, reader, resource('list', 'namespaces', { namespace: '' }))).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "readers" of ClusterRole "ns-reader" to Group "readers"',
    });
  });

  it("reports bindings whose role is missing as the denial's reason", () => {
    expect(authorizeRbac(POLICY, alice, resource('list', 'pods', { namespace: 'payments' }))).toEqual({
      allowed: false,
      reason:
        'RBAC: [clusterrole.rbac.authorization.k8s.io "gone" not found, role.rbac.authorization.k8s.io "gone" not found]',
    });
  });

  it('lists the rules that apply in a namespace: cluster bindings first, then the namespace', () => {
    const carol: UserInfo = { username: 'carol', groups: ['team', 'readers'] };
    expect(rulesFor(POLICY, carol, 'bookinfo')).toEqual({
      rules: [
        { verbs: ['list'], apiGroups: [''], resources: ['namespaces'] },
        { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] },
        { verbs: ['get'], apiGroups: [''], resources: ['configmaps'] },
      ],
      errors: [],
    });
    expect(rulesFor(POLICY, carol, 'payments').errors).toHaveLength(2);
  });
});

describe('roleFromObject and bindingFromObject', () => {
  it('read stored objects, keeping only well-formed parts', () => {
    expect(
      roleFromObject({
        metadata: { name: 'r', namespace: 'n' },
        rules: [{ verbs: ['get', 7], apiGroups: [''], resources: ['pods'] }, 'junk'],
      }),
    ).toEqual({
      name: 'r',
      namespace: 'n',
      rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }],
    });
    expect(
      bindingFromObject({
        metadata: { name: 'b' },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'x' }, null],
      }),
    ).toEqual({
      name: 'b',
      subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'x' }],
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' },
    });
  });
});
