import 'server-only';
import type { AuthStrategy, Identity } from '@/lib/auth/types';
import { seal, sealingKey, unseal } from './sealed';

/**
 * The signed-in user's session: an encrypted, authenticated cookie (AES-256-GCM under a key derived from
 * `SESSION_SECRET`), so that any replica can read it and the browser's JavaScript never can (HttpOnly) — the
 * Kubernetes token inside never reaches the page. A cookie that fails to decrypt, has the wrong version, or is past
 * its expiry is no session at all.
 */

/** The cookie's name. */
export const SESSION_COOKIE = 'meshlens-session';

/** What a session holds. */
export interface SessionData extends Identity {
  strategy: Extract<AuthStrategy, 'token' | 'openid'>;
  /** The bearer token the user's Kubernetes requests carry; absent when the dashboard impersonates the user. */
  token?: string;
  /** Issued and expires, in seconds since the epoch. */
  iat: number;
  exp: number;
}

/** The key of the session cookies, derived from the configured secret. */
export function sessionKey(secret: Buffer): Buffer {
  return sealingKey(secret, 'session cookie');
}

/** Encrypts a session into a cookie value. `iv` is random in use. */
export function sealSession(data: SessionData, key: Buffer, iv?: Buffer): string {
  return seal(data, key, iv);
}

/** Why a cookie is not a session. */
export type SessionProblem = 'missing' | 'invalid' | 'expired';

/** Decrypts and checks a cookie value at `nowS` (seconds since the epoch). */
export function openSession(
  value: string | undefined,
  key: Buffer,
  nowS: number,
): { ok: true; session: SessionData } | { ok: false; problem: SessionProblem } {
  if (!value) return { ok: false, problem: 'missing' };
  const data = unseal(value, key);
  if (!isSessionData(data)) return { ok: false, problem: 'invalid' };
  if (data.exp <= nowS) return { ok: false, problem: 'expired' };
  return { ok: true, session: data };
}

function isSessionData(v: unknown): v is SessionData {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    (o.strategy === 'token' || o.strategy === 'openid') &&
    typeof o.user === 'string' &&
    Array.isArray(o.groups) &&
    o.groups.every((g) => typeof g === 'string') &&
    (o.token === undefined || typeof o.token === 'string') &&
    typeof o.iat === 'number' &&
    typeof o.exp === 'number'
  );
}

/** Cookie attributes: HttpOnly, SameSite=Strict, Path=/, and Secure unless the page is plain HTTP on loopback. */
function attributes(secure: boolean, maxAgeS: number): string {
  const parts = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeS}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The `Set-Cookie` value that stores a sealed session until its expiry. */
export function sessionCookie(sealed: string, session: SessionData, secure: boolean, nowS: number): string {
  return `${SESSION_COOKIE}=${sealed}; ${attributes(secure, Math.max(0, session.exp - nowS))}`;
}

/** The `Set-Cookie` value that removes the session (logout, or a cookie found invalid). */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; ${attributes(secure, 0)}`;
}

/**
 * Whether cookies get `Secure`: always, except for plain HTTP to a loopback host (the demo and local runs), where a
 * browser would otherwise keep them only on localhost. Behind a TLS-terminating proxy, `X-Forwarded-Proto` says
 * https.
 */
export function wantsSecureCookies(request: Request): boolean {
  const url = new URL(request.url);
  if (url.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https') return true;
  const host = (request.headers.get('host') ?? url.host).replace(/:\d+$/, '');
  return !['127.0.0.1', 'localhost', '[::1]'].includes(host);
}
