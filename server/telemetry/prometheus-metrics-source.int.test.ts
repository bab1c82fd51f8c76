import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelMatcher, Sample } from '@/lib/metrics/types';
import {
  ODD_NAMESPACE,
  TRAFFIC,
  startIstioExporter,
  type IstioExporter,
} from '@/server/prometheus/__fixtures__/istio-exporter';
import { createPrometheusClient } from '@/server/prometheus/client';
import { startPrometheusServer, type PrometheusServer } from '@/server/testing/prometheus-server';
import type { MetricsSource } from './metrics-source';
import { createPrometheusMetricsSource } from './prometheus-metrics-source';

let exporter: IstioExporter;
let prom: PrometheusServer;
let source: MetricsSource;

beforeAll(async () => {
  exporter = await startIstioExporter();
  prom = await startPrometheusServer({
    targets: [{ address: exporter.address, job: 'waypoint', labels: { namespace: 'bookinfo' } }],
  });
  source = createPrometheusMetricsSource(
    createPrometheusClient({ url: prom.url, headers: {}, timeoutMs: 5_000 }),
    prom.scrapeIntervalSeconds,
  );
  // Three samples per series: enough for every rate, and for a range whose points do not all fall before the data.
  await prom.waitForSeries('count_over_time(istio_requests_total[1m]) >= 3', {
    minSeries: TRAFFIC.length,
    timeoutMs: 30_000,
  });
});

afterAll(async () => {
  await prom?.stop();
  await exporter?.close();
});

const bookinfo: LabelMatcher[] = [
  { label: 'reporter', op: '=', value: 'waypoint' },
  { label: 'destination_workload_namespace', op: '=', value: 'bookinfo' },
];
const window = { windowSeconds: 60 };

