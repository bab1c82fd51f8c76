import type { Configuration, discovery } from 'openid-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiscoveryError, forgetProviderConfiguration, providerConfiguration } from './provider';

const settings = {
  issuerUrl: new URL('https://idp.example.com/realms/mesh'),
  clientId: 'meshlens',
  clientSecret: undefined,
};
const configuration = { fake: true } as unknown as Configuration;

afterEach(() => forgetProviderConfiguration(settings));

describe('providerConfiguration', () => {
  it('discovers once per process and shares the answer', async () => {
    const discover = vi.fn<typeof discovery>().mockResolvedValue(configuration);
    const [a, b] = await Promise.all([
      providerConfiguration(settings, { discover }),
      providerConfiguration(settings, { discover }),
    ]);
    expect(await providerConfiguration(settings, { discover })).toBe(configuration);
    expect([a, b]).toEqual([configuration, configuration]);
    expect(discover).toHaveBeenCalledTimes(1);
    expect(discover.mock.calls[0]?.[0]).toBe(settings.issuerUrl);
    expect(discover.mock.calls[0]?.[1]).toBe('meshlens');
  });

  it('discovers again after a failure, naming the issuer in the error', async () => {
    const discover = vi
      .fn<typeof discovery>()
      .mockRejectedValueOnce(
        new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND idp.example.com') }),
      )
      .mockResolvedValue(configuration);
    const error: unknown = await providerConfiguration(settings, { discover }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toBe(
      "could not read the OpenID provider's configuration from https://idp.example.com/realms/mesh (OPENID_ISSUER_URL): fetch failed: getaddrinfo ENOTFOUND idp.example.com",
    );
    expect(await providerConfiguration(settings, { discover })).toBe(configuration);
    expect(discover).toHaveBeenCalledTimes(2);
  });

  it('allows plain HTTP only for a loopback issuer', async () => {
    const discover = vi.fn<typeof discovery>().mockResolvedValue(configuration);
    const loopback = { ...settings, issuerUrl: new URL('http://127.0.0.1:5556/dex') };
    const remote = { ...settings, issuerUrl: new URL('http://dex.example.com/dex') };
    await providerConfiguration(loopback, { discover });
    await providerConfiguration(remote, { discover });
    expect(discover.mock.calls[0]?.[4]?.execute).toHaveLength(1);
    expect(discover.mock.calls[1]?.[4]?.execute).toBeUndefined();
    forgetProviderConfiguration(loopback);
    forgetProviderConfiguration(remote);
  });
});
