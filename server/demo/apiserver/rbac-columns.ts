/**
 * The columns `kubectl get` shows for the RBAC kinds, as the API server's printers make them: Roles and
 * ClusterRoles show when they were created (`CREATED AT`, no AGE), bindings their role and, with `-o wide`, their
 * users, groups and service accounts.
 */
import { type Column } from './table-columns';
import { type KubeObject, isPlainObject } from './types';

function col(
  name: string,
  cell: Column['cell'],
  priority: 0 | 1 = 0,
  type: Column['type'] = 'string',
): Column {
  return { name, type, priority, description: name, cell };
}

function subjects(o: KubeObject): Record<string, unknown>[] {
  const list = o['subjects'];
  return Array.isArray(list) ? list.filter(isPlainObject) : [];
}

/** The subjects of one kind, joined as kubectl prints them (`ns/name` for service accounts). */
function subjectNames(kind: string) {
  return (o: KubeObject): string =>
    subjects(o)
      .filter((s) => s['kind'] === kind)
      .map((s) =>
        kind === 'ServiceAccount'
          ? `${String(s['namespace'] ?? '')}/${String(s['name'] ?? '')}`
          : String(s['name'] ?? ''),
      )
      .join(', ');
}

function roleRef(o: KubeObject): string {
  const ref = isPlainObject(o['roleRef']) ? o['roleRef'] : {};
  return `${String(ref['kind'] ?? '')}/${String(ref['name'] ?? '')}`;
}

const ROLE = {
  middle: [col('Created At', (o) => o.metadata.creationTimestamp ?? '', 0, 'date')],
  withoutAge: true,
} as const;

const BINDING = {
  middle: [col('Role', roleRef)],
  after: [
    col('Users', subjectNames('User'), 1),
    col('Groups', subjectNames('Group'), 1),
    col('ServiceAccounts', subjectNames('ServiceAccount'), 1),
  ],
};

/** Columns of the RBAC kinds, by store key (merged into `KIND_COLUMNS`). */
export const RBAC_COLUMNS = {
  'roles.rbac.authorization.k8s.io': ROLE,
  'clusterroles.rbac.authorization.k8s.io': ROLE,
  'rolebindings.rbac.authorization.k8s.io': BINDING,
  'clusterrolebindings.rbac.authorization.k8s.io': BINDING,
};
