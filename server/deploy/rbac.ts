import { WATCHED_KINDS, type WatchedKind } from '@/lib/kube/kinds';
import { WRITABLE_KINDS, type WritableKind, type WriteVerb } from '@/lib/write/writable-kinds';

/**
 * What the dashboard's service account needs from RBAC, computed from the code's own tables, and what a rendered
 * Role or ClusterRole grants, both as sets of permissions, so that the deployment tests can ask for exactly the
 * difference. RBAC rules name API groups, not versions: one rule covers a kind at every version it is served.
 *
 * Whose rights a request uses (server/auth/viewer.ts): the watch cache always reads with the service account, and
 * audit records are always written with it (server/write/audit.ts); every change and every review of the user's
 * rights is made as the signed-in user (their token, or the service account impersonating them), and with the
 * service account's own rights only for `AUTH_STRATEGY=anonymous`. So:
 *
 * - every deployment: {@link readPermissions} (ClusterRole `meshlens`) and {@link AUDIT_PERMISSIONS} (Role
 *   `meshlens-audit` in AUDIT_NAMESPACE);
 * - header, and openid with OPENID_IMPERSONATE=true: {@link IMPERSONATION_PERMISSIONS} (component `impersonation`);
 * - anonymous and not READ_ONLY: {@link writePermissions} (component `anonymous-writes`).
 */

/** An RBAC rule (`rbac.authorization.k8s.io/v1` PolicyRule). */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

/** One permission, spelled as `kubectl auth can-i` takes it: `list deployments.apps`, `update namespaces`. */
export function permission(verb: string, group: string, resource: string): string {
  return `${verb} ${group === '' ? resource : `${resource}.${group}`}`;
}

/** The watch cache lists and watches each kind; the write path and the detail pages also get single objects. */
export const READ_VERBS = ['get', 'list', 'watch'] as const;

/**
 * The RBAC verb of each write the write path makes (server/write/kube-rest.ts): POST is `create`, PUT is `update`,
 * DELETE is `delete`. It never sends PATCH, so no kind gets `patch`.
 */
export const RBAC_VERB_OF_WRITE: Readonly<Record<WriteVerb, string>> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
};

/**
 * The reviews sign-in creates (server/auth): SelfSubjectReview asks whose a bearer token is (token sign-in), and
 * SelfSubjectRulesReview asks what the signed-in user may do in a namespace. Both are made with the user's own
 * credentials (their token, or the service account impersonating them), and with the service account's own only
 * for anonymous access. Kubernetes lets every authenticated subject create these two (ClusterRole
 * `system:basic-user`); the ClusterRole grants them anyway, so the dashboard does not depend on that default.
 * The code sends no TokenReview, SubjectAccessReview or SelfSubjectAccessReview, so none is granted:
 * {@link reviewsIn} finds the reviews in the source, and the deployment tests compare the two.
 */
