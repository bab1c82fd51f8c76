import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_TOKEN } from '../world/rbac';
import { startAuthCluster } from './__fixtures__/auth-cluster';
import { type Kubectl, kubectlFor, waitFor } from './__fixtures__/kubectl';
import { type ApiServer } from './index';

const ALICE = 'alice-demo-token';
const BOB = 'bob-demo-token';
let api: ApiServer;
let kubectl: Kubectl;

beforeAll(async () => {
  api = await startAuthCluster();
  // The kubeconfig has no credentials: each run names its token, as `kubectl --token` does.
  kubectl = await kubectlFor(api.url, { certificateAuthority: api.certificateAuthority ?? '' });
});

afterAll(async () => {
  await kubectl.dispose();
  await api.close();
});

/** Runs kubectl with a bearer token. */
const as = (token: string, ...args: string[]) => kubectl.run(['--token', token, ...args], { stdin: '' });

async function ok(token: string, ...args: string[]): Promise<string> {
  const result = await as(token, ...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

async function refused(token: string, ...args: string[]): Promise<string> {
  const result = await as(token, ...args);
  expect(result.code).toBe(1);
  return result.stderr.trim();
}

const names = (table: string): string[] =>
  table
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/)[0] ?? '');

describe('authentication', () => {
  it('serves HTTPS with a certificate the kubeconfig trusts, and refuses a wrong token', async () => {
    expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(names(await ok(ALICE, 'get', 'pods', '-n', 'bookinfo'))).toEqual([
      'reviews-v1-aaaaa',
      'reviews-v1-bbbbb',
    ]);
    expect(await refused('not-a-token', 'get', 'pods', '-n', 'bookinfo')).toMatch(
      /error: You must be logged in to the server \(Unauthorized\)$/,
    );
  });

  it('tells who is asking with kubectl auth whoami', async () => {
    expect(await ok(ALICE, 'auth', 'whoami')).toMatch(
      /^ATTRIBUTE\s+VALUE\nUsername\s+alice\nGroups\s+\[bookinfo-team system:authenticated\]\n$/,
    );
  });
});

describe('authorization by the demo RBAC', () => {
  it("lets alice read bookinfo and legacy but not payments, with kube's Forbidden message", async () => {
    expect(names(await ok(ALICE, 'get', 'vs', '-n', 'legacy'))).toEqual(['inventory']);
    expect(await refused(ALICE, 'get', 'pods', '-n', 'payments')).toBe(
      'Error from server (Forbidden): pods is forbidden: User "alice" cannot list resource "pods" in API group "" ' +
        'in the namespace "payments"',
    );
    expect(names(await ok(BOB, 'get', 'pods', '-n', 'payments'))).toEqual(['api-v1-ccccc']);
  });

  it('lets alice edit Istio config in bookinfo only, names the object when refusing', async () => {
    expect((await ok(ALICE, 'label', 'vs', 'reviews', '-n', 'bookinfo', 'team=alice')).trim()).toBe(
      'virtualservice.networking.istio.io/reviews labeled',
    );
    expect(api.store.get('vs', 'bookinfo', 'reviews')?.metadata.labels).toEqual({ team: 'alice' });
    expect(await refused(ALICE, 'label', 'vs', 'inventory', '-n', 'legacy', 'team=alice')).toBe(
      'Error from server (Forbidden): virtualservices.networking.istio.io "inventory" is forbidden: User "alice" ' +
        'cannot patch resource "virtualservices" in API group "networking.istio.io" in the namespace "legacy"',
    );
    expect(api.store.get('vs', 'legacy', 'inventory')?.metadata.labels).toBeUndefined();
    expect(await refused(ALICE, 'delete', 'deploy', 'reviews-v1', '-n', 'bookinfo')).toContain(
      'deployments.apps "reviews-v1" is forbidden: User "alice" cannot delete resource "deployments" in API group ' +
        '"apps" in the namespace "bookinfo"',
    );
  });

  it('answers kubectl auth can-i from the same rules', async () => {
    const canI = (...args: string[]) => as(ALICE, 'auth', 'can-i', ...args);
    expect(await canI('create', 'virtualservices.networking.istio.io', '-n', 'bookinfo')).toMatchObject({
      code: 0,
      stdout: 'yes\n',
    });
    expect(await canI('create', 'virtualservices.networking.istio.io', '-n', 'legacy')).toMatchObject({
      code: 1,
      stdout: 'no\n',
    });
    expect(await canI('list', 'namespaces')).toMatchObject({ code: 1, stdout: 'no\n' });
    // A Namespace object's own namespace is itself, so a RoleBinding there grants reading it.
    expect(await canI('get', 'namespace/bookinfo', '-n', 'bookinfo')).toMatchObject({
      code: 0,
      stdout: 'yes\n',
    });
    const list = await ok(ALICE, 'auth', 'can-i', '--list', '-n', 'bookinfo');
    expect(list).toMatch(
      /\nvirtualservices\.networking\.istio\.io\s+\[\]\s+\[\]\s+\[get list watch create update patch delete\]\n/,
    );
    expect(list).not.toContain('configmaps');
  });

  it('keeps the namespace list from limited users but lets them read their own namespace', async () => {
    expect(await refused(ALICE, 'get', 'ns')).toBe(
      'Error from server (Forbidden): namespaces is forbidden: User "alice" cannot list resource "namespaces" in ' +
        'API group "" at the cluster scope',
    );
    expect(names(await ok(ALICE, 'get', 'ns', 'bookinfo'))).toEqual(['bookinfo']);
  });

  it('authorizes watches as watches', async () => {
    await ok(
      DEMO_ADMIN_TOKEN,
      'create',
      'role',
      'cm-lister',
      '--verb=list',
      '--resource=configmaps',
      '-n',
      'bookinfo',
    );
    await ok(
      DEMO_ADMIN_TOKEN,
      'create',
      'rolebinding',
      'bob-cm',
      '--role=cm-lister',
      '--user=bob',
      '-n',
      'bookinfo',
    );
    expect(await as(BOB, 'get', 'cm', '-n', 'bookinfo')).toMatchObject({
      code: 0,
      stderr: 'No resources found in bookinfo namespace.\n',
    });
    expect(await refused(BOB, 'get', 'cm', '-n', 'bookinfo', '--watch')).toBe(
      'Error from server (Forbidden): configmaps is forbidden: User "bob" cannot watch resource "configmaps" in API ' +
        'group "" in the namespace "bookinfo"',
    );
    const watch = kubectl.start(['--token', ALICE, 'get', 'pods', '-n', 'bookinfo', '--watch']);
    await waitFor(() => watch.output().includes('reviews-v1-aaaaa'), "alice's watch");
    expect(await watch.stop()).not.toContain('Forbidden');
  });
});

