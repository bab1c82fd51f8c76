import { describe, expect, it } from 'vitest';
import { type KubeObject } from '../types';
import { rbacCauses, rbacUpdateCauses } from './rbac-validation';

const RBAC = 'rbac.authorization.k8s.io';
const key = (plural: string): string => `${plural}.${RBAC}`;
const fields = (plural: string, object: Omit<KubeObject, 'metadata'>): string[] =>
  rbacCauses(key(plural), { metadata: { name: 'x' }, ...object }).map((c) => `${c.field}: ${c.message}`);

const ROLE_REF = { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' };

describe('rbacCauses', () => {
  it('accepts well-formed roles and bindings', () => {
    const rules = [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }];
    expect(fields('roles', { rules })).toEqual([]);
    expect(
      fields('clusterroles', { rules: [...rules, { verbs: ['get'], nonResourceURLs: ['/healthz'] }] }),
    ).toEqual([]);
    const subjects = [
      { kind: 'User', apiGroup: RBAC, name: 'alice' },
      { kind: 'Group', apiGroup: RBAC, name: 'team' },
      { kind: 'ServiceAccount', name: 'sa', namespace: 'b' },
    ];
    expect(fields('rolebindings', { roleRef: ROLE_REF, subjects })).toEqual([]);
    expect(fields('clusterrolebindings', { roleRef: ROLE_REF, subjects })).toEqual([]);
    expect(fields('rolebindings', { roleRef: { ...ROLE_REF, kind: 'Role' } })).toEqual([]);
  });

  it.each<[string, string, Omit<KubeObject, 'metadata'>, string]>([
    [
      'a rule without verbs',
      'roles',
      { rules: [{ apiGroups: [''], resources: ['pods'] }] },
      'rules[0].verbs: Required value: verbs must contain at least one value',
    ],
    [
      'a rule without groups',
      'roles',
      { rules: [{ verbs: ['get'], resources: ['pods'] }] },
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
    ],
    [
      'a rule without resources',
      'clusterroles',
      { rules: [{ verbs: ['get'], apiGroups: [''] }] },
      'rules[0].resources: Required value: resource rules must supply at least one resource',
    ],
    [
      'URLs in a Role',
      'roles',
      { rules: [{ verbs: ['get'], nonResourceURLs: ['/x'] }] },
      'rules[0].nonResourceURLs: Invalid value: ["/x"]: namespaced rules cannot apply to non-resource URLs',
    ],
    [
      'URLs with resources',
      'clusterroles',
      { rules: [{ verbs: ['get'], resources: ['pods'], nonResourceURLs: ['/x'] }] },
      'rules[0].nonResourceURLs: Invalid value: ["/x"]: rules cannot apply to both regular resources and non-resource URLs',
    ],
    [
      'a roleRef to another group',
      'rolebindings',
      { roleRef: { ...ROLE_REF, apiGroup: 'x.io' } },
      'roleRef.apiGroup: Unsupported value: "x.io": supported values: "rbac.authorization.k8s.io"',
    ],
    [
      'a ClusterRoleBinding to a Role',
      'clusterrolebindings',
      { roleRef: { ...ROLE_REF, kind: 'Role' } },
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    ],
    [
      'a roleRef without name',
      'rolebindings',
      { roleRef: { ...ROLE_REF, name: '' } },
      'roleRef.name: Required value',
    ],
    [
      'a subject of an unknown kind',
      'rolebindings',
      { roleRef: ROLE_REF, subjects: [{ kind: 'Robot', name: 'r' }] },
      'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ],
    [
      'a User without apiGroup',
      'rolebindings',
      { roleRef: ROLE_REF, subjects: [{ kind: 'User', name: 'a' }] },
      'subjects[0].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
    ],
    [
      'a ServiceAccount with a group',
      'rolebindings',
      { roleRef: ROLE_REF, subjects: [{ kind: 'ServiceAccount', name: 's', apiGroup: RBAC }] },
      'subjects[0].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""',
    ],
    [
      'a cluster-wide ServiceAccount without namespace',
      'clusterrolebindings',
      { roleRef: ROLE_REF, subjects: [{ kind: 'ServiceAccount', name: 's' }] },
      'subjects[0].namespace: Required value',
    ],
    [
      'a subject without name',
      'rolebindings',
      { roleRef: ROLE_REF, subjects: [{ kind: 'Group', apiGroup: RBAC }] },
      'subjects[0].name: Required value',
    ],
  ])('refuses %s', (_what, plural, object, cause) => {
    expect(fields(plural, object)).toEqual([cause]);
  });

  it('leaves other kinds alone', () => {
    expect(rbacCauses('pods', { metadata: {}, rules: 'nonsense' })).toEqual([]);
  });
});

describe('rbacUpdateCauses', () => {
  it("refuses a change of a binding's roleRef, and nothing else", () => {
    const before: KubeObject = { metadata: { name: 'b' }, roleRef: ROLE_REF, subjects: [] };
    const moreSubjects = { ...before, subjects: [{ kind: 'Group', apiGroup: RBAC, name: 'g' }] };
    expect(rbacUpdateCauses(key('rolebindings'), before, moreSubjects)).toEqual([]);
    const other = { ...before, roleRef: { ...ROLE_REF, name: 'edit' } };
    expect(rbacUpdateCauses(key('clusterrolebindings'), before, other).map((c) => c.field)).toEqual([
      'roleRef',
    ]);
    expect(rbacUpdateCauses(key('roles'), before, other)).toEqual([]);
  });
});