export const AUTH_REVIEWS: readonly { group: string; resource: string }[] = [
  { group: 'authentication.k8s.io', resource: 'selfsubjectreviews' },
  { group: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews' },
];

const REVIEW_PATH =
  /\/apis\/(authentication\.k8s\.io|authorization\.k8s\.io)\/v1[a-z0-9]*\/(?:namespaces\/[^/]+\/)?([a-z]+reviews)\b/g;
const REVIEW_CALL =
  /\bcreate(Token|SubjectAccess|LocalSubjectAccess|SelfSubjectAccess|SelfSubjectRules|SelfSubject)Review\b/g;
const REVIEW_GROUP: Readonly<Record<string, string>> = {
  Token: 'authentication.k8s.io',
  SelfSubject: 'authentication.k8s.io',
  SubjectAccess: 'authorization.k8s.io',
  LocalSubjectAccess: 'authorization.k8s.io',
  SelfSubjectAccess: 'authorization.k8s.io',
  SelfSubjectRules: 'authorization.k8s.io',
};

/**
 * The authentication and authorization reviews a source file sends, as `create` permissions: REST paths
 * (`/apis/authorization.k8s.io/v1/selfsubjectrulesreviews`) and client-node calls (`createTokenReview`).
 */
export function reviewsIn(source: string): Set<string> {
  const found = new Set<string>();
  for (const [, group = '', resource = ''] of source.matchAll(REVIEW_PATH)) {
    found.add(permission('create', group, resource));
  }
  for (const [, name = ''] of source.matchAll(REVIEW_CALL)) {
    found.add(permission('create', REVIEW_GROUP[name] ?? '', `${name.toLowerCase()}reviews`));
  }
  return found;
}

/**
 * What every deployment's ClusterRole grants, and all it may: get, list and watch every watched kind, and the
 * reviews of sign-in.
 */
export function readPermissions(watched: readonly WatchedKind[] = WATCHED_KINDS): Set<string> {
  const permissions = new Set<string>();
  for (const kind of watched) {
    for (const verb of READ_VERBS) permissions.add(permission(verb, kind.group, kind.plural));
  }
  for (const review of AUTH_REVIEWS) permissions.add(permission('create', review.group, review.resource));
  return permissions;
}

/**
 * The write verbs of every writable kind: what the service account needs when it makes changes itself
 * (`AUTH_STRATEGY=anonymous`, READ_ONLY=false), and all it may then have beyond {@link readPermissions}.
 */
export function writePermissions(writable: readonly WritableKind[] = WRITABLE_KINDS): Set<string> {
  const permissions = new Set<string>();
  for (const kind of writable) {
    for (const verb of kind.verbs)
      permissions.add(permission(RBAC_VERB_OF_WRITE[verb], kind.group, kind.plural));
  }
  return permissions;
}

/**
 * What the audit Role grants in AUDIT_NAMESPACE (server/write/audit.ts): create a record (a dry run, then the
 * record), list them and get one. Records are never updated or deleted by the dashboard.
 */
export const AUDIT_PERMISSIONS: ReadonlySet<string> = new Set(
  ['get', 'list', 'create'].map((verb) => permission(verb, '', 'configmaps')),
);

/** What the impersonation component grants: act as any user, group or service account. */
export const IMPERSONATION_PERMISSIONS: ReadonlySet<string> = new Set(
  ['users', 'groups', 'serviceaccounts'].map((resource) => permission('impersonate', '', resource)),
);

/** The permissions of a set of rules, and what is wrong with the rules whatever the code needs. */
export function permissionsOf(rules: readonly PolicyRule[]): {
  permissions: Set<string>;
  problems: string[];
} {
  const permissions = new Set<string>();
  const problems: string[] = [];
  rules.forEach((rule, index) => {
    const where = `rule ${index + 1}`;
    const groups = rule.apiGroups ?? [];
    const resources = rule.resources ?? [];
    for (const [field, values] of [
      ['apiGroups', groups],
      ['resources', resources],
      ['verbs', rule.verbs],
      ['resourceNames', rule.resourceNames ?? []],
    ] as const) {
      if (values.some((v) => v.includes('*'))) problems.push(`${where}: a wildcard in ${field}`);
    }
    if ((rule.nonResourceURLs ?? []).length > 0) problems.push(`${where}: nonResourceURLs`);
    if (groups.length === 0 || resources.length === 0 || rule.verbs.length === 0) {
      problems.push(`${where}: no apiGroups, resources or verbs`);
    }
    for (const group of groups) {
      for (const resource of resources) {
        for (const verb of rule.verbs) permissions.add(permission(verb, group, resource));
      }
    }
  });
  return { permissions, problems };
}

/** What `granted` lacks of `expected` (missing) and grants beyond it (extra), sorted. */
export function comparePermissions(
  expected: ReadonlySet<string>,
  granted: ReadonlySet<string>,
): { missing: string[]; extra: string[] } {
  return {
    missing: [...expected].filter((p) => !granted.has(p)).sort(),
    extra: [...granted].filter((p) => !expected.has(p)).sort(),
  };
}