describe('RBAC objects through kubectl', () => {
  it('creates, prints and deletes roles and bindings; a deleted binding takes the right away', async () => {
    await ok(
      DEMO_ADMIN_TOKEN,
      'create',
      'clusterrole',
      'ns-reader',
      '--verb=get,list',
      '--resource=namespaces',
    );
    await ok(
      DEMO_ADMIN_TOKEN,
      'create',
      'clusterrolebinding',
      'bob-ns',
      '--clusterrole=ns-reader',
      '--user=bob',
      '--serviceaccount=bookinfo:default',
    );
    expect(await ok(DEMO_ADMIN_TOKEN, 'get', 'clusterrolebinding', 'bob-ns', '-o', 'wide')).toMatch(
      /^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\nbob-ns\s+ClusterRole\/ns-reader\s+\S+\s+bob\s+bookinfo\/default\n$/,
    );
    expect(await ok(DEMO_ADMIN_TOKEN, 'get', 'clusterrole', 'ns-reader')).toMatch(
      /^NAME\s+CREATED AT\nns-reader\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/,
    );
    expect(names(await ok(BOB, 'get', 'ns'))).toContain('payments');
    await ok(DEMO_ADMIN_TOKEN, 'delete', 'clusterrolebinding', 'bob-ns');
    expect(await refused(BOB, 'get', 'ns')).toContain('User "bob" cannot list resource "namespaces"');
  });

  it('applies a RoleBinding from YAML and refuses to change its roleRef', async () => {
    const binding = (role: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: bob-views-legacy, namespace: legacy}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: bob}
`;
    const created = await kubectl.run(['--token', DEMO_ADMIN_TOKEN, 'apply', '-f', '-'], {
      stdin: binding('meshlens-demo-view'),
    });
    expect(created.stdout.trim()).toBe('rolebinding.rbac.authorization.k8s.io/bob-views-legacy created');
    expect(names(await ok(BOB, 'get', 'vs', '-n', 'legacy'))).toEqual(['inventory']);
    const changed = await kubectl.run(['--token', DEMO_ADMIN_TOKEN, 'apply', '-f', '-'], {
      stdin: binding('meshlens-demo-istio-edit'),
    });
    expect(changed.stderr).toContain('roleRef: Invalid value');
    expect(changed.stderr).toContain('cannot change roleRef');
  });
});

describe('impersonation', () => {
  it('lets the admin act as alice with several groups, then with only her rights', async () => {
    const asAlice = ['--as', 'alice', '--as-group', 'bookinfo-team', '--as-group', 'reviewers'];
    expect(await ok(DEMO_ADMIN_TOKEN, ...asAlice, 'auth', 'whoami')).toMatch(
      /\nUsername\s+alice\nGroups\s+\[bookinfo-team reviewers system:authenticated\]\n$/,
    );
    expect(names(await ok(DEMO_ADMIN_TOKEN, ...asAlice, 'get', 'pods', '-n', 'bookinfo'))).toHaveLength(2);
    expect(await refused(DEMO_ADMIN_TOKEN, ...asAlice, 'get', 'pods', '-n', 'payments')).toContain(
      'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "payments"',
    );
  });

  it('refuses impersonation to a user who may not impersonate', async () => {
    expect(await refused(ALICE, '--as', 'bob', 'get', 'pods', '-n', 'payments')).toBe(
      'Error from server (Forbidden): users "bob" is forbidden: User "alice" cannot impersonate resource "users" ' +
        'in API group "" at the cluster scope',
    );
  });
});
