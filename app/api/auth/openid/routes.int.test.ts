import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  signInAt,
  startTestProvider,
  type TestProvider,
} from '@/server/auth/openid/__fixtures__/test-provider';
import { openSession, sessionKey } from '@/server/auth/session';
import { GET as callback } from './callback/route';
import { GET as login } from './login/route';

/**
 * The two route files as Next.js runs them, with the settings read from the environment, against a real OpenID
 * provider: the redirect and login-state cookie, the session cookie and meta-refresh page, and the refusals.
 */

const dir = mkdtempSync(join(tmpdir(), 'meshlens-openid-routes-'));
const saved = { ...process.env };
const dashboard = 'http://127.0.0.1:3000';
const redirectUri = `${dashboard}/api/auth/openid/callback`;
const sessionSecret = 'a session secret of at least thirty-two characters';
let provider: TestProvider;

function setEnv(overrides: Record<string, string>): void {
  process.env = { ...saved, ...overrides };
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('meshlens.settings')];
}

function openIdEnv(overrides: Record<string, string> = {}): void {
  setEnv({
    KUBECONFIG: join(dir, 'kubeconfig'),
    METRICS_SOURCE: 'demo',
    SESSION_SECRET: sessionSecret,
    AUTH_STRATEGY: 'openid',
    OPENID_ISSUER_URL: provider.issuer.href,
    OPENID_CLIENT_ID: 'meshlens',
    OPENID_CLIENT_SECRET: 'meshlens-client-secret',
    PUBLIC_URL: dashboard,
    ...overrides,
  });
}

beforeAll(async () => {
  writeFileSync(join(dir, 'kubeconfig'), 'apiVersion: v1\n');
  provider = await startTestProvider({
    clients: [{ clientId: 'meshlens', clientSecret: 'meshlens-client-secret', redirectUri }],
    accounts: { alice: { email: 'alice@example.com', groups: ['mesh-admins'] } },
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await provider.stop();
  setEnv({});
  rmSync(dir, { recursive: true, force: true });
});

function cookieFrom(response: Response, name: string): string | undefined {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(';')[0];
}

describe('/api/auth/openid/login and /callback', () => {
  it('signs in: redirect to the provider, then the session cookie and a page that moves on', async () => {
    openIdEnv();
    const started = await login(
      new Request(`${dashboard}/api/auth/openid/login?next=/graph%3Fnamespaces%3Dbookinfo`),
    );
    expect(started.status).toBe(302);
    const location = started.headers.get('location') ?? '';
    expect(new URL(location).origin).toBe(provider.issuer.origin);
    const [stateLine] = started.headers.getSetCookie();
    expect(stateLine).toMatch(
      /^meshlens-oidc=v1\.[\w-]+; Path=\/api\/auth\/openid; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );

    const back = await signInAt(location, redirectUri, { login: 'alice' });
    const answer = await callback(
      new Request(back, { headers: { cookie: `meshlens-oidc=${cookieFrom(started, 'meshlens-oidc')}` } }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await answer.text()).toContain(
      '<meta http-equiv="refresh" content="0;url=/graph?namespaces=bookinfo">',
    );
    const cookies = answer.headers.getSetCookie();
    expect(cookies).toContain('meshlens-oidc=; Path=/api/auth/openid; HttpOnly; SameSite=Lax; Max-Age=0');
    expect(cookies.find((c) => c.startsWith('meshlens-session='))).toMatch(
      /; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    const opened = openSession(
      cookieFrom(answer, 'meshlens-session'),
      sessionKey(Buffer.from(sessionSecret)),
      Math.floor(Date.now() / 1000),
    );
    expect(opened).toMatchObject({
      ok: true,
      session: { strategy: 'openid', user: 'alice@example.com', groups: ['mesh-admins'] },
    });
  });

  it('sends a refused sign-in to the login page with the reason, logging one line without the code', async () => {
    openIdEnv();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const answer = await callback(new Request(`${redirectUri}?code=secret-code-value&state=s`));
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get('location') ?? '', dashboard);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('error')).toMatch(/sign-in cookie is missing/);
    expect(answer.headers.getSetCookie()).toEqual([
      'meshlens-oidc=; Path=/api/auth/openid; HttpOnly; SameSite=Lax; Max-Age=0',
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^meshlens auth: openid login refused: no sign-in was started/);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('secret-code-value');
  });

  it('answers 502 naming the issuer when discovery fails', async () => {
    openIdEnv({ OPENID_ISSUER_URL: 'http://127.0.0.1:9/dex' });
    const answer = await login(new Request(`${dashboard}/api/auth/openid/login`));
    expect(answer.status).toBe(502);
    const body = (await answer.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/configuration from http:\/\/127\.0\.0\.1:9\/dex/);
  });

  it('refuses an unknown parameter', async () => {
    openIdEnv();
    const answer = await login(new Request(`${dashboard}/api/auth/openid/login?return=/graph`));
    expect(answer.status).toBe(400);
  });

  it('answers 404 when sign-in is not OpenID Connect', async () => {
    setEnv({ KUBECONFIG: join(dir, 'kubeconfig'), METRICS_SOURCE: 'demo', AUTH_STRATEGY: 'token' });
    for (const handler of [login, callback]) {
      const answer = await handler(new Request(`${dashboard}/api/auth/openid/login`));
      expect(answer.status).toBe(404);
      expect(await answer.json()).toEqual({
        error: { message: 'OpenID Connect sign-in is not enabled (AUTH_STRATEGY=token)' },
      });
    }
  });
});
