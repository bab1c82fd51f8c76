import type { Identity } from '@/lib/auth/types';

/**
 * Who the ID token says the user is, read as kube-apiserver reads it (`--oidc-username-claim`,
 * `--oidc-groups-claim`), so that the name shown (and impersonated) is the name the cluster's RBAC knows.
 */

/** The identity, or why the token does not give one. */
export type ClaimsResult = { ok: true; identity: Identity } | { ok: false; message: string };

/**
 * The username from `usernameClaim` (a non-empty string, required) and the groups from `groupsClaim` (a list of
 * strings or a single string; absent means none). Like kube-apiserver, an `email` username is refused when the token
 * says `email_verified: false`.
 */
export function identityFromClaims(
  claims: Readonly<Record<string, unknown>>,
  usernameClaim: string,
  groupsClaim: string,
): ClaimsResult {
  const user = claims[usernameClaim];
  if (user === undefined || user === null || user === '') {
    return {
      ok: false,
      message: `the ID token has no ${JSON.stringify(usernameClaim)} claim to take the username from (OPENID_USERNAME_CLAIM): request the scope that adds it (OPENID_SCOPES) or choose another claim`,
    };
  }
  if (typeof user !== 'string') {
    return {
      ok: false,
      message: `the ID token's ${JSON.stringify(usernameClaim)} claim (OPENID_USERNAME_CLAIM) is not a string`,
    };
  }
  if (usernameClaim === 'email' && claims.email_verified === false) {
    return { ok: false, message: `the identity provider says the e-mail address ${user} is not verified` };
  }
  const groups = groupsFrom(claims[groupsClaim]);
  if (groups === undefined) {
    return {
      ok: false,
      message: `the ID token's ${JSON.stringify(groupsClaim)} claim (OPENID_GROUPS_CLAIM) is neither a string nor a list of strings`,
    };
  }
  return { ok: true, identity: { user, groups } };
}

function groupsFrom(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value) && value.every((g): g is string => typeof g === 'string')) {
    return [...new Set(value.filter((g) => g !== ''))];
  }
  return undefined;
}
