/**
 * The demo cluster's users and what RBAC lets them do, as data: bearer tokens for the API server's token table and
 * the ClusterRoles and RoleBindings that grant the rights. Each user's rights come from a group, as with a real
 * identity provider. Nobody but the admin may list namespaces, read ConfigMaps or impersonate.
 *
 * | user           | token                     | group          | may                                           |
 * | -------------- | ------------------------- | -------------- | --------------------------------------------- |
 * | meshlens-admin | meshlens-admin-demo-token | system:masters | everything, impersonating anyone included     |
 * | alice          | alice-demo-token          | bookinfo-team  | view bookinfo, legacy; edit Istio in bookinfo |
 * | bob            | bob-demo-token            | payments-team  | view payments, outside                        |
 *
 * "View" (ClusterRole `meshlens-demo-view`): get, list and watch pods, services, endpoints, serviceaccounts and
 * events, the namespace object itself, Deployments, ReplicaSets, StatefulSets, DaemonSets, and everything in
 * networking.istio.io, security.istio.io, telemetry.istio.io and gateway.networking.k8s.io. "Edit Istio"
 * (ClusterRole `meshlens-demo-istio-edit`): get, list, watch, create, update, patch and delete VirtualServices,
 * DestinationRules, AuthorizationPolicies and PeerAuthentications. Both are granted by RoleBindings, so only in
 * their namespaces.
 */
import type { DemoToken } from '../apiserver';
import type { Built } from './json';

/** The administrator's bearer token. */
export const DEMO_ADMIN_TOKEN = 'meshlens-admin-demo-token';

/** The administrator: `system:masters`, allowed everything. */
export const DEMO_ADMIN: DemoToken = {
  token: DEMO_ADMIN_TOKEN,
  user: 'meshlens-admin',
  groups: ['system:masters'],
};

/** The limited demo users, alice (bookinfo team) and bob (payments team). */
export const DEMO_USERS: readonly DemoToken[] = [
  { token: 'alice-demo-token', user: 'alice', groups: ['bookinfo-team'] },
  { token: 'bob-demo-token', user: 'bob', groups: ['payments-team'] },
];

/** The token table of the demo API server: the admin and the demo users. */
export function demoTokens(): DemoToken[] {
  return [DEMO_ADMIN, ...DEMO_USERS];
}

const RBAC = 'rbac.authorization.k8s.io';
const VIEW = 'meshlens-demo-view';
const ISTIO_EDIT = 'meshlens-demo-istio-edit';
const READ = ['get', 'list', 'watch'];
const WRITE = [...READ, 'create', 'update', 'patch', 'delete'];

/** Which group views and edits where. */
const GRANTS: readonly { namespace: string; group: string; role: string }[] = [
  { namespace: 'bookinfo', group: 'bookinfo-team', role: VIEW },
  { namespace: 'bookinfo', group: 'bookinfo-team', role: ISTIO_EDIT },
  { namespace: 'legacy', group: 'bookinfo-team', role: VIEW },
  { namespace: 'payments', group: 'payments-team', role: VIEW },
  { namespace: 'outside', group: 'payments-team', role: VIEW },
];

function clusterRole(name: string, rules: Record<string, string[]>[]): Built {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRole',
    metadata: { name, labels: { 'app.kubernetes.io/part-of': 'meshlens-demo' } },
    rules,
  };
}

function roleBinding(namespace: string, group: string, role: string): Built {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'RoleBinding',
    metadata: {
      name: `${role}-${group}`,
      namespace,
      labels: { 'app.kubernetes.io/part-of': 'meshlens-demo' },
    },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'Group', apiGroup: RBAC, name: group }],
  };
}

/**
 * The demo's RBAC objects: the two ClusterRoles first, then the RoleBindings (in bookinfo, legacy, payments and
 * outside, which must exist before they are created).
 */
export function demoRbacObjects(): Built[] {
  return [
    clusterRole(VIEW, [
      {
        apiGroups: [''],
        resources: ['pods', 'services', 'endpoints', 'serviceaccounts', 'events', 'namespaces'],
        verbs: READ,
      },
      {
        apiGroups: ['apps'],
        resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'],
        verbs: READ,
      },
      {
        apiGroups: [
          'networking.istio.io',
          'security.istio.io',
          'telemetry.istio.io',
          'gateway.networking.k8s.io',
        ],
        resources: ['*'],
        verbs: READ,
      },
    ]),
    clusterRole(ISTIO_EDIT, [
      {
        apiGroups: ['networking.istio.io'],
        resources: ['virtualservices', 'destinationrules'],
        verbs: WRITE,
      },
      {
        apiGroups: ['security.istio.io'],
        resources: ['authorizationpolicies', 'peerauthentications'],
        verbs: WRITE,
      },
    ]),
    ...GRANTS.map((g) => roleBinding(g.namespace, g.group, g.role)),
  ];
}
