import 'server-only';
import { seal, sealingKey, unseal } from '../sealed';
import { OPENID_ROUTES_PATH } from './endpoints';

/**
 * What the dashboard remembers between sending the browser to the provider and its coming back: the PKCE verifier,
 * the `state` and `nonce` it sent, and where to go afterwards. It lives in an encrypted, HttpOnly cookie scoped to the
 * OpenID routes, so no server-side store is needed and any replica sharing `SESSION_SECRET` can finish the login.
 */

/** The cookie's name. */
export const LOGIN_STATE_COOKIE = 'meshlens-oidc';

/** How long a sign-in may take at the provider, in seconds. */
export const LOGIN_STATE_MAX_AGE_S = 600;

/** The sealed contents. */
export interface LoginState {
  /** PKCE `code_verifier` (S256). */
  verifier: string;
  state: string;
  nonce: string;
  /** A same-origin path (see `safeReturnTo`). */
  returnTo: string;
  /** Expiry in seconds since the epoch; checked on top of the cookie's Max-Age. */
  exp: number;
}

/** The key of login-state cookies, apart from the session key. */
export function loginStateKey(secret: Buffer): Buffer {
  return sealingKey(secret, 'openid login state');
}

/** Encrypts the state into a cookie value. `iv` is random in use. */
export function sealLoginState(state: LoginState, key: Buffer, iv?: Buffer): string {
  return seal(state, key, iv);
}

/** Decrypts and checks a cookie value at `nowS`; a failure's message tells the user what happened. */
export function openLoginState(
  value: string | undefined,
  key: Buffer,
  nowS: number,
): { ok: true; state: LoginState } | { ok: false; message: string } {
  if (!value) {
    return {
      ok: false,
      message:
        'no sign-in was started in this browser, or it took more than 10 minutes (the sign-in cookie is missing): sign in again',
    };
  }
  const state = unseal(value, key);
  if (!isLoginState(state)) {
    return {
      ok: false,
      message:
        'the sign-in cookie is not valid (altered, or made by a dashboard with another SESSION_SECRET): sign in again',
    };
  }
  if (state.exp <= nowS)
    return { ok: false, message: 'the sign-in took more than 10 minutes: sign in again' };
  return { ok: true, state };
}

function isLoginState(v: unknown): v is LoginState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.verifier === 'string' &&
    typeof o.state === 'string' &&
    typeof o.nonce === 'string' &&
    typeof o.returnTo === 'string' &&
    typeof o.exp === 'number'
  );
}

/**
 * Cookie attributes: Path=/api/auth/openid, HttpOnly, SameSite=Lax (the callback is a top-level navigation coming
 * from the provider's site, which a Strict cookie would miss), and Secure unless the page is plain HTTP on loopback.
 */
function attributes(secure: boolean, maxAgeS: number): string {
  const parts = [`Path=${OPENID_ROUTES_PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeS}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The `Set-Cookie` value that stores a sealed login state for {@link LOGIN_STATE_MAX_AGE_S}. */
export function loginStateCookie(sealed: string, secure: boolean): string {
  return `${LOGIN_STATE_COOKIE}=${sealed}; ${attributes(secure, LOGIN_STATE_MAX_AGE_S)}`;
}

/** The `Set-Cookie` value that removes the login state (the callback has used it, successfully or not). */
export function clearedLoginStateCookie(secure: boolean): string {
  return `${LOGIN_STATE_COOKIE}=; ${attributes(secure, 0)}`;
}
