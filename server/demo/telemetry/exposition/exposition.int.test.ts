/**
 * The hand-written exposition read by a real Prometheus (Debian's 2.42) through a recording proxy: Prometheus asks
 * for gzip and gets it, parses every sample line, keeps odd label values exactly (escapes and UTF-8), and reads the
 * histograms' `le` buckets.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheusServer, type PrometheusServer } from '@/server/testing/prometheus-server';
import { endpoint, flow, reviews, waypoint } from '../__fixtures__/mesh';
import { createDemoTelemetry, type DemoTelemetry } from '../demo-telemetry';
import { startMetricsServer, type MetricsServer } from '../metrics-server';
import { renderExposition } from './render-text';

const ODD = 'say "hi"\\back\nslash ✓';
const odd = endpoint('odd', ODD, { dataplane: 'sidecar', node: 'node-2' });
const FLOWS = [
  flow(odd, reviews, { count: 4, latency: { medianMs: 30, p99Ms: 400 } }),
  ...Array.from({ length: 40 }, (_, i) =>
    flow(endpoint('load', `client-${i}`), reviews, { waypoint, count: 5 }),
  ),
];

let telemetry: DemoTelemetry;
let server: MetricsServer;
let proxy: Server;
let prometheus: PrometheusServer;
let timer: NodeJS.Timeout | undefined;
const scrapeHeaders: IncomingHttpHeaders[] = [];
const answerEncodings: (string | undefined)[] = [];

/** Forwards every request to the metrics server, noting its headers and the answer's encoding. */
async function startRecordingProxy(target: URL): Promise<Server> {
  const recording = createServer((req, res) => {
    scrapeHeaders.push(req.headers);
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      answerEncodings.push(answer.headers['content-encoding']);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => recording.listen(0, '127.0.0.1', resolve));
  return recording;
}

async function query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const url = new URL(`api/v1/query?${new URLSearchParams({ query: promql }).toString()}`, prometheus.url);
  const body = (await (await fetch(url)).json()) as { data: { result: [] } };
  return body.data.result;
}

beforeAll(async () => {
  telemetry = createDemoTelemetry({ random: () => 0.5 });
  let last = Date.now();
  const record = (): void => {
    const now = Date.now();
    telemetry.record({ atMs: now, seconds: (now - last) / 1000, flows: FLOWS, traces: [] });
    last = now;
  };
  record();
  timer = setInterval(record, 250);
  server = await startMetricsServer(telemetry.registry);
  proxy = await startRecordingProxy(new URL(server.url));
  const address = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  prometheus = await startPrometheusServer({ targets: [{ address, job: 'exposition' }] });
  await prometheus.waitForSeries('count_over_time(istio_requests_total[20s]) >= 3', { timeoutMs: 30_000 });
}, 60_000);

afterAll(async () => {
  clearInterval(timer);
  await prometheus?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  await server?.close();
});

describe('the exposition scraped by a real Prometheus', () => {
  it('is asked for with gzip, and answered with gzip', () => {
    expect(scrapeHeaders.length).toBeGreaterThanOrEqual(3);
    for (const headers of scrapeHeaders) expect(headers['accept-encoding']).toMatch(/\bgzip\b/);
    expect(new Set(answerEncodings)).toEqual(new Set(['gzip']));
  });

  it('has every sample line ingested', async () => {
    const text = renderExposition(telemetry.store);
    const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines.length).toBeGreaterThan(1000);
    const [up] = await query('up{job="exposition"}');
    expect(up?.value[1]).toBe('1');
    const [scraped] = await query('scrape_samples_scraped{job="exposition"}');
    expect(Number(scraped?.value[1])).toBe(lines.length);
  });

  it('keeps label values with quotes, backslashes, line feeds and UTF-8 exactly', async () => {
    const series = await query('istio_requests_total{source_workload_namespace="odd"}');
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) expect(s.metric.source_app).toBe(ODD);
  });

  it('reads the histograms: +Inf equals _count, and quantiles come out of the buckets', async () => {
    const matcher = '{source_workload_namespace="odd",reporter="source"}';
    const [inf] = await query(
      `istio_request_duration_milliseconds_bucket${matcher.replace('}', ',le="+Inf"}')}`,
    );
    const [count] = await query(`istio_request_duration_milliseconds_count${matcher}`);
    expect(Number(inf?.value[1])).toBeGreaterThan(0);
    expect(inf?.value[1]).toBe(count?.value[1]);
    const [median] = await query(
      `histogram_quantile(0.5, sum by (le) (istio_request_duration_milliseconds_bucket${matcher}))`,
    );
    expect(Number(median?.value[1])).toBeGreaterThan(10);
    expect(Number(median?.value[1])).toBeLessThan(100);
  });
});
