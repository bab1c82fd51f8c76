import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMesh, type DemoMesh } from '@/server/demo/mesh';
import { createPrometheusClient } from '@/server/prometheus/client';
import { createPrometheusMetricsSource } from '@/server/telemetry/prometheus-metrics-source';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { startPrometheusServer, type PrometheusServer } from '@/server/testing/prometheus-server';
import { readDetailSeries } from './detail-series';

/**
 * The pages' series through a real Prometheus scraping the demo mesh (Debian's binary), against the demo's direct
 * source over the same counters: the range reads of bucket rates grouped by `le`, reporter and both ends give the
 * same reporter choice and about the same rates and p95 either way.
 */

let mesh: DemoMesh;
let prometheus: PrometheusServer;
let viaPrometheus: MetricsSource;

beforeAll(async () => {
  // No history pre-fill: Prometheus can only see what it scrapes, so both sources start from the same counters.
  mesh = await startDemoMesh({ seed: 'detail-series', scale: 0, tickMs: 500, prefillMs: 0 });
  prometheus = await startPrometheusServer({
    targets: [{ address: new URL(mesh.metricsUrl).host, job: 'demo-mesh' }],
    scrapeIntervalSeconds: 1,
  });
  viaPrometheus = createPrometheusMetricsSource(
    createPrometheusClient({ url: prometheus.url, headers: {}, timeoutMs: 5_000 }),
    prometheus.scrapeIntervalSeconds,
  );
  await prometheus.waitForSeries('istio_requests_total', { timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await mesh?.stop();
});

const isWaypoint = (ns: string, name: string): boolean => ns === 'bookinfo' && name === 'waypoint';

describe('the series through Prometheus', () => {
  it('bookinfo/reviews-v2 inbound: the waypoint’s series, with rates and p95 like the direct source’s', async () => {
    // Let traffic accumulate in both for a few steps of the shortest window.
    await new Promise((resolve) => setTimeout(resolve, 25_000));
    const window = { windowSeconds: 60, end: new Date(Date.now() - 2_000) };
    const subject = { namespace: 'bookinfo', workload: 'reviews-v2' };
    const [scraped, direct] = await Promise.all([
      readDetailSeries(viaPrometheus, subject, window, isWaypoint),
      readDetailSeries(mesh.telemetry.metrics, subject, window, isWaypoint),
    ]);
    expect(scraped.errors).toEqual([]);
    expect(scraped.traffic.inbound).toMatchObject({ reporters: ['waypoint'], known: true, stepSeconds: 15 });
    const last = scraped.traffic.inbound.points.at(-1);
    const reference = direct.traffic.inbound.points.at(-1);
    expect(last?.requestsPerSecond).toBeGreaterThan(0);
    expect(last?.p95Ms).toBeGreaterThan(0);
    expect(last?.requestsPerSecond).toBeGreaterThan((reference?.requestsPerSecond ?? 0) * 0.6);
    expect(last?.requestsPerSecond).toBeLessThan((reference?.requestsPerSecond ?? 0) * 1.4);
    expect(last?.p95Ms).toBeGreaterThan((reference?.p95Ms ?? 0) * 0.5);
    expect(last?.p95Ms).toBeLessThan((reference?.p95Ms ?? 0) * 2);
    expect(scraped.traffic.outbound.reporters).toEqual(['waypoint']);
  }, 60_000);
});
