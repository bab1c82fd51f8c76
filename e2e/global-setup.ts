import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, writeKubeconfig, type ApiServer } from '../server/demo/apiserver';
import { startPrometheusServer, type PrometheusServer } from '../server/testing/prometheus-server';
import { E2E_PORT } from '../playwright.config';

/** A small cluster: an ambient namespace with a waypoint, a sidecar namespace, the control plane. */
function seed(api: ApiServer): void {
  const namespaces: Record<string, Record<string, string>> = {
    'istio-system': {},
    bookinfo: { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' },
    legacy: { 'istio-injection': 'enabled' },
  };
  for (const [name, labels] of Object.entries(namespaces)) {
    api.store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
  }
  for (const [namespace, name] of [
    ['bookinfo', 'productpage-v1-0'],
    ['bookinfo', 'reviews-v1-0'],
    ['legacy', 'client-0'],
  ]) {
    api.store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace },
      spec: { containers: [{ name: 'app', image: 'example/app:1' }] },
    });
  }
}

/** A loopback port with nothing listening: the "down" Tempo of this run. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealthz(url: string, app: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`next start exited with ${app.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}/api/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the dashboard did not answer within 60 s:\n${output()}`);
}

/**
 * Starts real parts on loopback: the demo mesh's API server (seeded), a real Prometheus scraping the dashboard's own
 * /metrics, and `next start` configured against both, with Tempo pointing at a closed port. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'meshlens-e2e-'));
  const api = await startApiServer();
  seed(api);
  const kubeconfig = join(dir, 'kubeconfig');
  await writeKubeconfig(kubeconfig, api.url);
  const prometheus: PrometheusServer = await startPrometheusServer({
    targets: [{ address: `127.0.0.1:${E2E_PORT}`, job: 'meshlens' }],
  });
  process.env.E2E_PROMETHEUS_PID = String(prometheus.pid);

  let log = '';
  const app = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(E2E_PORT)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      KUBECONFIG: kubeconfig,
      PROMETHEUS_URL: prometheus.url.href,
      PROMETHEUS_SCRAPE_INTERVAL: `${prometheus.scrapeIntervalSeconds}s`,
      TEMPO_URL: `http://127.0.0.1:${await closedPort()}`,
      PROMETHEUS_TIMEOUT_MS: '2000',
      TEMPO_TIMEOUT_MS: '2000',
      PROBE_INTERVAL_MS: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  app.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForHealthz(`http://127.0.0.1:${E2E_PORT}`, app, () => log);

  return async () => {
    app.kill('SIGTERM');
    await prometheus.stop();
    await api.close();
    await rm(dir, { recursive: true, force: true });
    if (process.env.E2E_SHOW_SERVER_LOG) console.log(log);
  };
}
