import { describe, expect, it } from 'vitest';
import { statusOf } from '../__fixtures__/errors';
import { type ResourceAttributes } from './attributes';
import {
  type DistinctHeaders,
  impersonate,
  impersonationAttributes,
  impersonationRequests,
} from './impersonate';
import { type UserInfo } from './user';

const ADMIN: UserInfo = { username: 'admin', groups: ['system:masters', 'system:authenticated'] };
const allowAll = (): { allowed: boolean; reason: string } => ({ allowed: true, reason: '' });

describe('impersonationRequests', () => {
  it('reads the user, every group line, extras by key and the uid, in that order', () => {
    const headers: DistinctHeaders = {
      'impersonate-uid': ['u-1'],
      'impersonate-extra-scopes': ['view', 'edit'],
      'impersonate-extra-acme.com%2fproject': ['p1'],
      'impersonate-group': ['team', 'auditors'],
      'impersonate-user': ['alice', 'ignored'],
      accept: ['application/json'],
    };
    expect(impersonationRequests(headers)).toEqual([
      { kind: 'User', name: 'alice' },
      { kind: 'Group', name: 'team' },
      { kind: 'Group', name: 'auditors' },
      { kind: 'UserExtra', key: 'scopes', value: 'view' },
      { kind: 'UserExtra', key: 'scopes', value: 'edit' },
      { kind: 'UserExtra', key: 'acme.com/project', value: 'p1' },
      { kind: 'UID', uid: 'u-1' },
    ]);
  });

  it('reads a service account username as a ServiceAccount', () => {
    expect(impersonationRequests({ 'impersonate-user': ['system:serviceaccount:bookinfo:builder'] })).toEqual(
      [{ kind: 'ServiceAccount', namespace: 'bookinfo', name: 'builder' }],
    );
  });

  it('asks for nothing without headers, and refuses groups, extras or a uid without a user', () => {
    expect(impersonationRequests({})).toEqual([]);
    for (const headers of [
      { 'impersonate-group': ['team'] },
      { 'impersonate-uid': ['u'] },
      { 'impersonate-extra-a': ['b'] },
      { 'impersonate-user': [''], 'impersonate-group': ['team'] },
    ]) {
      expect(statusOf(() => impersonationRequests(headers))).toMatchObject({
        code: 400,
        reason: 'BadRequest',
        message: expect.stringContaining('without impersonating a user') as unknown,
      });
    }
  });
});

describe('impersonationAttributes', () => {
  it.each<[Parameters<typeof impersonationAttributes>[0], Partial<ResourceAttributes>]>([
    [
      { kind: 'User', name: 'alice' },
      { apiGroup: '', resource: 'users', name: 'alice', namespace: '' },
    ],
    [
      { kind: 'Group', name: 'team' },
      { apiGroup: '', resource: 'groups', name: 'team' },
    ],
    [
      { kind: 'ServiceAccount', namespace: 'b', name: 'sa' },
      { apiGroup: '', resource: 'serviceaccounts', namespace: 'b', name: 'sa' },
    ],
    [
      { kind: 'UID', uid: 'u-1' },
      { apiGroup: 'authentication.k8s.io', resource: 'uids', name: 'u-1' },
    ],
    [
      { kind: 'UserExtra', key: 'scopes', value: 'view' },
      { apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: 'scopes', name: 'view' },
    ],
  ])('%o needs impersonate on %o', (request, expected) => {
    expect(impersonationAttributes(request)).toMatchObject({
      resourceRequest: true,
      verb: 'impersonate',
      ...expected,
    });
  });
});

describe('impersonate', () => {
  it('returns the requester when nothing is impersonated', () => {
    expect(impersonate(ADMIN, {}, allowAll)).toBe(ADMIN);
  });

  it('becomes the user with the given groups plus system:authenticated, extras and uid', () => {
    const user = impersonate(
      ADMIN,
      {
        'impersonate-user': ['alice'],
        'impersonate-group': ['team', 'x'],
        'impersonate-extra-scopes': ['view'],
        'impersonate-uid': ['u-1'],
      },
      allowAll,
    );
    expect(user).toEqual({
      username: 'alice',
      uid: 'u-1',
      groups: ['team', 'x', 'system:authenticated'],
      extra: { scopes: ['view'] },
    });
  });

  it("gives a service account its namespace's groups unless groups are given; anonymous stays unauthenticated", () => {
    const sa = { 'impersonate-user': ['system:serviceaccount:b:builder'] };
    expect(impersonate(ADMIN, sa, allowAll).groups).toEqual([
      'system:serviceaccounts',
      'system:serviceaccounts:b',
      'system:authenticated',
    ]);
    expect(impersonate(ADMIN, { ...sa, 'impersonate-group': ['g'] }, allowAll).groups).toEqual([
      'g',
      'system:authenticated',
    ]);
    expect(impersonate(ADMIN, { 'impersonate-user': ['system:anonymous'] }, allowAll).groups).toEqual([
      'system:unauthenticated',
    ]);
  });

  it('checks every impersonation and refuses the first one not allowed, as kube words it', () => {
    const checked: string[] = [];
    const onlyUsers = (_user: UserInfo, a: ResourceAttributes) => {
      checked.push(`${a.resource}/${a.name}`);
      return { allowed: a.resource === 'users', reason: '' };
    };
    const bob: UserInfo = { username: 'bob', groups: [] };
    const error = statusOf(() =>
      impersonate(bob, { 'impersonate-user': ['alice'], 'impersonate-group': ['a', 'b'] }, onlyUsers),
    );
    expect(error).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message:
        'groups "a" is forbidden: User "bob" cannot impersonate resource "groups" in API group "" at the cluster scope',
    });
    expect(checked).toEqual(['users/alice', 'groups/a']);
  });
});
