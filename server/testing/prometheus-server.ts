/**
 * A real Prometheus for tests: Debian's `prometheus` binary on 127.0.0.1, a free port, a temporary config and
 * TSDB, scraping the targets a test gives it. Used by the Prometheus adapter's integration tests and by the demo
 * mesh's contract test. Not server-only: scripts may use it too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { access, constants, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's `prometheus` package installs the server. */
export const DEFAULT_PROMETHEUS_BINARY = '/usr/bin/prometheus';

/** One endpoint Prometheus scrapes. */
export interface ScrapeTarget {
  /** `host:port`, e.g. `127.0.0.1:9464` (loopback only in tests). */
  address: string;
  /** The `job` label of its series; default `test`. Targets with the same job share one scrape config. */
  job?: string;
  /** Default `/metrics`. Targets of one job are scraped on the path of the job's first target. */
  metricsPath?: string;
  /** Extra labels added to every series of this target (e.g. `namespace`, `pod`). */
  labels?: Record<string, string>;
}

/** How to start a {@link PrometheusServer}. */
export interface PrometheusServerOptions {
  targets: readonly ScrapeTarget[];
  /** Scrape (and rule evaluation) interval in whole seconds; default 1. */
  scrapeIntervalSeconds?: number;
  /** Default {@link DEFAULT_PROMETHEUS_BINARY}. */
  binary?: string;
  /** Give up waiting for `/-/ready` after this many milliseconds; default 20,000. */
  readyTimeoutMs?: number;
  /** More command-line flags, e.g. `--query.max-samples=1000`. */
  extraArgs?: readonly string[];
}

/** Options of {@link PrometheusServer.waitForSeries}. */
export interface WaitForSeriesOptions {
  /** Wait until the instant query returns at least this many series; default 1. */
  minSeries?: number;
  /** Default 15,000 ms. */
  timeoutMs?: number;
  /** Default 250 ms. */
  intervalMs?: number;
}

/** A running Prometheus. Call {@link PrometheusServer.stop} in `afterAll`. */
export interface PrometheusServer {
  /** The API's base URL, e.g. `http://127.0.0.1:41234/`. */
  readonly url: URL;
  readonly port: number;
  /** The process id, so that a test in another process (a Playwright worker) can stop it to simulate an outage. */
  readonly pid: number;
  /** The temporary directory holding the config and the TSDB; removed by `stop()`. */
  readonly dir: string;
  /** How often it scrapes and evaluates, in seconds (the options', default 1). */
  readonly scrapeIntervalSeconds: number;
  /** The last lines Prometheus logged (about 16 KB), for failure messages. */
  logTail(): string;
  /**
   * Polls an instant query until it returns at least `minSeries` series, e.g. until a rate has two samples to
   * work with. Throws after `timeoutMs` with the last answer.
   */
  waitForSeries(promql: string, options?: WaitForSeriesOptions): Promise<void>;
  /** Stops Prometheus (SIGTERM, SIGKILL after 5 s), waits for it to exit and removes {@link dir}. Idempotent. */
  stop(): Promise<void>;
}

/** Starts Prometheus and resolves once `/-/ready` answers 200. Throws one clear line if the binary is missing. */
export async function startPrometheusServer(options: PrometheusServerOptions): Promise<PrometheusServer> {
  const binary = options.binary ?? DEFAULT_PROMETHEUS_BINARY;
  await access(binary, constants.X_OK).catch(() => {
    throw new Error(`${binary} is missing or not executable: install Debian's prometheus package`);
  });
  const dir = await mkdtemp(join(tmpdir(), 'prometheus-test-'));
  try {
    const interval = options.scrapeIntervalSeconds ?? 1;
    await writeFile(
      join(dir, 'prometheus.yml'),
      JSON.stringify(scrapeConfig(options.targets, interval), null, 2),
    );
    // A free port can be taken between our probe and Prometheus's bind: retry a few times on that race.
    for (let attempt = 1; ; attempt++) {
      try {
        return await launch(binary, dir, await freePort(), options);
      } catch (error) {
        if (attempt >= 3 || !(error instanceof Error) || !/address already in use/.test(error.message))
          throw error;
      }
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The Prometheus configuration (JSON is valid YAML) for `targets`, one scrape config per job. */
function scrapeConfig(targets: readonly ScrapeTarget[], intervalSeconds: number): unknown {
  const interval = `${intervalSeconds}s`;
  const jobs = new Map<string, ScrapeTarget[]>();
  for (const t of targets) jobs.set(t.job ?? 'test', [...(jobs.get(t.job ?? 'test') ?? []), t]);
  return {
    global: { scrape_interval: interval, scrape_timeout: interval, evaluation_interval: interval },
    scrape_configs: [...jobs].map(([job, list]) => ({
      job_name: job,
      metrics_path: list[0]?.metricsPath ?? '/metrics',
      static_configs: list.map((t) => ({ targets: [t.address], labels: t.labels ?? {} })),
    })),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

const LOG_TAIL_BYTES = 16_384;

/** Spawns Prometheus on `port` and waits for `/-/ready`; kills it again if it never gets ready. */
async function launch(
  binary: string,
  dir: string,
  port: number,
  options: PrometheusServerOptions,
): Promise<PrometheusServer> {
  const args = [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const append = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-LOG_TAIL_BYTES);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  // A spawn failure emits 'error' and perhaps no 'exit': record it so that the ready wait stops at once.
  child.once('error', (error) => append(Buffer.from(`\nspawn failed: ${error.message}`)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If the test process dies without calling stop(), do not leave Prometheus behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = new URL(`http://127.0.0.1:${port}/`);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      process.removeListener('exit', killOnExit);
      await terminate(child, exited);
      await rm(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  try {
    await waitUntilReady(url, child, options.readyTimeoutMs ?? 20_000, () => log);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await terminate(child, exited);
    throw error;
  }
  return {
    url,
    port,
    pid: child.pid ?? 0,
    dir,
    scrapeIntervalSeconds: options.scrapeIntervalSeconds ?? 1,
    logTail: () => log,
    waitForSeries: (promql, waitOptions) => waitForSeries(url, promql, waitOptions),
    stop,
  };
}

function isRunning(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    if (!isRunning(child)) return;
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntilReady(
  url: URL,
  child: ChildProcess,
  timeoutMs: number,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(child)) {
      throw new Error(`prometheus exited before it was ready (code ${String(child.exitCode)}):\n${log()}`);
    }
    const res = await fetch(new URL('-/ready', url), { signal: AbortSignal.timeout(1_000) }).catch(
      () => undefined,
    );
    if (res?.status === 200) return;
    await sleep(100);
  }
  throw new Error(`prometheus was not ready on ${url.href} within ${timeoutMs} ms:\n${log()}`);
}

async function waitForSeries(url: URL, promql: string, options: WaitForSeriesOptions = {}): Promise<void> {
  const { minSeries = 1, timeoutMs = 15_000, intervalMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const query = new URL(`api/v1/query?${new URLSearchParams({ query: promql }).toString()}`, url);
    const res = await fetch(query, { signal: AbortSignal.timeout(2_000) }).catch((error: unknown) => error);
    if (res instanceof Response) {
      last = await res.text();
      if (seriesCount(last) >= minSeries) return;
    } else {
      last = String(res);
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `no ${minSeries} series for ${promql} within ${timeoutMs} ms; last answer: ${last.slice(0, 500)}`,
  );
}

function seriesCount(body: string): number {
  try {
    const parsed = JSON.parse(body) as { data?: { result?: unknown } };
    return Array.isArray(parsed.data?.result) ? parsed.data.result.length : 0;
  } catch {
    return 0;
  }
}
