/**
 * The part of kube-apiserver's bootstrap RBAC policy the demo needs, built in: `cluster-admin` for
 * `system:masters`, discovery for every authenticated user, the self reviews (`kubectl auth can-i`, `kubectl auth
 * whoami`) for every authenticated user, and health and version for everyone. These roles and bindings are not
 * stored (`kubectl get clusterroles` does not list them) and cannot be replaced: a stored ClusterRole of the same
 * name is ignored. Stored bindings add to them.
 */
import { type PolicySource, type RbacBinding, type RbacRole } from './rbac';
import { AUTHENTICATED_GROUP, MASTERS_GROUP, UNAUTHENTICATED_GROUP } from './user';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The built-in ClusterRoles. */
export const BOOTSTRAP_CLUSTER_ROLES: readonly RbacRole[] = [
  {
    name: 'cluster-admin',
    rules: [
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      { verbs: ['*'], nonResourceURLs: ['*'] },
    ],
  },
  {
    name: 'system:discovery',
    rules: [
      {
        verbs: ['get'],
        nonResourceURLs: [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/healthz',
          '/livez',
          '/openapi',
          '/openapi/*',
          '/readyz',
          '/version',
          '/version/',
        ],
      },
    ],
  },
  {
    name: 'system:basic-user',
    rules: [
      {
        verbs: ['create'],
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      },
      { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
    ],
  },
  {
    name: 'system:public-info-viewer',
    rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] }],
  },
];

const group = (name: string): { kind: string; name: string; apiGroup: string } => ({
  kind: 'Group',
  name,
  apiGroup: RBAC_GROUP,
});

const bind = (role: string, subjects: RbacBinding['subjects']): RbacBinding => ({
  name: role,
  subjects,
  roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
});

/** The built-in ClusterRoleBindings, each named after its role. */
export const BOOTSTRAP_CLUSTER_ROLE_BINDINGS: readonly RbacBinding[] = [
  bind('cluster-admin', [group(MASTERS_GROUP)]),
  bind('system:discovery', [group(AUTHENTICATED_GROUP)]),
  bind('system:basic-user', [group(AUTHENTICATED_GROUP)]),
  bind('system:public-info-viewer', [group(AUTHENTICATED_GROUP), group(UNAUTHENTICATED_GROUP)]),
];

/** A policy source with the bootstrap policy in front of `stored`. */
export function withBootstrapPolicy(stored: PolicySource): PolicySource {
  return {
    clusterRoleBindings: () => [...BOOTSTRAP_CLUSTER_ROLE_BINDINGS, ...stored.clusterRoleBindings()],
    roleBindings: (namespace) => stored.roleBindings(namespace),
    clusterRole: (name) => BOOTSTRAP_CLUSTER_ROLES.find((r) => r.name === name) ?? stored.clusterRole(name),
    role: (namespace, name) => stored.role(namespace, name),
  };
}
