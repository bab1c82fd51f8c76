/**
 * The contract between the two ways of reading the demo mesh: a real Prometheus (Debian's 2.42) scraping the
 * prom-client `/metrics`, and the direct MetricsSource. Hand-made traffic is recorded in real time, about four ticks
 * a second; then the same queries go to both, and must agree within 10%.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sample } from '@/lib/metrics/types';
import { createPrometheusClient } from '@/server/prometheus/client';
import type { MetricsSource, QuantileQuery, RateQuery } from '@/server/telemetry/metrics-source';
import { createPrometheusMetricsSource } from '@/server/telemetry/prometheus-metrics-source';
import { startPrometheusServer, type PrometheusServer } from '@/server/testing/prometheus-server';
import type { FlowSample } from '../model/traffic';
import {
  flow,
  legacyClient,
  legacyServer,
  productpage,
  ratings,
  reviews,
  serviceOf,
  waypoint,
} from './__fixtures__/mesh';
import { createDemoTelemetry, type DemoTelemetry } from './demo-telemetry';
import { startMetricsServer, type MetricsServer } from './metrics-server';

/**
 * What every tick carries: the same whole numbers each time, so that any run of ticks has the same proportions and
 * the two sources, whose windows cannot start on exactly the same tick, still see the same latency distribution.
 */
const FLOWS: FlowSample[] = [
  flow(productpage, reviews, { waypoint, count: 125, latency: { medianMs: 20, p99Ms: 300 } }),
  flow(productpage, reviews, { waypoint, count: 25, responseCode: 503, latency: { medianMs: 4, p99Ms: 12 } }),
  flow(productpage, ratings, { service: serviceOf(ratings, 'tcp'), responseCode: 0, count: 2 }),
  flow(legacyClient, legacyServer, { count: 40, latency: { medianMs: 60, p99Ms: 900 } }),
];

let telemetry: DemoTelemetry;
let server: MetricsServer;
let prometheus: PrometheusServer;
let prom: MetricsSource;
let timer: NodeJS.Timeout | undefined;
let at: Date;

beforeAll(async () => {
  // A constant in place of the seeded noise: every tick spreads its latencies over the buckets identically.
  telemetry = createDemoTelemetry({ random: () => 0.5, history: { fineSeconds: 1 } });
  let last = Date.now();
  const record = (): void => {
    const now = Date.now();
    telemetry.record({ atMs: now, seconds: (now - last) / 1000, flows: FLOWS, traces: [] });
    last = now;
  };
  timer = setInterval(record, 250);
  server = await startMetricsServer(telemetry.registry);
  prometheus = await startPrometheusServer({ targets: [{ address: server.address, job: 'demo-mesh' }] });
  prom = createPrometheusMetricsSource(
    createPrometheusClient({ url: prometheus.url, headers: {}, timeoutMs: 5_000 }),
    prometheus.scrapeIntervalSeconds,
  );
  // 15 scrapes of every L7 series the waypoint and the sidecars report: enough for 10 s windows.
  await prometheus.waitForSeries('count_over_time(istio_requests_total[20s]) >= 15', {
    minSeries: 4,
    timeoutMs: 45_000,
  });
  clearInterval(timer);
  // A whole second safely inside what both have seen.
  at = new Date(Math.floor((Date.now() - 1_500) / 1000) * 1000);
}, 60_000);

afterAll(async () => {
  clearInterval(timer);
  await prometheus?.stop();
  await server?.close();
});

/** Same groups on both sides, each value within 10% (NaN agreeing with NaN). */
function expectAgreement(direct: Sample[], scraped: Sample[]): void {
  const key = (s: Sample): string => JSON.stringify(Object.entries(s.labels).sort());
  expect(direct.map(key).sort()).toEqual(scraped.map(key).sort());
  const byKey = new Map(scraped.map((s) => [key(s), s.value]));
  for (const sample of direct) {
    const other = byKey.get(key(sample)) ?? NaN;
    if (Number.isNaN(sample.value)) expect(other).toBeNaN();
    else
      expect(Math.abs(sample.value - other) / Math.max(Math.abs(other), 1e-9), key(sample)).toBeLessThan(0.1);
  }
}

async function compareRates(query: Omit<RateQuery, 'at' | 'windowSeconds'>): Promise<Sample[]> {
  const q = { ...query, at, windowSeconds: 10 };
  const [direct, scraped] = await Promise.all([telemetry.metrics.rate(q), prom.rate(q)]);
  expect(direct.data.length).toBeGreaterThan(0);
  expectAgreement(direct.data, scraped.data);
  return direct.data;
}

describe('the demo mesh read directly and through a real Prometheus', () => {
  it('agrees on request rates by reporter, workload and code, in the traffic’s proportions', async () => {
    const data = await compareRates({
      metric: 'istio_requests_total',
      by: ['reporter', 'destination_workload', 'response_code'],
      match: [],
    });
    const waypoint = (code: string): number =>
      data.find((s) => s.labels.reporter === 'waypoint' && s.labels.response_code === code)?.value ?? NaN;
    expect(waypoint('200') / waypoint('503')).toBeCloseTo(125 / 25, 9);
  });

  it('agrees on TCP connections and bytes per reporting pod', async () => {
    await compareRates({
      metric: 'istio_tcp_connections_opened_total',
      by: ['reporter', 'pod', 'app'],
      match: [],
    });
    await compareRates({
      metric: 'istio_tcp_sent_bytes_total',
      by: ['reporter', 'namespace', 'destination_service_name'],
      match: [{ label: 'connection_security_policy', op: '=', value: 'mutual_tls' }],
    });
  });

  it('agrees on latency quantiles', async () => {
    for (const quantile of [0.5, 0.95, 0.99]) {
      const q: QuantileQuery = {
        metric: 'istio_request_duration_milliseconds',
        quantile,
        by: ['reporter', 'destination_workload', 'response_code'],
        match: [{ label: 'reporter', op: '!=', value: 'source' }],
        windowSeconds: 10,
        at,
      };
      const [direct, scraped] = await Promise.all([telemetry.metrics.quantile(q), prom.quantile(q)]);
      expect(direct.data).toHaveLength(3);
      expectAgreement(direct.data, scraped.data);
    }
  });

  it('serves Istio’s exact metric and label names on /metrics', async () => {
    const text = await (await fetch(server.url)).text();
    expect(text).toContain('# TYPE istio_requests_total counter');
    expect(text).toContain('# TYPE istio_request_duration_milliseconds histogram');
    expect(text).toMatch(
      /^istio_tcp_connections_opened_total\{reporter="destination",source_workload="waypoint",/m,
    );
    expect(text).toMatch(
      /^istio_request_duration_milliseconds_bucket\{reporter="waypoint",.*,le="\+Inf"\} \d+$/m,
    );
    expect(text).toMatch(
      /connection_security_policy="mutual_tls",namespace="istio-system",pod="ztunnel-node-1",app="ztunnel"\}/,
    );
    expect((await fetch(new URL('/other', server.url))).status).toBe(404);
  });
});
