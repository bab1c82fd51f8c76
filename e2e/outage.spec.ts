import { expect, test } from '@playwright/test';
import { Shell } from './pages/shell';

// Runs last (see playwright.config.ts): it stops the Prometheus that the global setup started.
test('stopping Prometheus turns its light red within one refresh, and every page still renders', async ({
  page,
}) => {
  const shell = new Shell(page);
  await page.goto('/?refresh=5s');
  await expect(shell.statusLight('prometheus')).toHaveAttribute('data-state', 'up');

  const pid = Number(process.env.E2E_PROMETHEUS_PID);
  expect(pid).toBeGreaterThan(0);
  process.kill(pid, 'SIGKILL');

  // One refresh is 5 s; the probe answer may be up to PROBE_INTERVAL_MS (1 s) old.
  await expect(shell.statusLight('prometheus')).toHaveAttribute('data-state', 'down', { timeout: 7_000 });
  await expect(shell.banner()).toContainText('Metrics (prometheus) is down');
  await expect(shell.banner()).toContainText('cannot reach');
  await page.screenshot({ path: 'test-results/prometheus-down.png', fullPage: true });

  for (const name of ['Graph', 'Mesh', 'Config', 'Traces', 'Overview'] as const) {
    await shell.section(name).click();
    await expect(shell.heading()).toHaveText(name);
    await expect(shell.statusLight('prometheus')).toHaveAttribute('data-state', 'down');
    await expect(shell.statusLight('kubernetes')).toHaveAttribute('data-state', 'up');
  }
});
