import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient } from '@/server/prometheus/client';
import { createPrometheusMetricsSource } from '@/server/telemetry/prometheus-metrics-source';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { startPrometheusServer, type PrometheusServer } from '@/server/testing/prometheus-server';
import { writeKubeconfig } from './apiserver';
import { startDemoMesh, type DemoMesh } from './mesh';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, '__fixtures__');

let mesh: DemoMesh;
let prometheus: PrometheusServer;
let viaPrometheus: MetricsSource;
let dir: string;

beforeAll(async () => {
  // No history pre-fill: Prometheus can only see what it scrapes, so both sources start from the same counters.
  mesh = await startDemoMesh({ seed: 'contract', scale: 0, tickMs: 500, prefillMs: 0 });
  prometheus = await startPrometheusServer({
    targets: [{ address: new URL(mesh.metricsUrl).host, job: 'demo-mesh' }],
    scrapeIntervalSeconds: 1,
  });
  viaPrometheus = createPrometheusMetricsSource(
    createPrometheusClient({ url: prometheus.url, headers: {}, timeoutMs: 5_000 }),
    prometheus.scrapeIntervalSeconds,
  );
  dir = mkdtempSync(join(tmpdir(), 'mesh-int-'));
  await writeKubeconfig(join(dir, 'kubeconfig'), mesh.api.url);
  await prometheus.waitForSeries('istio_requests_total', { timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await mesh?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type EdgeRates = Map<string, number>;

/** The graph's reads, keyed by edge: requests by code, and bytes both ways (two counters summed in one read). */
const READS = {
  requests: { metric: 'istio_requests_total', extra: ['response_code'], busy: 0.2 },
  bytes: {
    metric: ['istio_tcp_sent_bytes_total', 'istio_tcp_received_bytes_total'],
    extra: [],
    busy: 1_000,
  },
} as const;

async function edges(
  source: MetricsSource,
  at: Date,
  read: keyof typeof READS = 'requests',
): Promise<EdgeRates> {
  const { data } = await source.rate({
    metric: READS[read].metric,
    by: ['reporter', 'source_workload', 'destination_workload', ...READS[read].extra],
    match: [],
    // Both sources count at tick and scrape boundaries: a long window keeps that edge error (one tick of a few
    // requests at each end) well inside the 10% the contract allows, even for edges of a few requests per second.
    windowSeconds: 30,
    at,
  });
  // Label order is not meaningful (Prometheus sorts names); key each series by its sorted labels.
  const key = (labels: Record<string, string>): string => JSON.stringify(Object.entries(labels).sort());
  return new Map(data.map((s) => [key(s.labels), s.value]));
}

describe('the demo mesh read two ways', () => {
  it('gives the same edges with rates within 10% through the direct source and a real Prometheus', async () => {
    // Let 35 s of traffic accumulate in both, then compare one instant a scrape surely covered.
    await new Promise((resolve) => setTimeout(resolve, 35_000));
    const at = new Date(Date.now() - 2_000);
    const [direct, scraped] = await Promise.all([
      edges(mesh.telemetry.metrics, at),
      edges(viaPrometheus, at),
    ]);
    const busy = (rates: EdgeRates): string[] =>
      [...rates]
        .filter(([, v]) => v >= 0.2)
        .map(([k]) => k)
        .sort();
    expect(busy(direct).length).toBeGreaterThan(5);
    expect(busy(scraped)).toEqual(busy(direct));
    const ratios = busy(direct).map((key) => (scraped.get(key) ?? 0) / (direct.get(key) ?? 1));
    console.log(
      `contract: ${ratios.length} edges, Prometheus/direct from ${Math.min(...ratios)} to ${Math.max(...ratios)}`,
    );
    for (const key of busy(direct)) {
      const ratio = (scraped.get(key) ?? 0) / (direct.get(key) ?? 1);
      expect(ratio, key).toBeGreaterThan(0.9);
      expect(ratio, key).toBeLessThan(1.1);
    }
    // Bytes both ways, as the graph reads them: the adapter's label_replace … or … against the direct sum.
    const [directBytes, scrapedBytes] = await Promise.all([
      edges(mesh.telemetry.metrics, at, 'bytes'),
      edges(viaPrometheus, at, 'bytes'),
    ]);
    const busyBytes = (rates: EdgeRates): string[] =>
      [...rates]
        .filter(([, v]) => v >= READS.bytes.busy)
        .map(([k]) => k)
        .sort();
    expect(busyBytes(directBytes).length).toBeGreaterThan(5);
    expect(busyBytes(scrapedBytes)).toEqual(busyBytes(directBytes));
    const byteRatios = new Map(
      busyBytes(directBytes).map((key) => [key, (scrapedBytes.get(key) ?? 0) / (directBytes.get(key) ?? 1)]),
    );
    console.log(
      `contract, bytes both ways: ${byteRatios.size} edges, Prometheus/direct from ` +
        `${Math.min(...byteRatios.values())} to ${Math.max(...byteRatios.values())}`,
    );
    for (const [key, ratio] of byteRatios) {
      expect(ratio, key).toBeGreaterThan(0.9);
      expect(ratio, key).toBeLessThan(1.1);
    }
  }, 90_000);

  it('shows ratings errors within a scrape of kubectl applying the ratings abort VirtualService', async () => {
    const kubectl = [
      '--kubeconfig',
      join(dir, 'kubeconfig'),
      '--cache-dir',
      join(dir, 'cache'),
      '-n',
      'bookinfo',
    ];
    const ratingsErrors = async (): Promise<number> => {
      const { data } = await viaPrometheus.rate({
        metric: 'istio_requests_total',
        by: ['destination_workload'],
        match: [
          { label: 'reporter', op: '=', value: 'waypoint' },
          { label: 'destination_service_name', op: '=', value: 'ratings' },
          { label: 'response_code', op: '=', value: '500' },
        ],
        windowSeconds: 5,
      });
      return data.reduce((sum, s) => sum + s.value, 0);
    };
    expect(await ratingsErrors()).toBe(0);
    await run('kubectl', [...kubectl, 'apply', '-f', join(fixtures, 'networking-destination-rule-all.yaml')]);
    await run('kubectl', [
      ...kubectl,
      'apply',
      '-f',
      join(fixtures, 'networking-virtual-service-ratings-test-abort.yaml'),
    ]);
    // One scrape is 1 s and one tick 0.5 s: the errors must show within a few of each.
    await expect.poll(ratingsErrors, { timeout: 10_000, interval: 500 }).toBeGreaterThan(0);
  }, 60_000);
});