function find(samples: Sample[], labels: Record<string, string>): number | undefined {
  return samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('PrometheusMetricsSource against a real Prometheus', () => {
  it('reads rates summed by exactly the requested labels, in the ratios of the traffic', async () => {
    const by = ['destination_workload', 'response_code'];
    const { data, warnings } = await source.rate({
      metric: 'istio_requests_total',
      by,
      match: bookinfo,
      ...window,
    });
    expect(warnings).toEqual([]);
    expect(data).toHaveLength(4);
    for (const sample of data) {
      expect(Object.keys(sample.labels).sort()).toEqual(by);
      expect(sample.value).toBeGreaterThan(0);
    }
    // Every series is scraped at the same instants, so rates keep the per-scrape ratios exactly: 10 : 2 and 4 : 1.
    const reviews1 = find(data, { destination_workload: 'reviews-v1' }) ?? 0;
    expect(reviews1 / (find(data, { destination_workload: 'details-v1' }) ?? 1)).toBeCloseTo(5, 9);
    const ok = find(data, { destination_workload: 'reviews-v2', response_code: '200' }) ?? 0;
    expect(ok / (find(data, { destination_workload: 'reviews-v2', response_code: '503' }) ?? 1)).toBeCloseTo(
      4,
      9,
    );
  });

  it('sums everything into one unlabelled sample when by is empty', async () => {
    const { data } = await source.rate({ metric: 'istio_requests_total', by: [], match: [], ...window });
    expect(data).toHaveLength(1);
    expect(data[0]?.labels).toEqual({});
  });

  it('groups by labels the scrape target added (job, namespace)', async () => {
    const { data } = await source.rate({
      metric: 'istio_requests_total',
      by: ['job', 'namespace'],
      match: [],
      ...window,
    });
    expect(data.map((s) => s.labels)).toEqual([{ job: 'waypoint', namespace: 'bookinfo' }]);
  });

  it('reads nothing before the data existed', async () => {
    const at = new Date(Date.now() - 3_600_000);
    const { data } = await source.rate({ metric: 'istio_requests_total', by: [], match: [], ...window, at });
    expect(data).toEqual([]);
  });

  it('returns no series for an injected namespace, and the right one for an odd but real namespace', async () => {
    const query = (value: string) =>
      source.rate({
        metric: 'istio_requests_total',
        by: ['destination_workload'],
        match: [{ label: 'destination_workload_namespace', op: '=', value }],
        ...window,
      });
    expect((await query('a"}or vector(1)#')).data).toEqual([]);
    expect((await query(ODD_NAMESPACE)).data.map((s) => s.labels)).toEqual([
      { destination_workload: 'odd-v1' },
    ]);
  });

  it('counts a group that several anyOf alternatives select once, with its whole value', async () => {
    // bookinfo -> bookinfo matches both alternatives; bookinfo -> the odd namespace only the source one.
    const by = ['source_workload_namespace', 'destination_workload_namespace', 'destination_workload'];
    const anyOf: LabelMatcher[][] = [
      [{ label: 'destination_workload_namespace', op: '=', value: 'bookinfo' }],
      [{ label: 'source_workload_namespace', op: '=', value: 'bookinfo' }],
    ];
    const query = { metric: 'istio_requests_total', by, match: [], ...window };
    const at = new Date();
    const plain = (await source.rate({ ...query, at })).data;
    const { data, warnings } = await source.rate({ ...query, anyOf, at });
    expect(warnings).toEqual([]);
    const key = (s: Sample): string => JSON.stringify(s.labels);
    expect(data.map(key).sort()).toEqual(plain.map(key).sort());
    expect(data).toHaveLength(4);
    for (const sample of data) {
      expect(sample.value).toBeCloseTo(plain.find((p) => key(p) === key(sample))?.value ?? NaN, 9);
    }
    // The same holds bucket by bucket inside histogram_quantile.
    const quantile = { ...query, metric: 'istio_request_duration_milliseconds', quantile: 0.5, at };
    const median = (await source.quantile({ ...quantile, anyOf })).data;
    expect(find(median, { destination_workload: 'reviews-v1' })).toBeCloseTo(37.5, 9);
    expect(median.map(key).sort()).toEqual((await source.quantile(quantile)).data.map(key).sort());
  });

  it('sums several counters per group, also counters whose series differ only by name', async () => {
    // istio_requests_total and the duration histogram's _count grow alike and carry the same labels: the case of
    // sent and received bytes, which the graph reads in one query.
    const counters = ['istio_requests_total', 'istio_request_duration_milliseconds_count'];
    const by = ['destination_workload', 'response_code'];
    const at = new Date();
    const anyOf: LabelMatcher[][] = [
      [{ label: 'destination_workload', op: '=', value: 'reviews-v1' }],
      [{ label: 'response_code', op: '=', value: '503' }],
    ];
    const one = (await source.rate({ metric: counters[0] ?? '', by, match: bookinfo, ...window, at })).data;
    for (const selection of [{}, { anyOf }]) {
      const { data, warnings } = await source.rate({
        metric: counters,
        by,
        match: bookinfo,
        ...window,
        at,
        ...selection,
      });
      expect(warnings).toEqual([]);
      expect(data).toHaveLength('anyOf' in selection ? 2 : 4);
      for (const sample of data) {
        expect(Object.keys(sample.labels).sort()).toEqual(by);
        expect(sample.value).toBeCloseTo(2 * (find(one, sample.labels) ?? Number.NaN), 9);
      }
    }
    // Why the adapter labels each counter's rate: Prometheus refuses the plain regex on the name for such series.
    const client = createPrometheusClient({ url: prom.url, headers: {}, timeoutMs: 5_000 });
    await expect(
      client.query(`sum by (destination_workload) (rate({__name__=~"${counters.join('|')}"}[1m]))`, {
        time: at,
      }),
    ).rejects.toThrow(/same labelset/);
  });

  it('reads quantiles in milliseconds, interpolated within the histogram buckets', async () => {
    const read = async (quantile: number) =>
      (
        await source.quantile({
          metric: 'istio_request_duration_milliseconds',
          quantile,
          by: ['destination_workload'],
          match: bookinfo,
          ...window,
        })
      ).data;
    const median = await read(0.5);
    expect(median).toHaveLength(3);
    // reviews-v1 observes 30 ms (bucket 25-50), reviews-v2 7 ms (5-10), details-v1 3 ms (1-5).
    expect(find(median, { destination_workload: 'reviews-v1' })).toBeCloseTo(37.5, 9);
    expect(find(median, { destination_workload: 'reviews-v2' })).toBeCloseTo(7.5, 9);
    expect(find(median, { destination_workload: 'details-v1' })).toBeCloseTo(3, 9);
    expect(find(await read(0.9), { destination_workload: 'reviews-v1' })).toBeCloseTo(47.5, 9);
  });

  it('reads rate ranges as one series per group with points every step', async () => {
    const end = new Date(Math.floor(Date.now() / 1000) * 1000);
    const start = new Date(end.getTime() - 6_000);
    const { data } = await source.rateRange({
      metric: 'istio_requests_total',
      by: ['destination_workload'],
      match: bookinfo,
      start,
      end,
      stepSeconds: 2,
      ...window,
    });
    expect(data.map((s) => s.labels.destination_workload).sort()).toEqual([
      'details-v1',
      'reviews-v1',
      'reviews-v2',
    ]);
    const reviews = data.find((s) => s.labels.destination_workload === 'reviews-v1')?.points ?? [];
    const details = new Map(data.find((s) => s.labels.destination_workload === 'details-v1')?.points);
    expect(reviews.length).toBeGreaterThanOrEqual(1);
    for (const [time, value] of reviews) {
      expect((time - start.getTime() / 1000) % 2).toBe(0);
      expect(time).toBeLessThanOrEqual(end.getTime() / 1000);
      expect(value / (details.get(time) ?? Number.NaN)).toBeCloseTo(5, 9);
    }
  });

  it("refuses an invalid label name as bad_query, and reports Prometheus's version as healthy", async () => {
    await expect(
      source.rate({ metric: 'istio_requests_total', by: ['bad-label'], match: [], ...window }),
    ).rejects.toMatchObject({ kind: 'bad_query' });
    await expect(source.probe()).resolves.toEqual({ version: expect.stringMatching(/^2\.42\./) as unknown });
  });
});
