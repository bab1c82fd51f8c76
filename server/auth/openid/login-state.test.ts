import { describe, expect, it } from 'vitest';
import { sealSession, sessionKey } from '../session';
import {
  clearedLoginStateCookie,
  loginStateCookie,
  loginStateKey,
  openLoginState,
  sealLoginState,
  type LoginState,
} from './login-state';

const secret = Buffer.from('a secret of at least thirty-two characters');
const key = loginStateKey(secret);
const nowS = 1_700_000_000;
const state: LoginState = {
  verifier: 'verifier-abc',
  state: 'state-def',
  nonce: 'nonce-ghi',
  returnTo: '/graph?namespaces=bookinfo',
  exp: nowS + 600,
};

describe('login-state cookie', () => {
  it('round-trips and hides its contents', () => {
    const sealed = sealLoginState(state, key);
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('verifier-abc');
    expect(openLoginState(sealed, key, nowS)).toEqual({ ok: true, state });
  });

  it('refuses a missing, altered, foreign-key or expired cookie with a message to sign in again', () => {
    expect(openLoginState(undefined, key, nowS)).toMatchObject({ ok: false, message: /cookie is missing/ });
    const sealed = sealLoginState(state, key);
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[15] = (bytes[15] ?? 0) ^ 1;
    expect(openLoginState(`v1.${bytes.toString('base64url')}`, key, nowS)).toMatchObject({
      ok: false,
      message: /not valid/,
    });
    const other = loginStateKey(Buffer.from('another secret of at least thirty-two chars'));
    expect(openLoginState(sealed, other, nowS)).toMatchObject({ ok: false, message: /not valid/ });
    expect(openLoginState(sealed, key, nowS + 600)).toMatchObject({
      ok: false,
      message: /more than 10 minutes/,
    });
  });

  it('is keyed apart from sessions: a session cookie is not a login state', () => {
    const session = sealSession(
      { strategy: 'openid', user: 'a', groups: [], iat: nowS, exp: nowS + 60 },
      sessionKey(secret),
    );
    expect(openLoginState(session, key, nowS)).toMatchObject({ ok: false, message: /not valid/ });
  });

  it('is scoped to the OpenID routes, HttpOnly, Lax (the callback comes from another site) and ten minutes long', () => {
    expect(loginStateCookie('v1.x', true)).toBe(
      'meshlens-oidc=v1.x; Path=/api/auth/openid; HttpOnly; SameSite=Lax; Max-Age=600; Secure',
    );
    expect(loginStateCookie('v1.x', false)).toBe(
      'meshlens-oidc=v1.x; Path=/api/auth/openid; HttpOnly; SameSite=Lax; Max-Age=600',
    );
    expect(clearedLoginStateCookie(true)).toBe(
      'meshlens-oidc=; Path=/api/auth/openid; HttpOnly; SameSite=Lax; Max-Age=0; Secure',
    );
  });
});
