import { randomPKCECodeVerifier } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenIdSettings } from '@/server/settings/types';
import { startTestProvider, signInAt, type TestProvider } from './__fixtures__/test-provider';
import { beginLogin, finishLogin, type FinishLoginResult } from './flow';
import { loginStateKey, openLoginState, sealLoginState, type LoginState } from './login-state';
import { DiscoveryError } from './provider';

/**
 * The whole authorization code flow against a real OpenID provider (`oidc-provider` on 127.0.0.1, PKCE required),
 * calling beginLogin/finishLogin as the routes do, with the provider's login and consent pages played by fetch.
 */

const publicUrl = new URL('http://127.0.0.1:3000');
const redirectUri = 'http://127.0.0.1:3000/api/auth/openid/callback';
const secret = Buffer.from('a secret of at least thirty-two characters');
const ttlS = 8 * 3600;
const nowS = (): number => Math.floor(Date.now() / 1000);

let provider: TestProvider;
let confidential: OpenIdSettings;
let publicClient: OpenIdSettings;

beforeAll(async () => {
  provider = await startTestProvider({
    clients: [
      { clientId: 'meshlens', clientSecret: 'meshlens-client-secret', redirectUri },
      { clientId: 'meshlens-public', redirectUri },
    ],
    accounts: {
      alice: { email: 'alice@example.com', email_verified: true, groups: ['mesh-admins', 'bookinfo-team'] },
      bob: { email: 'bob@example.com', groups: 'viewers' },
    },
  });
  const common = {
    issuerUrl: provider.issuer,
    scopes: ['openid', 'email', 'profile', 'groups'],
    usernameClaim: 'email',
    groupsClaim: 'groups',
    publicUrl,
  };
  confidential = {
    ...common,
    clientId: 'meshlens',
    clientSecret: 'meshlens-client-secret',
    impersonate: false,
  };
  publicClient = { ...common, clientId: 'meshlens-public', clientSecret: undefined, impersonate: true };
});

afterAll(async () => {
  await provider.stop();
});

/** Begins a login, signs in at the provider, and returns where it sent the browser back with the state cookie. */
async function signIn(
  settings: OpenIdSettings,
  returnTo = '/',
  login = 'alice',
): Promise<{ callback: URL; cookie: string; location: URL }> {
  const begun = await beginLogin(settings, returnTo, { secret, secure: false, nowS: nowS() });
  const cookie = /^meshlens-oidc=([^;]+);/.exec(begun.stateCookie)?.[1] ?? '';
  const callback = await signInAt(begun.location, redirectUri, { login });
  return { callback, cookie, location: new URL(begun.location) };
}

function payload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

