import { describe, expect, it } from 'vitest';
import { KUBECTL_AUTH_PROTOBUF } from './__fixtures__/kubectl-auth-protobuf';
import { decodeKubernetesProtobuf } from './protobuf';

const decode = (name: keyof typeof KUBECTL_AUTH_PROTOBUF): Record<string, unknown> =>
  decodeKubernetesProtobuf(Buffer.from(KUBECTL_AUTH_PROTOBUF[name], 'base64'));

const RBAC = 'rbac.authorization.k8s.io';

describe('decodeKubernetesProtobuf (RBAC objects and reviews recorded from kubectl)', () => {
  it('reads roles, keeping the core group "" in apiGroups', () => {
    expect(decode('role')).toEqual({
      apiVersion: `${RBAC}/v1`,
      kind: 'Role',
      metadata: { name: 'pod-reader' },
      rules: [
        { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] },
        { verbs: ['get', 'list'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['a'] },
      ],
    });
    expect(decode('clusterrole')).toEqual({
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRole',
      metadata: { name: 'health' },
      rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez'] }],
    });
  });

  it('reads bindings with their subjects and roleRef', () => {
    expect(decode('rolebinding')).toEqual({
      apiVersion: `${RBAC}/v1`,
      kind: 'RoleBinding',
      metadata: { name: 'rb' },
      subjects: [
        { kind: 'User', apiGroup: RBAC, name: 'alice' },
        { kind: 'Group', apiGroup: RBAC, name: 'team' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'bookinfo' },
      ],
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' },
    });
    expect(decode('clusterrolebinding')).toMatchObject({
      kind: 'ClusterRoleBinding',
      metadata: { name: 'crb' },
      subjects: [{ kind: 'Group', apiGroup: RBAC, name: 'team' }],
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' },
    });
  });

  it('reads the reviews of kubectl auth can-i and whoami, leaving their status out', () => {
    expect(decode('canIResource')).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: { namespace: 'bookinfo', verb: 'list', resource: 'pods', subresource: 'status' },
      },
    });
    expect(decode('canIPath')).toMatchObject({
      spec: { nonResourceAttributes: { path: '/healthz', verb: 'get' } },
    });
    expect(decode('canIList')).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectRulesReview',
      spec: { namespace: 'bookinfo' },
    });
    expect(decode('whoami')).toEqual({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
  });
});
