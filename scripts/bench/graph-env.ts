import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeKubeconfig } from '../../server/demo/apiserver';
import { startDemoMesh, type DemoMesh } from '../../server/demo/mesh';
import { createPrometheusClient } from '../../server/prometheus/client';
import { KubeCache } from '../../server/kube/cache';
import { loadKubeConfig } from '../../server/kube/config';
import { createPrometheusMetricsSource } from '../../server/telemetry/prometheus-metrics-source';
import type { MetricsSource } from '../../server/telemetry/metrics-source';
import { startPrometheusServer, type PrometheusServer } from '../../server/testing/prometheus-server';

/** How to start the graph benchmark's environment. */
export interface GraphEnvOptions {
  /** About this many workloads in the demo mesh. */
  scale: number;
  /** Prometheus scrape interval, in whole seconds. */
  scrapeIntervalSeconds: number;
  /** Wait until Prometheus holds at least this many successful scrapes of the mesh. */
  minScrapes: number;
  /** Give up waiting for those scrapes (and for the watch cache) after this many ms. */
  timeoutMs: number;
}

/** The running demo mesh, a real Prometheus scraping it, and the watch cache over its API server. */
export interface GraphEnv {
  kube: KubeCache;
  /** The Prometheus adapter over the real Prometheus. */
  metrics: MetricsSource;
  /** How long start-up took, in ms (mesh, cache sync, Prometheus and its first scrapes). */
  startMs: number;
  /** Stops everything started; idempotent, never throws. */
  stop(): Promise<void>;
}

/**
 * Starts the demo mesh at `scale`, a watch cache over its API server (as the route reads it), and a real
 * Prometheus scraping its metrics endpoint; resolves once Prometheus holds `minScrapes` scrapes. On any failure,
 * whatever was started is stopped before the error is rethrown.
 */
export async function startGraphEnv(options: GraphEnvOptions): Promise<GraphEnv> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'bench-graph-'));
  let mesh: DemoMesh | undefined;
  let kube: KubeCache | undefined;
  let prometheus: PrometheusServer | undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await Promise.allSettled([kube?.stop(), prometheus?.stop()]);
    await Promise.allSettled([mesh?.stop(), rm(dir, { recursive: true, force: true })]);
  };
  try {
    // One tick per scrape: the mesh runs in this process, and each tick at scale 1000 holds the event loop.
    const tickMs = options.scrapeIntervalSeconds * 1000;
    mesh = await startDemoMesh({ seed: 'bench-graph', scale: options.scale, tickMs, prefillMs: 60_000 });
    const kubeconfig = join(dir, 'kubeconfig');
    await writeKubeconfig(kubeconfig, mesh.api.url);
    kube = new KubeCache({ kubeConfig: loadKubeConfig({ kubeconfigPath: kubeconfig, timeoutMs: 10_000 }) });
    kube.start();
    const address = new URL(mesh.metricsUrl).host;
    prometheus = await startPrometheusServer({
      targets: [{ address, job: 'demo-mesh' }],
      scrapeIntervalSeconds: options.scrapeIntervalSeconds,
    });
    const window = options.scrapeIntervalSeconds * (options.minScrapes + 2);
    await Promise.all([
      kube.whenSynced(options.timeoutMs),
      prometheus.waitForSeries(`sum_over_time(up{job="demo-mesh"}[${window}s]) >= ${options.minScrapes}`, {
        timeoutMs: options.timeoutMs,
        intervalMs: 1_000,
      }),
    ]);
    const client = createPrometheusClient({ url: prometheus.url, headers: {}, timeoutMs: 30_000 });
    return {
      kube,
      metrics: createPrometheusMetricsSource(client, options.scrapeIntervalSeconds),
      startMs: performance.now() - started,
      stop,
    };
  } catch (error) {
    const tail = prometheus?.logTail() ?? '';
    await stop();
    if (tail && error instanceof Error) error.message += `\nprometheus log:\n${tail.slice(-2_000)}`;
    throw error;
  }
}
