import { AuthorizationResponseError, ClientError, ResponseBodyError } from 'openid-client';
import { describe, expect, it } from 'vitest';
import { describeError, isUnreachable, loginFailure } from './errors';

function bodyError(body: { error: string; error_description?: string }, status = 400): ResponseBodyError {
  return new ResponseBodyError('server responded with an error in the response body', {
    cause: body,
    response: new Response(JSON.stringify(body), { status }),
  });
}

describe('loginFailure', () => {
  it('says the provider refused the sign-in, with its reason', () => {
    const params = new URLSearchParams({
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
    });
    expect(loginFailure(new AuthorizationResponseError('x', { cause: params }))).toBe(
      'the identity provider refused the sign-in: access_denied (End-User aborted interaction)',
    );
  });

  it('keeps provider text to one short line', () => {
    const params = new URLSearchParams({
      error: 'access_denied',
      error_description: `a\nb${'c'.repeat(500)}`,
    });
    const message = loginFailure(new AuthorizationResponseError('x', { cause: params })) ?? '';
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
  });

  it('explains a refused code exchange', () => {
    expect(
      loginFailure(bodyError({ error: 'invalid_grant', error_description: 'grant request is invalid' })),
    ).toBe(
      'the identity provider refused to exchange the authorization code: invalid_grant (grant request is invalid): the code was already used, has expired, or belongs to another sign-in; sign in again',
    );
    expect(loginFailure(bodyError({ error: 'invalid_client' }, 401))).toMatch(
      /check OPENID_CLIENT_ID and OPENID_CLIENT_SECRET$/,
    );
  });

  it('names the failed check of a validation error', () => {
    const error = new ClientError('invalid response encountered', {
      cause: new Error('unexpected "state" response parameter value'),
    });
    expect(loginFailure(error)).toBe(
      `the identity provider's answer failed validation: invalid response encountered: unexpected "state" response parameter value`,
    );
  });

  it('says when the provider could not be reached', () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    expect(loginFailure(error)).toBe(
      'the identity provider could not be reached: fetch failed: connect ECONNREFUSED 127.0.0.1:9',
    );
  });

  it('leaves other errors (bugs) alone', () => {
    expect(loginFailure(new Error('boom'))).toBeUndefined();
    expect(loginFailure(new TypeError('x is not a function'))).toBeUndefined();
  });
});

describe('describeError and isUnreachable', () => {
  it('follows causes without repeating them', () => {
    const inner = new Error('getaddrinfo ENOTFOUND idp.invalid');
    expect(describeError(new TypeError('fetch failed', { cause: inner }))).toBe(
      'fetch failed: getaddrinfo ENOTFOUND idp.invalid',
    );
    expect(describeError('plain')).toBe('plain');
  });

  it('knows network failures and timeouts', () => {
    expect(isUnreachable(new TypeError('fetch failed'))).toBe(true);
    expect(isUnreachable(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(true);
    expect(isUnreachable(new Error('fetch failed'))).toBe(false);
  });
});
