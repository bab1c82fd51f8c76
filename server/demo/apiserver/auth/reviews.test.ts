import { describe, expect, it } from 'vitest';
import { statusOf } from '../__fixtures__/errors';
import { type KubeObject } from '../types';
import { type Attributes } from './attributes';
import { ALWAYS_ALLOW, type Authorizer } from './authorizer';
import { type ReviewContext, answerReview } from './reviews';
import { type UserInfo } from './user';

const ALICE: UserInfo = { username: 'alice', groups: ['team', 'system:authenticated'] };
const asked: { user: string; attributes: Attributes }[] = [];
/** Allows only `get pods` in bookinfo, and records what it was asked. */
const podReader: Authorizer = {
  authorize: (user, attributes) => {
    asked.push({ user: user.username, attributes });
    const allowed =
      attributes.resourceRequest &&
      attributes.verb === 'get' &&
      attributes.resource === 'pods' &&
      attributes.namespace === 'bookinfo';
    return { allowed, reason: allowed ? 'RBAC: allowed by test' : '' };
  },
  rulesFor: (_user, namespace) => ({
    resourceRules: namespace === 'bookinfo' ? [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] : [],
    nonResourceRules: [],
    incomplete: false,
  }),
};

const ctx = (authorizer: Authorizer = podReader, user: UserInfo = ALICE): ReviewContext => ({
  user,
  authorizer,
  authenticateToken: (token) => (token === 'alice-token' ? ALICE : undefined),
});

const AUTHENTICATION_KINDS = new Set(['SelfSubjectReview', 'TokenReview']);
const review = (kind: string, spec?: Record<string, unknown>): KubeObject => ({
  apiVersion: AUTHENTICATION_KINDS.has(kind) ? 'authentication.k8s.io/v1' : 'authorization.k8s.io/v1',
  kind,
  metadata: {},
  ...(spec ? { spec } : {}),
});

describe('answerReview', () => {
  it('answers a SelfSubjectAccessReview for the requester, echoing the review', () => {
    const spec = {
      resourceAttributes: { namespace: 'bookinfo', verb: 'get', resource: 'pods', name: 'p-1' },
    };
    expect(answerReview(review('SelfSubjectAccessReview', spec), ctx())).toEqual({
      ...review('SelfSubjectAccessReview', spec),
      status: { allowed: true, reason: 'RBAC: allowed by test' },
    });
    expect(asked.at(-1)).toEqual({
      user: 'alice',
      attributes: {
        resourceRequest: true,
        verb: 'get',
        apiGroup: '',
        resource: 'pods',
        subresource: '',
        namespace: 'bookinfo',
        name: 'p-1',
      },
    });
    const denied = answerReview(
      review('SelfSubjectAccessReview', { nonResourceAttributes: { path: '/x', verb: 'get' } }),
      ctx(),
    );
    expect(denied['status']).toEqual({ allowed: false });
  });

  it('refuses an access review without, or with both, kinds of attributes', () => {
    expect(statusOf(() => answerReview(review('SelfSubjectAccessReview', {}), ctx()))).toMatchObject({
      code: 422,
      message:
        'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Required value: ' +
        'exactly one of nonResourceAttributes or resourceAttributes must be specified',
    });
    const both = { resourceAttributes: { verb: 'get' }, nonResourceAttributes: { path: '/', verb: 'get' } };
    expect(statusOf(() => answerReview(review('SelfSubjectAccessReview', both), ctx())).code).toBe(422);
  });

  it('answers a SubjectAccessReview for the user and groups it names, without adding any', () => {
    const spec = {
      user: 'bob',
      groups: ['g'],
      resourceAttributes: { namespace: 'bookinfo', verb: 'get', resource: 'pods' },
    };
    expect(answerReview(review('SubjectAccessReview', spec), ctx())['status']).toMatchObject({
      allowed: true,
    });
    expect(asked.at(-1)?.user).toBe('bob');
    const nobody = { resourceAttributes: { verb: 'get', resource: 'pods' } };
    expect(statusOf(() => answerReview(review('SubjectAccessReview', nobody), ctx())).message).toContain(
      'spec.user: Invalid value: "": at least one of user or group must be specified',
    );
  });

  it("lists the requester's rules in a namespace, and needs the namespace", () => {
    expect(
      answerReview(review('SelfSubjectRulesReview', { namespace: 'bookinfo' }), ctx())['status'],
    ).toEqual({
      resourceRules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }],
      nonResourceRules: [],
      incomplete: false,
    });
    expect(statusOf(() => answerReview(review('SelfSubjectRulesReview', {}), ctx()))).toMatchObject({
      code: 400,
      message: 'no namespace on request',
    });
  });

  it('says who the requester is, and whose a token is', () => {
    const admin: UserInfo = { username: 'system:admin', groups: ['system:masters', 'system:authenticated'] };
    expect(answerReview(review('SelfSubjectReview'), ctx(ALWAYS_ALLOW, admin))['status']).toEqual({
      userInfo: { username: 'system:admin', groups: ['system:masters', 'system:authenticated'] },
    });
    expect(answerReview(review('TokenReview', { token: 'alice-token' }), ctx())['status']).toEqual({
      authenticated: true,
      user: { username: 'alice', groups: ['team', 'system:authenticated'] },
    });
    expect(answerReview(review('TokenReview', { token: 'nope' }), ctx())['status']).toEqual({
      authenticated: false,
    });
    expect(statusOf(() => answerReview(review('TokenReview', {}), ctx())).code).toBe(400);
  });

  it('allows everything without auth, with `*` rules', () => {
    const spec = { resourceAttributes: { verb: 'delete', resource: 'nodes', name: 'n-1' } };
    expect(answerReview(review('SelfSubjectAccessReview', spec), ctx(ALWAYS_ALLOW))['status']).toEqual({
      allowed: true,
    });
    expect(
      answerReview(review('SelfSubjectRulesReview', { namespace: 'x' }), ctx(ALWAYS_ALLOW))['status'],
    ).toEqual({
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    });
  });
});
