import 'server-only';
import { allowInsecureRequests, ClientSecretBasic, discovery, None, type Configuration } from 'openid-client';
import type { OpenIdSettings } from '@/server/settings/types';
import { isLoopbackUrl } from './endpoints';
import { describeError } from './errors';

/**
 * The provider's configuration (`<issuer>/.well-known/openid-configuration`), discovered once per process and kept;
 * a failed discovery is not kept, so the next login tries again.
 */

/** Discovery failed: the message names the issuer. */
export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
  constructor(
    readonly issuer: string,
    reason: string,
  ) {
    super(`could not read the OpenID provider's configuration from ${issuer} (OPENID_ISSUER_URL): ${reason}`);
  }
}

/** The provider settings discovery depends on. */
export type ProviderSettings = Pick<OpenIdSettings, 'issuerUrl' | 'clientId' | 'clientSecret'>;

/** Injected in tests. */
export interface ProviderDeps {
  /** Default: `openid-client`'s `discovery`. */
  discover?: typeof discovery;
}

/** Seconds allowed for discovery and for each later request to the provider. */
const TIMEOUT_S = 10;

const key = Symbol.for('meshlens.openid-configurations');
type Holder = { [key]?: Map<string, Promise<Configuration>> };

function cache(): Map<string, Promise<Configuration>> {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  return holder[key];
}

function cacheKey(s: ProviderSettings): string {
  return JSON.stringify([s.issuerUrl.href, s.clientId, s.clientSecret ?? null]);
}

/**
 * The client configuration for these settings: `client_secret_basic` when a secret is set, else a public client
 * (`none`, PKCE only). Plain-HTTP issuers are allowed only on a loopback host (tests and local providers). Rejects
 * with a {@link DiscoveryError}.
 */
export function providerConfiguration(
  settings: ProviderSettings,
  deps: ProviderDeps = {},
): Promise<Configuration> {
  const configurations = cache();
  const id = cacheKey(settings);
  const known = configurations.get(id);
  if (known) return known;
  const pending = discover(settings, deps.discover ?? discovery).catch((error: unknown) => {
    if (configurations.get(id) === pending) configurations.delete(id);
    throw error;
  });
  configurations.set(id, pending);
  return pending;
}

/** Drops the kept configuration, so that the next login discovers again (after the provider was unreachable). */
export function forgetProviderConfiguration(settings: ProviderSettings): void {
  cache().delete(cacheKey(settings));
}

async function discover(settings: ProviderSettings, run: typeof discovery): Promise<Configuration> {
  const { issuerUrl, clientId, clientSecret } = settings;
  const insecureLoopback = issuerUrl.protocol === 'http:' && isLoopbackUrl(issuerUrl);
  try {
    return await run(
      issuerUrl,
      clientId,
      undefined,
      clientSecret === undefined ? None() : ClientSecretBasic(clientSecret),
      { timeout: TIMEOUT_S, ...(insecureLoopback ? { execute: [allowInsecureRequests] } : {}) },
    );
  } catch (error) {
    throw new DiscoveryError(issuerUrl.href, describeError(error));
  }
}
