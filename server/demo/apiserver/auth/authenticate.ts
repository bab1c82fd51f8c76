/**
 * Authentication by bearer token against a static token table (like kube-apiserver's `--token-auth-file`), pure
 * apart from hashing: every token is compared in constant time, and every user also gets `system:authenticated`.
 * A request without credentials is anonymous on the health and version paths only (kube's anonymous auth limited
 * to those endpoints); anywhere else, and with a wrong token anywhere, it is a 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../status';
import { ANONYMOUS, type UserInfo, withAuthenticatedGroup } from './user';

/** One entry of the token table. */
export interface DemoToken {
  token: string;
  /** The username. */
  user: string;
  groups?: readonly string[];
  uid?: string;
}

/** How the server authenticates requests. */
export interface DemoAuthOptions {
  tokens: readonly DemoToken[];
}

/** Looks a bearer token up; undefined when unknown. */
export type TokenAuthenticator = (token: string) => UserInfo | undefined;

/** Paths a request without credentials may reach (kube binds them to `system:unauthenticated`). */
export const ANONYMOUS_PATHS: ReadonlySet<string> = new Set([
  '/healthz',
  '/livez',
  '/readyz',
  '/version',
  '/version/',
]);

/** The 401 kube answers to a request it cannot authenticate. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

/** The token of an `Authorization: Bearer <token>` header ("bearer" in any case), or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const parts = (authorization ?? '').trim().split(' ');
  if (parts.length < 2 || parts[0]?.toLowerCase() !== 'bearer') return undefined;
  return parts[1] === '' ? undefined : parts[1];
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** A token authenticator over a table; every lookup compares against every entry in constant time. */
export function tokenAuthenticator(tokens: readonly DemoToken[]): TokenAuthenticator {
  const table = tokens.map((entry) => ({ entry, hash: digest(entry.token) }));
  return (token) => {
    const presented = digest(token);
    let found: DemoToken | undefined;
    for (const { entry, hash } of table) if (timingSafeEqual(hash, presented) && !found) found = entry;
    if (!found) return undefined;
    return {
      username: found.user,
      ...(found.uid ? { uid: found.uid } : {}),
      groups: withAuthenticatedGroup(found.groups ?? []),
    };
  };
}

/**
 * The user of a request, from its `Authorization` header and path. Throws a 401 for a wrong token, or for a
 * missing one (or another scheme than Bearer) outside {@link ANONYMOUS_PATHS}.
 */
export function authenticate(
  authenticator: TokenAuthenticator,
  authorization: string | undefined,
  path: string,
): UserInfo {
  const token = bearerToken(authorization);
  if (token === undefined) {
    if (ANONYMOUS_PATHS.has(path)) return ANONYMOUS;
    throw unauthorized();
  }
  const user = authenticator(token);
  if (!user) throw unauthorized();
  return user;
}
