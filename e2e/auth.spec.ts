import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startDemo, type DemoProcess } from './demo-process';
import { EditorPage } from './pages/editor';
import { sealTestSession } from './session-cookie';

/**
 * Who may see and change what, end to end: the demo mesh started with `--auth token`, whose API server enforces
 * RBAC for its demo users (alice: bookinfo team, edits Istio config in bookinfo, views legacy; bob: views payments
 * and outside). The same dashboard shows each their own mesh, offers only the changes their RBAC allows, and the
 * cluster refuses the rest.
 */

const SECRET = 'an-e2e-session-secret-of-more-than-32-characters';
let demo: DemoProcess;
let dashboard = '';

test.beforeAll(async () => {
  demo = await startDemo(['--prometheus', 'off', '--auth', 'token'], 'metrics', { SESSION_SECRET: SECRET });
  dashboard = demo.line('dashboard');
});

test.afterAll(async () => {
  await demo.stop();
});

async function signIn(browser: Browser, token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${dashboard}/login?next=${encodeURIComponent('/?ns=')}`);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('session-user')).toBeVisible();
  return { context, page };
}

async function visibleNamespaces(page: Page): Promise<string[]> {
  const answer = await page.request.get(`${dashboard}/api/namespaces`);
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { data: { name: string }[] };
  return body.data.map((ns) => ns.name).sort();
}

test('a visit without a session is sent to sign in, and a token the cluster rejects is refused', async ({
  page,
}) => {
  await page.goto(`${dashboard}/graph?ns=bookinfo`);
  await expect(page).toHaveURL(/\/login\?next=%2Fgraph%3Fns%3Dbookinfo/);
  await expect(page.getByTestId('anonymous-banner')).toHaveCount(0);
  await page.getByTestId('token-input').fill('not-a-real-token');
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('the cluster rejected this token');
  await page.screenshot({ path: 'test-results/auth-sign-in-refused.png', fullPage: true });
});

test('two users see different meshes in the same dashboard', async ({ browser }) => {
  const alice = await signIn(browser, 'alice-demo-token');
  const bob = await signIn(browser, 'bob-demo-token');
  try {
    await expect(alice.page.getByTestId('session-user')).toHaveText('alice');
    expect(await visibleNamespaces(alice.page)).toEqual(['bookinfo', 'legacy']);
    expect(await visibleNamespaces(bob.page)).toEqual(['outside', 'payments']);

    // The graph of "all namespaces" holds only what each may see.
    for (const [user, allowed] of [
      [alice.page, ['bookinfo', 'legacy']],
      [bob.page, ['outside', 'payments']],
    ] as const) {
      const graph = await user.request.get(`${dashboard}/api/graph?window=1m`);
      expect(graph.status()).toBe(200);
      const body = (await graph.json()) as { nodes: { namespace?: string }[] };
      const namespaces = new Set(body.nodes.flatMap((n) => (n.namespace ? [n.namespace] : [])));
      expect([...namespaces].every((ns) => (allowed as readonly string[]).includes(ns))).toBe(true);
    }
    // A namespace bob may not see answers as if it did not exist.
    const hidden = await bob.page.request.get(`${dashboard}/api/mesh/namespaces/bookinfo`);
    expect(hidden.status()).toBe(404);

    await alice.page.goto(`${dashboard}/?ns=`);
    await expect(alice.page.getByTestId('namespace-table')).toContainText('bookinfo');
    await expect(alice.page.getByTestId('namespace-table')).not.toContainText('payments');
    await alice.page.screenshot({ path: 'test-results/auth-alice-overview.png', fullPage: true });
    await bob.page.goto(`${dashboard}/?ns=`);
    await expect(bob.page.getByTestId('namespace-table')).toContainText('payments');
    await expect(bob.page.getByTestId('namespace-table')).not.toContainText('bookinfo');
    await bob.page.screenshot({ path: 'test-results/auth-bob-overview.png', fullPage: true });
  } finally {
    await alice.context.close();
    await bob.context.close();
  }
});

test('alice may edit where RBAC says yes, is offered no edit where it says no, and the cluster refuses it', async ({
  browser,
}) => {
  const alice = await signIn(browser, 'alice-demo-token');
  try {
    const editor = new EditorPage(alice.page);
    await alice.page.goto(`${dashboard}/config/edit?kind=VirtualService&ns=bookinfo&new=1`);
    await expect(editor.previewButton()).toBeVisible();
    await expect(editor.readOnly()).toHaveCount(0);

    await alice.page.goto(`${dashboard}/config/edit?kind=VirtualService&ns=legacy&new=1`);
    await expect(editor.readOnly()).toContainText('your Kubernetes RBAC does not allow it');
    await alice.page.screenshot({ path: 'test-results/auth-alice-no-edit.png', fullPage: true });

    // Asked directly, the write path acts as alice and the cluster says no.
    const caps = (await (await alice.page.request.get(`${dashboard}/api/write/capabilities`)).json()) as {
      csrfToken: string;
    };
    const object = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'sneaky', namespace: 'legacy' },
      spec: { hosts: ['inventory'], http: [{ route: [{ destination: { host: 'inventory' } }] }] },
    };
    const write = (namespace: string) => ({
      kind: 'VirtualService',
      namespace,
      yaml: JSON.stringify({ ...object, metadata: { name: 'sneaky', namespace } }),
    });
    const refused = await alice.page.request.post(`${dashboard}/api/write/apply`, {
      headers: { origin: dashboard, 'x-csrf-token': caps.csrfToken, 'content-type': 'application/json' },
      data: write('legacy'),
    });
    const body = JSON.stringify(await refused.json());
    expect(refused.status()).toBe(403);
    expect(body).toContain('User \\"alice\\" cannot create resource \\"virtualservices\\"');

    // A write from another site is refused before anyone's rights are looked at.
    const crossSite = await alice.page.request.post(`${dashboard}/api/write/apply`, {
      headers: {
        origin: 'http://evil.example',
        'x-csrf-token': caps.csrfToken,
        'content-type': 'application/json',
      },
      data: write('bookinfo'),
    });
    expect(crossSite.status()).toBe(403);
    expect(JSON.stringify(await crossSite.json())).toContain('changes are accepted only from the dashboard');
  } finally {
    await alice.context.close();
  }
});

test('an expired or forged session is sent to sign in again', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const nowS = Math.floor(Date.now() / 1000);
  const expired = sealTestSession(SECRET, {
    strategy: 'token',
    user: 'alice',
    groups: ['bookinfo-team'],
    token: 'alice-demo-token',
    iat: nowS - 7200,
    exp: nowS - 60,
  });
  const url = new URL(dashboard);
  await context.addCookies([{ name: 'meshlens-session', value: expired, domain: url.hostname, path: '/' }]);
  await page.goto(`${dashboard}/mesh`);
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByTestId('sign-in-reason')).toHaveText('your session has expired: sign in again');
  await page.screenshot({ path: 'test-results/auth-session-expired.png', fullPage: true });

  const forged = sealTestSession('another-secret-the-dashboard-never-had-000000', {
    strategy: 'token',
    user: 'admin',
    groups: ['system:masters'],
    iat: nowS,
    exp: nowS + 3600,
  });
  await context.addCookies([{ name: 'meshlens-session', value: forged, domain: url.hostname, path: '/' }]);
  const answer = await page.request.get(`${dashboard}/api/namespaces`);
  expect(answer.status()).toBe(401);
  expect(JSON.stringify(await answer.json())).toContain('not one this dashboard made');
  await context.close();
});
