/**
 * Who a request is from, as Kubernetes' `user.Info` describes it, and the well-known users and groups of a
 * kube-apiserver (`system:masters`, `system:authenticated`, service account names).
 */

/** An authenticated (or impersonated) identity. */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: readonly string[];
  /** Extra attributes (`Impersonate-Extra-<key>`), by lower-case key. */
  extra?: Readonly<Record<string, readonly string[]>>;
}

/** Members are allowed everything, whatever RBAC says. */
export const MASTERS_GROUP = 'system:masters';
/** Every authenticated user is in it. */
export const AUTHENTICATED_GROUP = 'system:authenticated';
/** The anonymous user is in it. */
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';

/** The requester when the server runs without authentication: a cluster administrator. */
export const SYSTEM_ADMIN: UserInfo = {
  username: 'system:admin',
  groups: [MASTERS_GROUP, AUTHENTICATED_GROUP],
};

/** The user of a request without credentials, on the few paths open to it. */
export const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: [UNAUTHENTICATED_GROUP] };

const SA_PREFIX = 'system:serviceaccount:';

/** `system:serviceaccount:<namespace>:<name>`, the username of a service account. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** The namespace and name of a service account username; undefined for any other username. */
export function parseServiceAccountUsername(
  username: string,
): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  const [namespace, name] = parts;
  if (parts.length !== 2 || !namespace || !name) return undefined;
  return { namespace, name };
}

/** The groups every service account of a namespace is in (`system:serviceaccounts[:<namespace>]`). */
export function serviceAccountGroups(namespace: string): string[] {
  return ['system:serviceaccounts', `system:serviceaccounts:${namespace}`];
}

/**
 * The groups with `system:authenticated` added, unless already there or the user is anonymous
 * (`system:unauthenticated`), as the API server's authenticated-group adder does.
 */
export function withAuthenticatedGroup(groups: readonly string[]): string[] {
  if (groups.includes(AUTHENTICATED_GROUP) || groups.includes(UNAUTHENTICATED_GROUP)) return [...groups];
  return [...groups, AUTHENTICATED_GROUP];
}
