import { expect, test } from '@playwright/test';
import { Shell } from './pages/shell';

test.describe('the app shell', () => {
  test('the overview shows each source with its state and the cluster namespaces', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/');
    await expect(shell.heading()).toHaveText('Overview');
    await expect(shell.statusLight('kubernetes')).toHaveAttribute('data-state', 'up');
    await expect(shell.statusLight('prometheus')).toHaveAttribute('data-state', 'up');
    // TEMPO_URL points at a closed port in this run: its light says down, but only the traces views carry the
    // banner, since no other page reads traces.
    await expect(shell.statusLight('tempo')).toHaveAttribute('data-state', 'down');
    await expect(shell.banner()).toHaveCount(0);
    await expect(page.getByTestId('source-card-prometheus')).toContainText(/Version 2\.\d+/);
    await expect(shell.namespaceTable()).toContainText('bookinfo');
    await expect(shell.namespaceTable().getByRole('row', { name: /bookinfo/ })).toContainText('ambient');
    await expect(shell.namespaceTable().getByRole('row', { name: /legacy/ })).toContainText('sidecar');
    await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
  });

  test('Tempo being down puts a banner on the traces views only', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/traces');
    await expect(shell.banner()).toContainText('Traces (tempo) is down');
    await expect(shell.banner()).toContainText('Trace search and trace views are unavailable');
    await page.goto('/graph');
    await expect(shell.statusLight('tempo')).toHaveAttribute('data-state', 'down');
    await expect(shell.banner()).toHaveCount(0);
  });

  test('navigation reaches every section and carries the view along', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/?window=1h&refresh=30s');
    for (const [name, path] of [
      ['Graph', '/graph'],
      ['Mesh', '/mesh'],
      ['Config', '/config'],
      ['Traces', '/traces'],
      ['Overview', '/'],
    ] as const) {
      await test.step(name, async () => {
        await shell.section(name).click();
        await expect(page).toHaveURL(`${path}?window=1h&refresh=30s`);
        await expect(shell.heading()).toHaveText(name);
        await expect(shell.section(name)).toHaveAttribute('aria-current', 'page');
        await expect(shell.windowSelect()).toHaveValue('1h');
      });
    }
  });

  test('window, refresh and namespaces are kept in the URL, so a link reproduces the view', async ({
    page,
  }) => {
    const shell = new Shell(page);
    await page.goto('/');
    await shell.windowSelect().selectOption('15m');
    await shell.refreshSelect().selectOption('off');
    await shell.namespaceSelect().click();
    await shell.namespaceOption('bookinfo').check();
    await expect(page).toHaveURL(/ns=bookinfo/);
    await expect(page).toHaveURL(/window=15m/);
    await expect(page).toHaveURL(/refresh=off/);
    await expect(shell.namespaceTable().getByRole('row')).toHaveCount(2);

    await page.goto(page.url());
    await expect(shell.windowSelect()).toHaveValue('15m');
    await expect(shell.refreshSelect()).toHaveValue('off');
    await expect(shell.namespaceSelect()).toHaveText(/bookinfo/);
    await expect(shell.namespaceTable()).not.toContainText('istio-system');
  });

  test('the theme switches to dark and stays dark after a reload', async ({ page }) => {
    const shell = new Shell(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await expect(page.locator('html')).not.toHaveClass(/dark/);
    await shell.themeToggle().click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.screenshot({ path: 'test-results/overview-dark.png', fullPage: true });
  });
});

test('an unknown address keeps the shell and offers a way back', async ({ page }) => {
  const shell = new Shell(page);
  await page.goto('/no-such-page');
  await expect(page.getByTestId('not-found')).toContainText('There is no page at this address');
  await expect(shell.statusLight('kubernetes')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  await expect(shell.heading()).toHaveText('Overview');
});

test.describe('the API', () => {
  test('every route refuses a bad parameter with a 400 that names it', async ({ request }) => {
    for (const path of ['/api/namespaces', '/api/readyz', '/api/healthz']) {
      const res = await request.get(`${path}?namespace=bookinfo`);
      expect(res.status(), path).toBe(400);
      expect(await res.json()).toEqual({
        error: { parameter: 'namespace', message: 'unknown parameter "namespace"' },
      });
    }
  });

  test('answers health, readiness with every source, and its own metrics', async ({ request }) => {
    expect(await (await request.get('/api/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await request.get('/api/readyz');
    expect(ready.status()).toBe(200);
    const body = (await ready.json()) as { sources: { source: string; state: string }[] };
    expect(body.sources.map((s) => [s.source, s.state])).toEqual([
      ['kubernetes', 'up'],
      ['prometheus', 'up'],
      ['tempo', 'down'],
    ]);
    const metrics = await (await request.get('/metrics')).text();
    expect(metrics).toContain('meshlens_http_request_duration_seconds_bucket{');
    expect(metrics).toMatch(/meshlens_upstream_request_duration_seconds_count\{source="prometheus"/);
    expect(metrics).toMatch(/meshlens_cache_objects\{kind="namespaces"\} [1-9]/);
  });
});
