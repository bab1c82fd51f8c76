import 'server-only';
import {
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
  type Configuration,
} from 'openid-client';
import type { OpenIdSettings } from '@/server/settings/types';
import type { SessionData } from '../session';
import { callbackUrl, redirectUri } from './endpoints';
import { isUnreachable, loginFailure } from './errors';
import {
  LOGIN_STATE_MAX_AGE_S,
  loginStateCookie,
  loginStateKey,
  openLoginState,
  sealLoginState,
} from './login-state';
import { DiscoveryError, forgetProviderConfiguration, providerConfiguration } from './provider';
import { safeReturnTo } from '@/lib/auth/return-to';
import { sessionFromIdToken } from './token-session';

/**
 * The authorization code flow with PKCE (S256), `state` and `nonce`. {@link beginLogin} sends the browser to the
 * provider and remembers what it sent in the login-state cookie; {@link finishLogin} checks the provider's answer
 * against that cookie, exchanges the code, lets `openid-client` validate the ID token (signature, issuer, audience,
 * expiry, nonce) and turns its claims into a session. The route handlers own the HTTP parts.
 */

/** What {@link beginLogin} needs besides the settings. */
export interface BeginLoginDeps {
  /** The dashboard secret (`csrfSecret(...)`), from which the login-state key is derived. */
  secret: Buffer;
  /** Whether cookies get `Secure` (`wantsSecureCookies(request)`). */
  secure: boolean;
  /** Now, in seconds since the epoch. */
  nowS: number;
}

/**
 * The provider's authorization URL to send the browser to, and the `Set-Cookie` value of the login state.
 * `returnTo` is where to go after sign-in; anything but a same-origin path becomes `/`. Rejects with a
 * `DiscoveryError` when the provider's configuration cannot be read.
 */
export async function beginLogin(
  settings: OpenIdSettings,
  returnTo: string,
  deps: BeginLoginDeps,
): Promise<{ location: string; stateCookie: string }> {
  const config = await providerConfiguration(settings);
  const verifier = randomPKCECodeVerifier();
  const state = randomState();
  const nonce = randomNonce();
  const location = buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(settings.publicUrl).href,
    scope: settings.scopes.join(' '),
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const sealed = sealLoginState(
    { verifier, state, nonce, returnTo: safeReturnTo(returnTo), exp: deps.nowS + LOGIN_STATE_MAX_AGE_S },
    loginStateKey(deps.secret),
  );
  return { location: location.href, stateCookie: loginStateCookie(sealed, deps.secure) };
}

/** What {@link finishLogin} needs besides its arguments. */
export interface FinishLoginDeps {
  /** The same secret {@link beginLogin} was given. */
  secret: Buffer;
}

/** A signed-in session and where to go next, or why the sign-in is refused (a message for the user and the log). */
export type FinishLoginResult =
  { ok: true; session: SessionData; returnTo: string } | { ok: false; message: string };

/**
 * Completes the sign-in from the callback request's URL (only its query is used: the token request repeats the
 * registered redirect URI) and the login-state cookie's value, at `nowS`; the session lasts `ttlS` at most.
 * Failures the user or the provider can cause are answers, not exceptions; only bugs throw.
 */
export async function finishLogin(
  settings: OpenIdSettings,
  callback: URL,
  stateCookieValue: string | undefined,
  ttlS: number,
  nowS: number,
  deps: FinishLoginDeps,
): Promise<FinishLoginResult> {
  const opened = openLoginState(stateCookieValue, loginStateKey(deps.secret), nowS);
  if (!opened.ok) return opened;
  const { verifier, state, nonce, returnTo } = opened.state;

  let config: Configuration;
  try {
    config = await providerConfiguration(settings);
  } catch (error) {
    if (error instanceof DiscoveryError) return { ok: false, message: error.message };
    throw error;
  }

  let tokens: Awaited<ReturnType<typeof authorizationCodeGrant>>;
  try {
    tokens = await authorizationCodeGrant(config, callbackUrl(settings.publicUrl, callback.searchParams), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    const message = loginFailure(error);
    if (message === undefined) throw error;
    if (isUnreachable(error)) forgetProviderConfiguration(settings);
    return { ok: false, message };
  }

  const claims = tokens.claims();
  if (tokens.id_token === undefined || claims === undefined) {
    return { ok: false, message: 'the identity provider answered without an ID token' };
  }
  const made = sessionFromIdToken({ jwt: tokens.id_token, claims }, settings, ttlS, nowS);
  return made.ok ? { ok: true, session: made.session, returnTo: safeReturnTo(returnTo) } : made;
}
