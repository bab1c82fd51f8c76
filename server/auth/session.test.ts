import { describe, expect, it } from 'vitest';
import {
  clearedSessionCookie,
  openSession,
  sealSession,
  sessionCookie,
  sessionKey,
  wantsSecureCookies,
  type SessionData,
} from './session';

const key = sessionKey(Buffer.from('a secret of at least thirty-two characters'));
const alice: SessionData = {
  strategy: 'token',
  user: 'alice',
  groups: ['bookinfo-team', 'system:authenticated'],
  token: 'alice-demo-token',
  iat: 1_000,
  exp: 1_000 + 3600,
};

describe('session cookies', () => {
  it('round-trips a session and hides the token from anyone without the key', () => {
    const sealed = sealSession(alice, key);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('alice');
    expect(openSession(sealed, key, 2_000)).toEqual({ ok: true, session: alice });
  });

  it('refuses a cookie sealed under another secret, tampered with, or malformed', () => {
    const other = sessionKey(Buffer.from('another secret of at least thirty-two chars'));
    const sealed = sealSession(alice, key);
    expect(openSession(sealed, other, 2_000)).toEqual({ ok: false, problem: 'invalid' });
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    expect(openSession(`v1.${bytes.toString('base64url')}`, key, 2_000)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    expect(openSession('v2.' + sealed.slice(3), key, 2_000)).toEqual({ ok: false, problem: 'invalid' });
    expect(openSession('garbage', key, 2_000)).toEqual({ ok: false, problem: 'invalid' });
    expect(openSession(undefined, key, 2_000)).toEqual({ ok: false, problem: 'missing' });
  });

  it('refuses a session at its expiry', () => {
    const sealed = sealSession(alice, key);
    expect(openSession(sealed, key, alice.exp - 1).ok).toBe(true);
    expect(openSession(sealed, key, alice.exp)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a well-encrypted payload that is not a session', () => {
    const sealed = sealSession({ ...alice, groups: 'admins' } as unknown as SessionData, key);
    expect(openSession(sealed, key, 2_000)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('sets HttpOnly, SameSite=Strict and a Max-Age up to the expiry, Secure off loopback HTTP', () => {
    expect(sessionCookie('v1.x', alice, true, alice.exp - 60)).toBe(
      'meshlens-session=v1.x; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure',
    );
    expect(clearedSessionCookie(false)).toBe(
      'meshlens-session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0',
    );
    expect(wantsSecureCookies(new Request('http://127.0.0.1:3000/api/auth/login'))).toBe(false);
    expect(wantsSecureCookies(new Request('http://meshlens.internal/api/auth/login'))).toBe(true);
    expect(wantsSecureCookies(new Request('https://meshlens.example.com/'))).toBe(true);
    expect(
      wantsSecureCookies(
        new Request('http://127.0.0.1:3000/', { headers: { 'x-forwarded-proto': 'https' } }),
      ),
    ).toBe(true);
  });
});
