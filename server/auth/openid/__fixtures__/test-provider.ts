/**
 * A real OpenID provider for tests: panva's certified `oidc-provider` on 127.0.0.1 (a free port), with its
 * development login and consent pages, an RSA signing key made for the run, and accounts whose claims the test
 * chooses. {@link signInAt} plays the browser through those pages.
 */
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A client registered at the provider. */
export interface TestClient {
  clientId: string;
  /** Undefined for a public client (`token_endpoint_auth_method: none`). */
  clientSecret?: string;
  redirectUri: string;
}

/** How to start a {@link TestProvider}. */
export interface TestProviderOptions {
  clients: readonly TestClient[];
  /** Claims per account id (the login name typed on the login page); `sub` is the account id. */
  accounts: Readonly<Record<string, Record<string, unknown>>>;
}

/** A running provider. Call {@link TestProvider.stop} in `afterAll`. */
export interface TestProvider {
  /** The issuer, e.g. `http://127.0.0.1:41234`. */
  readonly issuer: URL;
  stop(): Promise<void>;
}

/** Starts a provider; PKCE is required of every client, ID tokens carry the scope claims (as Keycloak's and Dex's do). */
export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret === undefined
        ? { token_endpoint_auth_method: 'none' }
        : { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }),
      redirect_uris: [c.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'], profile: ['name'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['meshlens test provider cookie key'] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, Grant: 3600, IdToken: 3600, Interaction: 600, Session: 3600 },
    findAccount: (_ctx, id) => {
      const claims = options.accounts[id];
      return claims === undefined ? undefined : { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
  });
  server.on('request', provider.callback());

  return {
    issuer: new URL(issuer),
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** What the user does on the provider's pages. */
export type UserChoice = { login: string } | 'abort';

/**
 * Plays the browser from the authorization URL through the provider's login and consent pages (or aborts at the
 * first page), following redirects with a cookie jar, and returns the URL the provider finally sends the browser to
 * (one starting with `redirectUri`).
 */
export async function signInAt(
  authorizationUrl: string,
  redirectUri: string,
  choice: UserChoice,
): Promise<URL> {
  const jar = new Map<string, string>();
  let next: { url: URL; init?: RequestInit } = { url: new URL(authorizationUrl) };
  for (let step = 0; step < 20; step++) {
    if (next.url.href.startsWith(redirectUri)) return next.url;
    const response = await fetch(next.url, {
      ...next.init,
      redirect: 'manual',
      headers: { ...(next.init?.headers as Record<string, string>), cookie: cookieHeader(jar) },
    });
    remember(jar, response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (location !== null) {
      next = { url: new URL(location, next.url) };
      continue;
    }
    const page = await response.text();
    if (response.status !== 200)
      throw new Error(`provider answered ${response.status} at ${next.url.href}: ${page}`);
    next = answer(next.url, page, choice);
  }
  throw new Error('the provider never sent the browser back');
}

function answer(at: URL, page: string, choice: UserChoice): { url: URL; init?: RequestInit } {
  if (choice === 'abort') return { url: new URL(`${at.pathname}/abort`, at) };
  const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
  if (prompt !== 'login' && prompt !== 'consent')
    throw new Error(`unexpected provider page at ${at.href}: ${page}`);
  const form = new URLSearchParams({ prompt });
  if (prompt === 'login') {
    form.set('login', choice.login);
    form.set('password', 'any');
  }
  return {
    url: at,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    },
  };
}

function remember(jar: Map<string, string>, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}
