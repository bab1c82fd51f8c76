import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKeyOf, sharedKubeCache, stopSharedKubeCaches } from './shared-cache';

function config(server: string, user = 'me'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromClusterAndUser({ name: 'c', server, skipTLSVerify: true }, { name: user });
  return kc;
}

// Discovery never settles here, so no request leaves the process.
const offline = { discover: (): Promise<never> => new Promise(() => {}) };

afterEach(() => stopSharedKubeCaches());

describe('sharedKubeCache', () => {
  it('gives one started cache per API server and user', async () => {
    const a = sharedKubeCache(config('http://127.0.0.1:1111'), offline);
    expect(sharedKubeCache(config('http://127.0.0.1:1111'), offline)).toBe(a);
    expect(sharedKubeCache(config('http://127.0.0.1:2222'), offline)).not.toBe(a);
    expect(sharedKubeCache(config('http://127.0.0.1:1111', 'admin'), offline)).not.toBe(a);
    expect(cacheKeyOf(config('http://127.0.0.1:1111'))).toBe('http://127.0.0.1:1111|me');
    await stopSharedKubeCaches();
    expect(sharedKubeCache(config('http://127.0.0.1:1111'), offline)).not.toBe(a);
    await expect(a.whenSynced(10)).rejects.toMatchObject({ message: 'kubernetes: cache stopped' });
  });
});
