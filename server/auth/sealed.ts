import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypted, authenticated JSON for cookies (AES-256-GCM). Each use names its purpose, which keys it apart from the
 * others: a login-state cookie cannot be replayed as a session. Values look like `v1.<base64url(iv | data | tag)>`.
 */

const VERSION = 'v1';

/** The 32-byte key for one purpose, derived from the configured secret (HKDF-SHA256). */
export function sealingKey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `meshlens ${purpose} v1`, 32));
}

/** Encrypts `value` (anything JSON can hold) under `key`. */
export function seal(value: unknown, key: Buffer, iv: Buffer = randomBytes(12)): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The JSON sealed in `sealed`, or undefined when it was not made under `key` or was altered. */
export function unseal(sealed: string, key: Buffer): unknown {
  const [version, payload = ''] = sealed.split('.', 2);
  const raw = Buffer.from(payload, 'base64url');
  if (version !== VERSION || raw.length < 12 + 16 + 2) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    return JSON.parse(text.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
