import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The anti-CSRF token of the write routes: a double-submit token that the server can also verify on its own.
 *
 * `GET /api/write/capabilities` answers a token and sets it in a `SameSite=Strict; HttpOnly` cookie; a mutating
 * request must send the same token in the `X-CSRF-Token` header. A token is `<issued s>.<nonce>.<mac>` where the mac
 * is an HMAC-SHA256 of the issue time and nonce under the server secret, so a token the server did not make (or one
 * older than {@link CSRF_MAX_AGE_S}) is refused even when cookie and header agree. The secret is `SESSION_SECRET`
 * when set, so that every replica accepts the others' tokens; otherwise a random secret made once per process (with
 * several replicas and no `SESSION_SECRET`, a request reaching another replica is refused and the page must fetch a
 * new token).
 */

/** The cookie that carries the token. */
export const CSRF_COOKIE = 'meshlens-csrf';
/** The header that must repeat it. */
export const CSRF_HEADER = 'x-csrf-token';
/** How long a token is good for, in seconds. */
export const CSRF_MAX_AGE_S = 12 * 60 * 60;

const key = Symbol.for('meshlens.csrf-secret');
type Holder = { [key]?: Buffer };

/** The secret tokens are made with: `SESSION_SECRET` when given, else one random secret per process. */
export function csrfSecret(sessionSecret: string | undefined): Buffer {
  if (sessionSecret !== undefined) return Buffer.from(sessionSecret, 'utf8');
  const holder = globalThis as Holder;
  holder[key] ??= randomBytes(32);
  return holder[key];
}

function mac(secret: Buffer, issued: string, nonce: string): string {
  return createHmac('sha256', secret).update(`meshlens-csrf.v1.${issued}.${nonce}`).digest('base64url');
}

/** A new token issued at `nowMs`. `nonce` is random in use; tests pass their own. */
export function mintCsrfToken(secret: Buffer, nowMs: number, nonce: Buffer = randomBytes(18)): string {
  const issued = String(Math.floor(nowMs / 1000));
  const n = nonce.toString('base64url');
  return `${issued}.${n}.${mac(secret, issued, n)}`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when the server made the token (under `secret`) and it is not expired at `nowMs`. */
export function verifyCsrfToken(token: string, secret: Buffer, nowMs: number): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [issued = '', nonce = '', given = ''] = parts;
  const age = nowMs / 1000 - Number(issued);
  if (!/^\d{1,12}$/.test(issued) || age < -60 || age > CSRF_MAX_AGE_S) return false;
  return sameText(given, mac(secret, issued, nonce));
}

/** The header's token when it equals the cookie's and verifies; else the reason it does not. */
export function checkCsrf(
  header: string | null,
  cookieHeader: string | null,
  secret: Buffer,
  nowMs: number,
): { ok: true } | { ok: false; message: string } {
  if (!header) {
    return {
      ok: false,
      message: 'missing X-CSRF-Token header: get a token from GET /api/write/capabilities',
    };
  }
  const cookie = cookieValue(cookieHeader, CSRF_COOKIE);
  if (!cookie || !sameText(header, cookie)) {
    return { ok: false, message: 'the X-CSRF-Token header does not match the token cookie: reload the page' };
  }
  if (!verifyCsrfToken(header, secret, nowMs)) {
    return {
      ok: false,
      message: 'the anti-CSRF token is expired or was not made by this dashboard: reload the page',
    };
  }
  return { ok: true };
}

/** The `Set-Cookie` value for a token; `Secure` when the page is served over HTTPS. */
export function csrfCookie(token: string, secure: boolean): string {
  const attributes = ['Path=/api/write', 'SameSite=Strict', 'HttpOnly', `Max-Age=${CSRF_MAX_AGE_S}`];
  if (secure) attributes.push('Secure');
  return `${CSRF_COOKIE}=${token}; ${attributes.join('; ')}`;
}

/** The value of one cookie in a `Cookie` header. */
export function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