describe('OpenID Connect sign-in against a real provider', () => {
  it('asks for a code with PKCE S256, state, nonce and the registered redirect URI', async () => {
    const begun = await beginLogin(confidential, '/graph', { secret, secure: true, nowS: nowS() });
    const url = new URL(begun.location);
    expect(url.origin).toBe(provider.issuer.origin);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'meshlens',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid email profile groups',
      code_challenge_method: 'S256',
    });
    for (const name of ['code_challenge', 'state', 'nonce'])
      expect(url.searchParams.get(name)).toMatch(/^[\w-]{20,}$/);
    expect(begun.stateCookie).toMatch(
      /^meshlens-oidc=v1\.[\w-]+; Path=\/api\/auth\/openid; HttpOnly; SameSite=Lax; Max-Age=600; Secure$/,
    );
  });

  it('signs in a confidential client: the user, the groups, and the ID token as the bearer token', async () => {
    const { callback, cookie } = await signIn(confidential, '/graph?namespaces=bookinfo');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const now = nowS();
    const result = await finishLogin(confidential, callback, cookie, ttlS, now, { secret });
    if (!result.ok) throw new Error(result.message);
    expect(result.returnTo).toBe('/graph?namespaces=bookinfo');
    const { session } = result;
    expect(session).toMatchObject({
      strategy: 'openid',
      user: 'alice@example.com',
      groups: ['mesh-admins', 'bookinfo-team'],
      iat: now,
    });
    const claims = payload(session.token ?? '');
    expect(claims).toMatchObject({
      iss: provider.issuer.href.replace(/\/$/, ''),
      aud: 'meshlens',
      sub: 'alice',
    });
    expect(claims.email).toBe('alice@example.com');
    // The session ends with the bearer token (an hour at this provider), not after the 8 h TTL.
    expect(session.exp).toBe(claims.exp);
    expect(session.exp).toBeLessThan(now + ttlS);
  });

  it('signs in a public client that impersonates: no token kept, the session lasts the TTL', async () => {
    const { callback, cookie } = await signIn(publicClient, '/', 'bob');
    const now = nowS();
    const result = await finishLogin(publicClient, callback, cookie, ttlS, now, { secret });
    expect(result).toEqual({
      ok: true,
      returnTo: '/',
      session: {
        strategy: 'openid',
        user: 'bob@example.com',
        groups: ['viewers'],
        iat: now,
        exp: now + ttlS,
      },
    });
  });

  it('refuses a missing or tampered login-state cookie', async () => {
    const { callback, cookie } = await signIn(confidential);
    const missing = await finishLogin(confidential, callback, undefined, ttlS, nowS(), { secret });
    expect(missing).toEqual({ ok: false, message: expect.stringMatching(/sign-in cookie is missing/) });
    const bytes = Buffer.from(cookie.slice(3), 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    const tampered = await finishLogin(
      confidential,
      callback,
      `v1.${bytes.toString('base64url')}`,
      ttlS,
      nowS(),
      {
        secret,
      },
    );
    expect(tampered).toEqual({ ok: false, message: expect.stringMatching(/sign-in cookie is not valid/) });
  });

  it('refuses an answer whose state is not the one this browser sent', async () => {
    const { callback, cookie } = await signIn(confidential);
    callback.searchParams.set('state', 'forged-state-value');
    const result = await finishLogin(confidential, callback, cookie, ttlS, nowS(), { secret });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/failed validation: .*"state"/) });
  });

  it('needs the PKCE verifier and the nonce of this login, not only its state', async () => {
    const key = loginStateKey(secret);
    const reseal = async (change: Partial<LoginState>): Promise<FinishLoginResult> => {
      const { callback, cookie } = await signIn(confidential);
      const opened = openLoginState(cookie, key, nowS());
      if (!opened.ok) throw new Error(opened.message);
      const forged = sealLoginState({ ...opened.state, ...change }, key);
      return finishLogin(confidential, callback, forged, ttlS, nowS(), { secret });
    };
    expect(await reseal({})).toMatchObject({ ok: true });
    expect(await reseal({ verifier: randomPKCECodeVerifier() })).toEqual({
      ok: false,
      message: expect.stringMatching(/refused to exchange the authorization code: invalid_grant/),
    });
    expect(await reseal({ nonce: 'another-nonce' })).toEqual({
      ok: false,
      message: expect.stringMatching(/failed validation: .*"nonce"/),
    });
  });

  it('refuses the same code the second time', async () => {
    const { callback, cookie } = await signIn(confidential);
    expect((await finishLogin(confidential, callback, cookie, ttlS, nowS(), { secret })).ok).toBe(true);
    const again = await finishLogin(confidential, callback, cookie, ttlS, nowS(), { secret });
    expect(again).toEqual({
      ok: false,
      message: expect.stringMatching(/refused to exchange the authorization code: invalid_grant/),
    });
  });

  it('passes on a refusal at the provider as a clear message', async () => {
    const begun = await beginLogin(confidential, '/', { secret, secure: false, nowS: nowS() });
    const cookie = /^meshlens-oidc=([^;]+);/.exec(begun.stateCookie)?.[1];
    const callback = await signInAt(begun.location, redirectUri, 'abort');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(await finishLogin(confidential, callback, cookie, ttlS, nowS(), { secret })).toEqual({
      ok: false,
      message: 'the identity provider refused the sign-in: access_denied (End-User aborted interaction)',
    });
  });

  it('refuses a user without the username claim, naming it', async () => {
    const settings = { ...confidential, usernameClaim: 'preferred_username' };
    const { callback, cookie } = await signIn(settings);
    const result = await finishLogin(settings, callback, cookie, ttlS, nowS(), { secret });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/no "preferred_username" claim/) });
  });

  it('returns to / instead of another site', async () => {
    const { callback, cookie } = await signIn(confidential, '//evil.example');
    const result = await finishLogin(confidential, callback, cookie, ttlS, nowS(), { secret });
    expect(result).toMatchObject({ ok: true, returnTo: '/' });
  });

  it('names the issuer when its configuration cannot be read', async () => {
    const unreachable = { ...confidential, issuerUrl: new URL('http://127.0.0.1:9/realms/none') };
    const error: unknown = await beginLogin(unreachable, '/', { secret, secure: false, nowS: nowS() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toMatch(
      /^could not read the OpenID provider's configuration from http:\/\/127\.0\.0\.1:9\/realms\/none/,
    );
  });
});
