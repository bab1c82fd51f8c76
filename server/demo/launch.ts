/**
 * The demo command's TypeScript half (scripts/demo.mjs installs and builds, then runs this with tsx): starts the
 * simulated mesh and the dashboard in one process, prints where they are, and stops everything on Ctrl-C.
 *
 * Output, one line each, in this exact form so that scripts can read them:
 *   dashboard: http://127.0.0.1:PORT
 *   kubeconfig: /abs/path
 *   metrics: http://127.0.0.1:PORT/metrics
 *   prometheus: http://127.0.0.1:PORT/        (only when a real Prometheus runs)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import next from 'next';
import { exitUnlessSupportedNode } from '../runtime';
import { registerDemoSources } from '../sources/demo-sources';
import { startPrometheusServer, type PrometheusServer } from '../testing/prometheus-server';
import { writeKubeconfig } from './apiserver';
import { DEMO_ADMIN_TOKEN, DEMO_USERS } from './world/rbac';
import { DemoArgsError, parseDemoArgs } from './demo-args';
import { findPrometheus } from './find-prometheus';
import { startDemoMesh } from './mesh';

const root = join(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  exitUnlessSupportedNode();
  const args = parseDemoArgs(process.argv.slice(2));
  const prometheusBinary = findPrometheus(args.prometheus);
  const auth = args.auth !== 'anonymous';
  const mesh = await startDemoMesh({ seed: args.seed, scale: args.scale, auth });
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-demo-'));
  const kubeconfig = join(dir, 'kubeconfig');
  // With auth on, the dashboard (and kubectl with this file) use the demo admin's token.
  await writeKubeconfig(kubeconfig, mesh.api.url, {
    context: 'meshlens-demo',
    ...(auth ? { token: DEMO_ADMIN_TOKEN } : {}),
    ...(mesh.api.certificateAuthority ? { certificateAuthority: mesh.api.certificateAuthority } : {}),
  });
  let prometheus: PrometheusServer | undefined;
  if (prometheusBinary !== null) {
    prometheus = await startPrometheusServer({
      binary: prometheusBinary,
      targets: [{ address: new URL(mesh.metricsUrl).host, job: 'demo-mesh' }],
      scrapeIntervalSeconds: 5,
    });
  }

  // The dashboard reads its settings from the environment; point it at the demo cluster. It serves the
  // production build, so it runs in production mode however it was started.
  registerDemoSources({ metrics: mesh.telemetry.metrics, traces: mesh.telemetry.traces });
  Object.assign(process.env, {
    NODE_ENV: 'production',
    KUBECONFIG: kubeconfig,
    TRACES_SOURCE: 'demo',
    AUTH_STRATEGY: args.auth,
    ...(args.auth === 'header'
      ? { AUTH_HEADER_USER: 'X-Forwarded-User', AUTH_HEADER_GROUPS: 'X-Forwarded-Groups' }
      : {}),
    ...(prometheus
      ? {
          METRICS_SOURCE: 'prometheus',
          PROMETHEUS_URL: prometheus.url.href,
          PROMETHEUS_SCRAPE_INTERVAL: `${prometheus.scrapeIntervalSeconds}s`,
        }
      : { METRICS_SOURCE: 'demo' }),
  });
  // Listen first (a --port 0 is only known then), hand requests to Next.js once it is prepared.
  const ready: { handle?: (req: IncomingMessage, res: ServerResponse) => Promise<void> } = {};
  const server = createServer((req, res) => {
    if (ready.handle) void ready.handle(req, res);
    else res.writeHead(503, { 'retry-after': '1' }).end('starting');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const app = next({ dev: false, dir: root, hostname: '127.0.0.1', port });
  await app.prepare();
  ready.handle = app.getRequestHandler();

  console.log(`dashboard: http://127.0.0.1:${port}`);
  console.log(`kubeconfig: ${kubeconfig}`);
  console.log(`metrics: ${mesh.metricsUrl}`);
  if (prometheus) console.log(`prometheus: ${prometheus.url.href}`);
  if (auth) {
    console.log(`auth: ${args.auth} (the demo API server enforces RBAC)`);
    for (const user of DEMO_USERS) {
      console.log(`  user ${user.user} (groups ${(user.groups ?? []).join(', ')}): token ${user.token}`);
    }
  }

  // Ctrl-C reaches this process twice (from the terminal's process group and relayed by tsx): stop once, and
  // keep handling the signal so that a second one cannot kill the process halfway through the cleanup.
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    rmSync(dir, { recursive: true, force: true });
    server.closeAllConnections();
    await Promise.allSettled([
      new Promise((resolve) => server.close(resolve)),
      mesh.stop(),
      prometheus?.stop(),
      app.close(),
    ]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof DemoArgsError
      ? ''
      : (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? ' (try --port 0)'
        : '';
  console.error(`demo: ${message}${hint}`);
  process.exit(1);
});
