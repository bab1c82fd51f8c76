import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './claims';

describe('identityFromClaims', () => {
  it('takes the username and groups from the configured claims', () => {
    expect(
      identityFromClaims(
        {
          sub: '42',
          email: 'alice@example.com',
          email_verified: true,
          groups: ['mesh-admins', 'bookinfo-team'],
        },
        'email',
        'groups',
      ),
    ).toEqual({
      ok: true,
      identity: { user: 'alice@example.com', groups: ['mesh-admins', 'bookinfo-team'] },
    });
  });

  it('reads other claims when told to', () => {
    expect(
      identityFromClaims({ preferred_username: 'alice', roles: ['viewer'] }, 'preferred_username', 'roles'),
    ).toEqual({ ok: true, identity: { user: 'alice', groups: ['viewer'] } });
  });

  it('accepts a single group as a string, no groups claim as none, and drops duplicates and empty names', () => {
    expect(identityFromClaims({ email: 'a@x', groups: 'admins' }, 'email', 'groups')).toEqual({
      ok: true,
      identity: { user: 'a@x', groups: ['admins'] },
    });
    expect(identityFromClaims({ email: 'a@x' }, 'email', 'groups')).toEqual({
      ok: true,
      identity: { user: 'a@x', groups: [] },
    });
    expect(identityFromClaims({ email: 'a@x', groups: ['a', 'a', '', 'b'] }, 'email', 'groups')).toEqual({
      ok: true,
      identity: { user: 'a@x', groups: ['a', 'b'] },
    });
  });

  it('refuses a token without the username claim, naming the claim and the setting', () => {
    const result = identityFromClaims({ sub: '42', email: 'a@x' }, 'preferred_username', 'groups');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/no "preferred_username" claim .*OPENID_USERNAME_CLAIM/);
    expect(identityFromClaims({ email: '' }, 'email', 'groups').ok).toBe(false);
  });

  it('refuses a username that is not a string', () => {
    const result = identityFromClaims({ uid: 42 }, 'uid', 'groups');
    expect(!result.ok && result.message).toMatch(/"uid" claim .* is not a string/);
  });

  it('refuses an e-mail username the provider says is not verified, as kube-apiserver does', () => {
    const result = identityFromClaims(
      { email: 'mallory@example.com', email_verified: false },
      'email',
      'groups',
    );
    expect(!result.ok && result.message).toMatch(/mallory@example.com is not verified/);
    expect(identityFromClaims({ email: 'a@x' }, 'email', 'groups').ok).toBe(true);
  });

  it('refuses a groups claim of another shape', () => {
    for (const groups of [[1, 2], { admins: true }, 7]) {
      const result = identityFromClaims({ email: 'a@x', groups }, 'email', 'groups');
      expect(!result.ok && result.message).toMatch(/"groups" claim .*neither a string nor a list of strings/);
    }
  });
});
