import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startDemo } from './demo-process';
import { Shell } from './pages/shell';

const run = promisify(execFile);

// The README's first command, minus the install and build steps the test command has already done: the demo
// launcher, driven the way a presenter drives it.
test('the demo command serves the dashboard on a cluster that kubectl can change live', async ({ page }) => {
  const demo = await startDemo([], 'prometheus');
  try {
    // One line each, in exactly this form, so that scripts can read them.
    const dashboard = demo.line('dashboard');
    const kubeconfig = demo.line('kubeconfig');
    const metrics = demo.line('metrics');
    const prometheus = demo.line('prometheus');
    expect(dashboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(kubeconfig).toMatch(/^\//);
    expect(metrics).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(prometheus).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(existsSync(kubeconfig)).toBe(true);
    // The mesh's own endpoint has ztunnel and waypoint series; the Prometheus it started scrapes it.
    const exposition = await (await fetch(metrics)).text();
    expect(exposition).toMatch(/istio_tcp_connections_opened_total\{[^}]*reporter="destination"/);
    expect(exposition).toMatch(/istio_requests_total\{[^}]*reporter="waypoint"/);
    expect((await fetch(`${prometheus}-/ready`)).status).toBe(200);

    const shell = new Shell(page);
    await page.goto(`${dashboard}/?refresh=5s`);
    await expect(shell.statusLight('kubernetes')).toHaveAttribute('data-state', 'up');
    await expect(shell.statusLight('prometheus')).toHaveAttribute('data-state', 'up');
    await expect(shell.statusLight('tempo')).toHaveAttribute('data-state', 'up');
    const outside = shell.namespaceTable().getByRole('row', { name: /outside/ });
    await expect(outside).toContainText('out of mesh');

    const kubectl = ['--kubeconfig', kubeconfig, '--cache-dir', `${kubeconfig}.cache`];
    const { stdout } = await run('kubectl', [...kubectl, 'get', 'namespaces']);
    expect(stdout).toMatch(/^bookinfo\s+Active/m);
    await run('kubectl', [...kubectl, 'label', 'namespace', 'outside', 'istio.io/dataplane-mode=ambient']);
    await expect(outside).toContainText('ambient', { timeout: 7_000 });

    expect(await demo.stop()).toBe(0);
    expect(existsSync(kubeconfig)).toBe(false);
    // Everything it started stopped with it: the mesh's endpoint and its Prometheus no longer answer.
    await expect(fetch(metrics)).rejects.toThrow();
    await expect(fetch(`${prometheus}-/ready`)).rejects.toThrow();
  } finally {
    if (demo.process.exitCode === null) demo.process.kill('SIGKILL');
  }
});
