import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_USERS, demoRbacObjects } from '../../world/rbac';
import { ResourceStore } from '../store';
import { type Attributes } from './attributes';
import { tokenAuthenticator } from './authenticate';
import { rbacAuthorizer } from './authorizer';
import { withBootstrapPolicy } from './bootstrap-policy';
import { storePolicy } from './store-policy';
import { ANONYMOUS, type UserInfo } from './user';

/** The demo's RBAC model over a store, as the server evaluates it. */
function demoAuthorizer(): { authorizer: ReturnType<typeof rbacAuthorizer>; store: ResourceStore } {
  const store = new ResourceStore();
  for (const name of ['bookinfo', 'legacy', 'payments', 'outside', 'default'])
    store.create('namespaces', { metadata: { name } });
  for (const object of demoRbacObjects()) store.create(object.kind, object);
  return { authorizer: rbacAuthorizer(withBootstrapPolicy(storePolicy(store))), store };
}

const login = tokenAuthenticator([DEMO_ADMIN, ...DEMO_USERS]);
const user = (token: string): UserInfo => {
  const found = login(token);
  if (!found) throw new Error(`unknown token ${token}`);
  return found;
};
const ALICE = user('alice-demo-token');
const BOB = user('bob-demo-token');
const ADMIN = user(DEMO_ADMIN.token);

/** `verb group/resource[/sub] namespace[/name]` (core group: `/pods`) or `verb path:/url` → attributes. */
function request(text: string): Attributes {
  const [verb = '', what = '', where = ''] = text.split(' ');
  if (what.startsWith('path:')) return { resourceRequest: false, verb, path: what.slice(5) };
  const [group = '', resource = '', subresource = ''] = what.split('/');
  const [namespace = '', name = ''] = where.split('/');
  return { resourceRequest: true, verb, apiGroup: group, resource, subresource, namespace, name };
}

describe('the demo RBAC model (world/rbac.ts)', () => {
  const { authorizer } = demoAuthorizer();
  it.each<[string, UserInfo, string, boolean]>([
    ['alice lists pods in bookinfo', ALICE, 'list /pods bookinfo', true],
    ['alice watches deployments in legacy', ALICE, 'watch apps/deployments legacy', true],
    ['alice lists pods in payments', ALICE, 'list /pods payments', false],
    ['alice lists pods everywhere', ALICE, 'list /pods', false],
    ['alice reads configmaps', ALICE, 'list /configmaps bookinfo', false],
    [
      'alice updates a VirtualService in bookinfo',
      ALICE,
      'update networking.istio.io/virtualservices bookinfo/reviews',
      true,
    ],
    [
      'alice deletes an AuthorizationPolicy in bookinfo',
      ALICE,
      'delete security.istio.io/authorizationpolicies bookinfo/p',
      true,
    ],
    [
      'alice creates a ServiceEntry in bookinfo',
      ALICE,
      'create networking.istio.io/serviceentries bookinfo',
      false,
    ],
    [
      'alice lists ServiceEntries in bookinfo',
      ALICE,
      'list networking.istio.io/serviceentries bookinfo',
      true,
    ],
    [
      'alice updates a VirtualService in legacy',
      ALICE,
      'update networking.istio.io/virtualservices legacy/inventory',
      false,
    ],
    [
      'alice scales a deployment in bookinfo',
      ALICE,
      'patch apps/deployments/scale bookinfo/reviews-v1',
      false,
    ],
    ['alice gets the bookinfo namespace', ALICE, 'get /namespaces bookinfo/bookinfo', true],
    ['alice lists namespaces', ALICE, 'list /namespaces', false],
    [
      'alice reads Gateway API routes in legacy',
      ALICE,
      'list gateway.networking.k8s.io/httproutes legacy',
      true,
    ],
    ['alice impersonates bob', ALICE, 'impersonate /users /bob', false],
    ['alice reads discovery', ALICE, 'get path:/apis/networking.istio.io/v1', true],
    ['alice asks what she may do', ALICE, 'create authorization.k8s.io/selfsubjectrulesreviews', true],
    ['alice asks what bob may do', ALICE, 'create authorization.k8s.io/subjectaccessreviews', false],
    ['bob lists pods in outside', BOB, 'list /pods outside', true],
    ['bob reads telemetry in payments', BOB, 'get telemetry.istio.io/telemetries payments/t', true],
    [
      'bob patches a DestinationRule in payments',
      BOB,
      'patch networking.istio.io/destinationrules payments/api',
      false,
    ],
    ['bob lists pods in bookinfo', BOB, 'list /pods bookinfo', false],
    ['the admin deletes nodes', ADMIN, 'delete /nodes', true],
    ['the admin impersonates alice', ADMIN, 'impersonate /users /alice', true],
    ['anyone reads the health', ANONYMOUS, 'get path:/healthz', true],
    ['nobody reads discovery unauthenticated', ANONYMOUS, 'get path:/api', false],
  ])('%s: %s', (_what, who, text, allowed) => {
    expect(authorizer.authorize(who, request(text)).allowed).toBe(allowed);
  });

  it("lists alice's rules in bookinfo, with the bootstrap ones, and the admin's as `*`", () => {
    const rules = authorizer.rulesFor(ALICE, 'bookinfo');
    expect(rules.resourceRules).toContainEqual({
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      apiGroups: ['security.istio.io'],
      resources: ['authorizationpolicies', 'peerauthentications'],
    });
    expect(rules.nonResourceRules).toContainEqual({
      verbs: ['get'],
      nonResourceURLs: expect.arrayContaining(['/apis/*']) as unknown,
    });
    expect(authorizer.rulesFor(ALICE, 'legacy').resourceRules.some((r) => r.verbs.includes('update'))).toBe(
      false,
    );
    expect(authorizer.rulesFor(ADMIN, 'anywhere').resourceRules).toContainEqual({
      verbs: ['*'],
      apiGroups: ['*'],
      resources: ['*'],
    });
  });

  it('follows the store: a deleted binding takes the right away at once, and a stored role cannot replace a built-in one', () => {
    const { authorizer: live, store } = demoAuthorizer();
    expect(live.authorize(BOB, request('list /pods payments')).allowed).toBe(true);
    store.delete('rolebindings', 'payments', 'meshlens-demo-view-payments-team');
    expect(live.authorize(BOB, request('list /pods payments')).allowed).toBe(false);
    store.create('clusterroles', {
      metadata: { name: 'system:discovery' },
      rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    });
    expect(live.authorize(BOB, request('delete /nodes /n'))).toEqual({ allowed: false, reason: '' });
  });
});
