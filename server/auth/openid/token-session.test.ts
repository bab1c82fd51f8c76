import { describe, expect, it } from 'vitest';
import { sessionExpiry, sessionFromIdToken, type ValidatedIdToken } from './token-session';

const nowS = 1_700_000_000;
const idToken: ValidatedIdToken = {
  jwt: 'header.payload.signature',
  claims: { sub: '42', email: 'alice@example.com', groups: ['mesh-admins'], exp: nowS + 300 },
};
const claimsSettings = { usernameClaim: 'email', groupsClaim: 'groups' };

describe('sessionExpiry', () => {
  it('is the TTL when nothing expires sooner', () => {
    expect(sessionExpiry(nowS, 3600, undefined)).toBe(nowS + 3600);
    expect(sessionExpiry(nowS, 3600, nowS + 7200)).toBe(nowS + 3600);
  });

  it('is the bearer token expiry when that comes first', () => {
    expect(sessionExpiry(nowS, 8 * 3600, nowS + 300)).toBe(nowS + 300);
  });
});

describe('sessionFromIdToken', () => {
  it('keeps the ID token as the bearer token and ends the session with it', () => {
    expect(sessionFromIdToken(idToken, { ...claimsSettings, impersonate: false }, 8 * 3600, nowS)).toEqual({
      ok: true,
      session: {
        strategy: 'openid',
        user: 'alice@example.com',
        groups: ['mesh-admins'],
        token: 'header.payload.signature',
        iat: nowS,
        exp: nowS + 300,
      },
    });
  });

  it('keeps no token when impersonating, and lasts the TTL', () => {
    const result = sessionFromIdToken(idToken, { ...claimsSettings, impersonate: true }, 8 * 3600, nowS);
    expect(result).toEqual({
      ok: true,
      session: {
        strategy: 'openid',
        user: 'alice@example.com',
        groups: ['mesh-admins'],
        iat: nowS,
        exp: nowS + 8 * 3600,
      },
    });
    expect(result.ok && 'token' in result.session).toBe(false);
  });

  it('refuses a bearer ID token that is already expired', () => {
    const stale = { ...idToken, claims: { ...idToken.claims, exp: nowS } };
    expect(sessionFromIdToken(stale, { ...claimsSettings, impersonate: false }, 3600, nowS)).toEqual({
      ok: false,
      message: 'the ID token has already expired: check the clocks',
    });
  });

  it('passes on why the claims give no identity', () => {
    const result = sessionFromIdToken(
      idToken,
      { usernameClaim: 'upn', groupsClaim: 'groups', impersonate: true },
      60,
      nowS,
    );
    expect(!result.ok && result.message).toMatch(/no "upn" claim/);
  });
});
