import type { OpenIdSettings } from '@/server/settings/types';
import type { SessionData } from '../session';
import { identityFromClaims } from './claims';

/**
 * The dashboard session made from a validated ID token: who (from the claims), with which credential (the ID token
 * itself, or none when the dashboard impersonates), and until when.
 */

/**
 * When the session ends: `ttlS` after sign-in, but never after the ID token's own expiry when that token is the
 * bearer token (the API server refuses it from then on).
 */
export function sessionExpiry(nowS: number, ttlS: number, bearerExpS: number | undefined): number {
  return bearerExpS === undefined ? nowS + ttlS : Math.min(nowS + ttlS, bearerExpS);
}

/** What {@link sessionFromIdToken} needs of the ID token: its compact form and its (validated) claims. */
export interface ValidatedIdToken {
  jwt: string;
  claims: Readonly<Record<string, unknown>> & { exp: number };
}

/** The session, or why the ID token does not give one. */
export type TokenSessionResult = { ok: true; session: SessionData } | { ok: false; message: string };

/** Builds the session of a signed-in user at `nowS` (seconds since the epoch). */
export function sessionFromIdToken(
  idToken: ValidatedIdToken,
  settings: Pick<OpenIdSettings, 'usernameClaim' | 'groupsClaim' | 'impersonate'>,
  ttlS: number,
  nowS: number,
): TokenSessionResult {
  const found = identityFromClaims(idToken.claims, settings.usernameClaim, settings.groupsClaim);
  if (!found.ok) return found;
  const bearer = settings.impersonate ? undefined : idToken.jwt;
  const exp = sessionExpiry(nowS, ttlS, bearer === undefined ? undefined : idToken.claims.exp);
  if (exp <= nowS) return { ok: false, message: 'the ID token has already expired: check the clocks' };
  return {
    ok: true,
    session: {
      strategy: 'openid',
      ...found.identity,
      ...(bearer === undefined ? {} : { token: bearer }),
      iat: nowS,
      exp,
    },
  };
}
