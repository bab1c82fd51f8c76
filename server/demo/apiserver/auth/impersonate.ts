/**
 * Impersonation (`kubectl --as alice --as-group team`), as kube-apiserver does it (pure): the `Impersonate-User`,
 * `Impersonate-Group` (one header line per group), `Impersonate-Uid` and `Impersonate-Extra-<key>` headers each
 * need the requester to be allowed `impersonate` on `users`, `serviceaccounts` (for
 * `system:serviceaccount:<ns>:<name>`), `groups`, `uids` or `userextras/<key>`, named by the value. The request
 * then runs as the impersonated user, who gets `system:authenticated` (a service account also its namespace's
 * groups when no group is given). Groups, extras or a uid without a user are refused.
 */
import { badRequest } from '../status';
import { type ResourceAttributes } from './attributes';
import { forbidden } from './forbidden';
import { type Decision } from './rbac';
import {
  AUTHENTICATED_GROUP,
  UNAUTHENTICATED_GROUP,
  type UserInfo,
  parseServiceAccountUsername,
  serviceAccountGroups,
  serviceAccountUsername,
} from './user';

/** Request headers by lower-case name, every line of a repeated header kept (`req.headersDistinct`). */
export type DistinctHeaders = Readonly<Record<string, readonly string[] | undefined>>;

/** One thing a request asks to impersonate. */
export type ImpersonationRequest =
  | { kind: 'User'; name: string }
  | { kind: 'ServiceAccount'; namespace: string; name: string }
  | { kind: 'Group'; name: string }
  | { kind: 'UserExtra'; key: string; value: string }
  | { kind: 'UID'; uid: string };

const EXTRA_PREFIX = 'impersonate-extra-';
const AUTHENTICATION_GROUP = 'authentication.k8s.io';

function unescapeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** What the headers ask to impersonate, in kube's order (user, groups, extras, uid); throws a 400 without a user. */
export function impersonationRequests(headers: DistinctHeaders): ImpersonationRequest[] {
  const requests: ImpersonationRequest[] = [];
  const user = headers['impersonate-user']?.[0] ?? '';
  if (user !== '') {
    const account = parseServiceAccountUsername(user);
    requests.push(account ? { kind: 'ServiceAccount', ...account } : { kind: 'User', name: user });
  }
  for (const name of headers['impersonate-group'] ?? []) requests.push({ kind: 'Group', name });
  for (const [header, values] of Object.entries(headers)) {
    if (!header.startsWith(EXTRA_PREFIX)) continue;
    const key = unescapeKey(header.slice(EXTRA_PREFIX.length).toLowerCase());
    for (const value of values ?? []) requests.push({ kind: 'UserExtra', key, value });
  }
  const uid = headers['impersonate-uid']?.[0] ?? '';
  if (uid !== '') requests.push({ kind: 'UID', uid });
  if (requests.length > 0 && user === '') {
    throw badRequest(
      'requested impersonation of groups, user extras or a uid without impersonating a user (Impersonate-User)',
    );
  }
  return requests;
}

/** The attributes the requester must be allowed for one impersonation. */
export function impersonationAttributes(request: ImpersonationRequest): ResourceAttributes {
  const base = { resourceRequest: true, verb: 'impersonate', subresource: '', namespace: '' } as const;
  switch (request.kind) {
    case 'User':
      return { ...base, apiGroup: '', resource: 'users', name: request.name };
    case 'ServiceAccount':
      return {
        ...base,
        apiGroup: '',
        resource: 'serviceaccounts',
        namespace: request.namespace,
        name: request.name,
      };
    case 'Group':
      return { ...base, apiGroup: '', resource: 'groups', name: request.name };
    case 'UserExtra':
      return {
        ...base,
        apiGroup: AUTHENTICATION_GROUP,
        resource: 'userextras',
        subresource: request.key,
        name: request.value,
      };
    case 'UID':
      return { ...base, apiGroup: AUTHENTICATION_GROUP, resource: 'uids', name: request.uid };
  }
}

/** The user the (already authorized) requests describe. */
export function impersonatedUser(requests: readonly ImpersonationRequest[]): UserInfo {
  let username = '';
  let uid = '';
  let groups: string[] = [];
  const extra: Record<string, string[]> = {};
  const groupsGiven = requests.some((r) => r.kind === 'Group');
  for (const request of requests) {
    if (request.kind === 'User') username = request.name;
    if (request.kind === 'ServiceAccount') {
      username = serviceAccountUsername(request.namespace, request.name);
      if (!groupsGiven) groups = serviceAccountGroups(request.namespace);
    }
    if (request.kind === 'Group') groups.push(request.name);
    if (request.kind === 'UserExtra') (extra[request.key] ??= []).push(request.value);
    if (request.kind === 'UID') uid = request.uid;
  }
  if (username === 'system:anonymous') {
    if (!groups.includes(UNAUTHENTICATED_GROUP)) groups.push(UNAUTHENTICATED_GROUP);
  } else if (!groups.includes(AUTHENTICATED_GROUP) && !groups.includes(UNAUTHENTICATED_GROUP)) {
    groups.push(AUTHENTICATED_GROUP);
  }
  return {
    username,
    ...(uid ? { uid } : {}),
    groups,
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

/**
 * The user a request runs as: the requester, or whom its impersonation headers name once the requester is allowed
 * each of them. Throws kube's 403 for the first one refused (`users "alice" is forbidden: User "bob" cannot
 * impersonate resource "users" in API group "" at the cluster scope`).
 */
export function impersonate(
  requester: UserInfo,
  headers: DistinctHeaders,
  authorize: (user: UserInfo, attributes: ResourceAttributes) => Decision,
): UserInfo {
  const requests = impersonationRequests(headers);
  if (requests.length === 0) return requester;
  for (const request of requests) {
    const attributes = impersonationAttributes(request);
    const decision = authorize(requester, attributes);
    if (!decision.allowed) throw forbidden(requester.username, attributes, decision.reason);
  }
  return impersonatedUser(requests);
}
