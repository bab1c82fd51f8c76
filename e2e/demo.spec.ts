import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { Shell } from './pages/shell';

const run = promisify(execFile);

// The README's first command, minus the install and build steps the test command has already done: the demo
// launcher, driven the way a presenter drives it.
test('the demo command serves the dashboard on a cluster that kubectl can change live', async ({ page }) => {
  const demo = spawn('node_modules/.bin/tsx', ['server/demo/launch.ts', '--port', '0'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => output, { timeout: 30_000 }).toMatch(/^prometheus: \S+$/m);
    const dashboard = /^dashboard: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1] ?? '';
    const kubeconfig = /^kubeconfig: (\/\S+)$/m.exec(output)?.[1] ?? '';
    const metrics = /^metrics: (http:\/\/127\.0\.0\.1:\d+\/metrics)$/m.exec(output)?.[1] ?? '';
    const prometheus = /^prometheus: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output)?.[1] ?? '';
    expect(dashboard).not.toBe('');
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

    demo.kill('SIGINT');
    await expect.poll(() => demo.exitCode, { timeout: 10_000 }).toBe(0);
    expect(existsSync(kubeconfig)).toBe(false);
    // Everything it started stopped with it: the mesh's endpoint and its Prometheus no longer answer.
    await expect(fetch(metrics)).rejects.toThrow();
    await expect(fetch(`${prometheus}-/ready`)).rejects.toThrow();
  } finally {
    if (demo.exitCode === null) demo.kill('SIGKILL');
  }
});
