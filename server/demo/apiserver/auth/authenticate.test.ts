import { describe, expect, it } from 'vitest';
import { statusOf } from '../__fixtures__/errors';
import { authenticate, bearerToken, tokenAuthenticator } from './authenticate';

const lookup = tokenAuthenticator([
  { token: 'alice-token', user: 'alice', groups: ['team'], uid: 'a-1' },
  { token: 'admin-token', user: 'admin', groups: ['system:masters', 'system:authenticated'] },
]);

describe('bearerToken', () => {
  it.each<[string | undefined, string | undefined]>([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['  BEARER abc  ', 'abc'],
    ['Bearer abc def', 'abc'],
    ['Basic YWxpY2U6cHc=', undefined],
    ['Bearer', undefined],
    ['Bearer  abc', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('tokenAuthenticator', () => {
  it('finds the user of a token, adding system:authenticated once', () => {
    expect(lookup('alice-token')).toEqual({
      username: 'alice',
      uid: 'a-1',
      groups: ['team', 'system:authenticated'],
    });
    expect(lookup('admin-token')?.groups).toEqual(['system:masters', 'system:authenticated']);
  });

  it('knows no other token, not even a prefix or a longer one', () => {
    for (const token of ['', 'alice', 'alice-token ', 'alice-token-x', 'ALICE-TOKEN'])
      expect(lookup(token)).toBeUndefined();
  });
});

describe('authenticate', () => {
  it('authenticates a known token anywhere', () => {
    expect(authenticate(lookup, 'Bearer alice-token', '/api/v1/pods').username).toBe('alice');
    expect(authenticate(lookup, 'Bearer alice-token', '/healthz').username).toBe('alice');
  });

  it('lets requests without credentials reach health and version only, as system:anonymous', () => {
    for (const path of ['/healthz', '/livez', '/readyz', '/version', '/version/'])
      expect(authenticate(lookup, undefined, path)).toEqual({
        username: 'system:anonymous',
        groups: ['system:unauthenticated'],
      });
    for (const path of ['/api', '/apis', '/openapi/v3', '/api/v1/pods', '/healthz/etcd'])
      expect(statusOf(() => authenticate(lookup, undefined, path))).toMatchObject({
        code: 401,
        reason: 'Unauthorized',
        message: 'Unauthorized',
      });
  });

  it('refuses a wrong token everywhere, even on the open paths', () => {
    expect(statusOf(() => authenticate(lookup, 'Bearer nope', '/healthz')).code).toBe(401);
    expect(statusOf(() => authenticate(lookup, 'Bearer nope', '/api')).code).toBe(401);
  });
});
