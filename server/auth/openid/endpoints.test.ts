import { describe, expect, it } from 'vitest';
import { callbackUrl, isLoopbackUrl, redirectUri } from './endpoints';

describe('redirectUri', () => {
  it.each([
    ['https://meshlens.example.com', 'https://meshlens.example.com/api/auth/openid/callback'],
    ['https://meshlens.example.com/', 'https://meshlens.example.com/api/auth/openid/callback'],
    ['https://example.com/meshlens/', 'https://example.com/meshlens/api/auth/openid/callback'],
    ['http://127.0.0.1:3000/?x=1#y', 'http://127.0.0.1:3000/api/auth/openid/callback'],
  ])('%s → %s', (publicUrl, expected) => {
    expect(redirectUri(new URL(publicUrl)).href).toBe(expected);
  });
});

describe('callbackUrl', () => {
  it('puts the provider answer on the registered redirect URI, whatever host the request named', () => {
    const request = new URL(
      'http://0.0.0.0:3000/api/auth/openid/callback?code=abc&state=xyz&iss=https%3A%2F%2Fidp',
    );
    expect(callbackUrl(new URL('https://meshlens.example.com'), request.searchParams).href).toBe(
      'https://meshlens.example.com/api/auth/openid/callback?code=abc&state=xyz&iss=https%3A%2F%2Fidp',
    );
  });
});

describe('isLoopbackUrl', () => {
  it.each([
    ['http://127.0.0.1:5556/dex', true],
    ['http://127.1.2.3/', true],
    ['http://localhost:8080/realms/x', true],
    ['http://[::1]:8080/', true],
    ['http://keycloak.example.com/', false],
    ['http://127.0.0.1.evil.example/', false],
    ['http://10.0.0.1/', false],
  ])('%s → %s', (url, expected) => {
    expect(isLoopbackUrl(new URL(url))).toBe(expected);
  });
});
