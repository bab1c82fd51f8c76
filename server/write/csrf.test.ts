import { describe, expect, it } from 'vitest';
import {
  checkCsrf,
  cookieValue,
  CSRF_MAX_AGE_S,
  csrfCookie,
  csrfSecret,
  mintCsrfToken,
  verifyCsrfToken,
} from './csrf';

const secret = Buffer.from('s'.repeat(32));
const now = Date.parse('2026-06-01T03:00:00Z');
const token = mintCsrfToken(secret, now, Buffer.alloc(18, 7));

describe('anti-CSRF tokens', () => {
  it('verify under the secret they were made with, until they expire', () => {
    expect(token).toMatch(/^\d+\.[\w-]+\.[\w-]+$/);
    expect(verifyCsrfToken(token, secret, now)).toBe(true);
    expect(verifyCsrfToken(token, secret, now + (CSRF_MAX_AGE_S - 1) * 1000)).toBe(true);
    expect(verifyCsrfToken(token, secret, now + (CSRF_MAX_AGE_S + 1) * 1000)).toBe(false);
    expect(verifyCsrfToken(token, Buffer.from('t'.repeat(32)), now)).toBe(false);
  });

  it('refuse a forged or mangled token', () => {
    const [issued, nonce, mac] = token.split('.');
    expect(verifyCsrfToken(`${issued}.${nonce}x.${mac}`, secret, now)).toBe(false);
    expect(verifyCsrfToken(`${Number(issued) + 1}.${nonce}.${mac}`, secret, now)).toBe(false);
    expect(verifyCsrfToken('a.b', secret, now)).toBe(false);
  });

  it('agree across replicas with SESSION_SECRET, and differ per process without it', () => {
    const shared = 'a-session-secret-of-at-least-32-chars';
    expect(verifyCsrfToken(mintCsrfToken(csrfSecret(shared), now), csrfSecret(shared), now)).toBe(true);
    expect(csrfSecret(undefined)).toBe(csrfSecret(undefined));
    expect(csrfSecret(undefined)).toHaveLength(32);
  });

  it.each<[string, string | null, string | null, boolean, RegExp | null]>([
    ['header and cookie agree', token, `other=1; meshlens-csrf=${token}`, true, null],
    ['no header', null, `meshlens-csrf=${token}`, false, /missing X-CSRF-Token/],
    ['no cookie', token, null, false, /does not match the token cookie/],
    [
      'another token in the header',
      mintCsrfToken(secret, now),
      `meshlens-csrf=${token}`,
      false,
      /does not match/,
    ],
    [
      'a token of another secret in both',
      'x.y.z',
      'meshlens-csrf=x.y.z',
      false,
      /was not made by this dashboard/,
    ],
  ])('check the double submit: %s', (_what, header, cookie, ok, message) => {
    const result = checkCsrf(header, cookie, secret, now);
    expect(result.ok).toBe(ok);
    if (!result.ok && message) expect(result.message).toMatch(message);
  });

  it('set a strict, HTTP-only cookie for the write routes', () => {
    expect(csrfCookie('t', false)).toBe(
      `meshlens-csrf=t; Path=/api/write; SameSite=Strict; HttpOnly; Max-Age=${CSRF_MAX_AGE_S}`,
    );
    expect(csrfCookie('t', true)).toMatch(/; Secure$/);
    expect(cookieValue('a=1; b = 2', 'b')).toBe('2');
    expect(cookieValue(null, 'b')).toBeUndefined();
  });
});
