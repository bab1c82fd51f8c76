import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals a session cookie as the dashboard does (AES-256-GCM under HKDF(SESSION_SECRET, "meshlens session cookie
 * v1")), written here again from the format in docs/auth.md: the e2e plays a clock that has moved on, by making a
 * session that expired a minute ago with the secret the test gave the dashboard.
 */
export function sealTestSession(secret: string, session: Record<string, unknown>): string {
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(secret), Buffer.alloc(0), 'meshlens session cookie v1', 32),
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}
