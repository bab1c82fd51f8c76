import { beforeAll, describe, expect, it } from 'vitest';
import type { LabelMatcher, Sample } from '@/lib/metrics/types';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { seededRandom } from '@/lib/random';
import {
  flow,
  legacyClient,
  legacyServer,
  outsider,
  productpage,
  ratings,
  reviews,
  tick,
  waypoint,
} from './__fixtures__/mesh';
import { createDemoTelemetry } from './demo-telemetry';

const T0 = 1_800_000_000_000;
const at = (seconds: number): Date => new Date(T0 + seconds * 1000);
const waypointOnly: LabelMatcher[] = [{ label: 'reporter', op: '=', value: 'waypoint' }];

let metrics: MetricsSource;

/**
 * 60 one-second ticks: productpage -> reviews through the waypoint (10 × 200 and 2 × 503 a tick), and
 * productpage -> ratings through the same waypoint (5 a tick) for the first 30 ticks only.
 */
beforeAll(() => {
  const telemetry = createDemoTelemetry({
    random: seededRandom('direct'),
    history: { fineSeconds: 1 },
    expirySeconds: 5,
  });
  for (let i = 1; i <= 60; i++) {
    const flows = [
      flow(productpage, reviews, { waypoint }),
      flow(productpage, reviews, {
        waypoint,
        count: 2,
        responseCode: 503,
        latency: { medianMs: 3, p99Ms: 9 },
      }),
    ];
    if (i <= 30) flows.push(flow(productpage, ratings, { waypoint, count: 5 }));
    telemetry.record(tick(T0 + i * 1000, flows));
  }
  metrics = telemetry.metrics;
});

function value(samples: Sample[], labels: Record<string, string>): number | undefined {
  return samples.find((s) => JSON.stringify(s.labels) === JSON.stringify(labels))?.value;
}

describe('DirectMetricsSource.rate', () => {
  const rate = (q: Partial<Parameters<MetricsSource['rate']>[0]>) =>
    metrics.rate({ metric: 'istio_requests_total', by: [], match: waypointOnly, windowSeconds: 10, ...q });

  it('is the increase over the window divided by the window, summed by exactly the `by` labels', async () => {
    const { data, warnings } = await rate({
      by: ['destination_workload', 'response_code'],
      windowSeconds: 10,
    });
    expect(warnings).toEqual([]);
    expect(data).toHaveLength(2);
    expect(value(data, { destination_workload: 'reviews-v2', response_code: '200' })).toBeCloseTo(10, 5);
    expect(value(data, { destination_workload: 'reviews-v2', response_code: '503' })).toBeCloseTo(2, 5);
  });

  it('defaults `at` to the latest tick, and reads the past when asked', async () => {
    expect((await rate({})).data).toEqual((await rate({ at: at(60) })).data);
    const past = await rate({ by: ['destination_workload'], at: at(20) });
    expect(value(past.data, { destination_workload: 'ratings-v1' })).toBeCloseTo(5, 5);
  });

  it('divides by the whole window even when the data began inside it', async () => {
    const { data } = await rate({ at: at(5), windowSeconds: 10, match: [...waypointOnly] });
    // Five ticks of 17 requests in a 10 s window.
    expect(data[0]?.value).toBeCloseTo((5 * 17) / 10, 5);
  });

  it('leaves out groups without samples in the window: before the data, and after an idle series expired', async () => {
    expect((await rate({ at: at(-10) })).data).toEqual([]);
    const recent = await rate({ by: ['destination_workload'], windowSeconds: 10 });
    expect(recent.data.map((s) => s.labels.destination_workload)).toEqual(['reviews-v2']);
    // Within the expiry the idle series is still exported, so it is a zero, as Prometheus would say.
    const wide = await rate({ by: ['destination_workload'], at: at(40), windowSeconds: 8 });
    expect(value(wide.data, { destination_workload: 'ratings-v1' })).toBe(0);
  });

  it('omits `by` labels a series lacks or has empty, instead of answering ""', async () => {
    const { data } = await rate({ by: ['grpc_response_status', 'no_such_label', 'reporter'] });
    expect(data).toEqual([{ labels: { reporter: 'waypoint' }, value: expect.closeTo(12, 5) as unknown }]);
  });

  it('ANDs matchers, treats missing labels as "", and anchors regexes', async () => {
    const count = async (match: LabelMatcher[]) => (await rate({ by: ['response_code'], match })).data.length;
    expect(await count([{ label: 'no_such_label', op: '=', value: '' }])).toBe(2);
    expect(await count([{ label: 'no_such_label', op: '!=', value: '' }])).toBe(0);
    expect(await count([{ label: 'destination_workload', op: '=~', value: 'reviews' }])).toBe(0);
    expect(await count([{ label: 'destination_workload', op: '=~', value: 'rev.*' }])).toBe(2);
    expect(
      await count([
        { label: 'destination_workload', op: '=~', value: 'rev.*' },
        { label: 'response_code', op: '!~', value: '5..' },
      ]),
    ).toBe(1);
    expect(await count([{ label: '__name__', op: '=', value: 'istio_requests_total' }])).toBe(2);
    expect(await count([{ label: '__name__', op: '=', value: 'other' }])).toBe(0);
  });

  it('reads TCP counters, histogram components and the scrape labels', async () => {
    const opened = await metrics.rate({
      metric: 'istio_tcp_connections_opened_total',
      by: ['reporter', 'pod'],
      match: [{ label: 'destination_service_name', op: '=', value: 'reviews' }],
      windowSeconds: 10,
    });
    // 12 requests a tick, 10 per connection.
    expect(value(opened.data, { reporter: 'source', pod: 'ztunnel-node-1' })).toBeCloseTo(1.2, 1);
    expect(value(opened.data, { reporter: 'destination', pod: 'ztunnel-node-2' })).toBeCloseTo(1.2, 1);
    const inf = await metrics.rate({
      metric: 'istio_request_duration_milliseconds_bucket',
      by: ['le'],
      match: [...waypointOnly, { label: 'le', op: '=', value: '+Inf' }],
      windowSeconds: 10,
    });
    expect(inf.data).toEqual([{ labels: { le: '+Inf' }, value: expect.closeTo(12, 5) as unknown }]);
    const count = await metrics.rate({
      metric: 'istio_request_duration_milliseconds_count',
      by: [],
      match: waypointOnly,
      windowSeconds: 10,
    });
    expect(count.data[0]?.value).toBeCloseTo(12, 5);
  });

  it('answers no series for a metric the demo mesh does not export', async () => {
    expect((await rate({ metric: 'up' })).data).toEqual([]);
  });

  it('sums the rates of several counters per group, as the Prometheus adapter does', async () => {
    const bytes = (metric: string | string[]) =>
      metrics.rate({ metric, by: ['reporter', 'pod'], match: [], windowSeconds: 10 });
    const sent = await bytes('istio_tcp_sent_bytes_total');
    const received = await bytes('istio_tcp_received_bytes_total');
    const both = await bytes(['istio_tcp_sent_bytes_total', 'istio_tcp_received_bytes_total', 'up']);
    expect(both.data.length).toBeGreaterThan(0);
    expect(both.data.map((s) => s.labels)).toEqual(expect.arrayContaining(sent.data.map((s) => s.labels)));
    for (const s of both.data) {
      const expected = (value(sent.data, s.labels) ?? 0) + (value(received.data, s.labels) ?? 0);
      expect(expected).toBeGreaterThan(0);
      expect(s.value).toBeCloseTo(expected, 6);
    }
    // A counter listed twice counts once; no counter at all is refused, as Prometheus's adapter refuses it.
    const twice = await bytes(['istio_tcp_sent_bytes_total', 'istio_tcp_sent_bytes_total']);
    expect(twice.data).toEqual(sent.data);
    await expect(bytes([])).rejects.toMatchObject({ kind: 'bad_query' });
  });
});

describe('DirectMetricsSource.quantile', () => {
  const quantile = (q: number, extra: Partial<Parameters<MetricsSource['quantile']>[0]> = {}) =>
    metrics.quantile({
      metric: 'istio_request_duration_milliseconds',
      quantile: q,
      by: ['response_code'],
      match: [...waypointOnly, { label: 'destination_workload', op: '=', value: 'reviews-v2' }],
      windowSeconds: 30,
      ...extra,
    });

  it('interpolates within buckets, near the median and p99 the traffic had', async () => {
    const p50 = value((await quantile(0.5)).data, { response_code: '200' }) ?? NaN;
    expect(p50).toBeGreaterThan(10);
    expect(p50).toBeLessThanOrEqual(25);
    const p99 = value((await quantile(0.99)).data, { response_code: '200' }) ?? NaN;
    expect(p99).toBeGreaterThan(100);
    expect(p99).toBeLessThanOrEqual(250);
    expect(value((await quantile(0.5)).data, { response_code: '503' })).toBeLessThanOrEqual(5);
  });

  it('is NaN for a group that was exported but observed nothing in the window', async () => {
    const { data } = await quantile(0.5, {
      by: ['destination_workload'],
      match: [{ label: 'destination_workload', op: '=', value: 'ratings-v1' }],
      at: at(40),
      windowSeconds: 8,
    });
    expect(data).toHaveLength(1);
    expect(data[0]?.value).toBeNaN();
  });
});

describe('DirectMetricsSource.rateRange', () => {
  it('gives one series per group with a point at each step where the group had samples', async () => {
    const { data } = await metrics.rateRange({
      metric: 'istio_requests_total',
      by: ['destination_workload'],
      match: waypointOnly,
      windowSeconds: 10,
      start: at(20),
      end: at(60),
      stepSeconds: 10,
    });
    const reviewsPoints = data.find((s) => s.labels.destination_workload === 'reviews-v2')?.points ?? [];
    expect(reviewsPoints.map(([t]) => t - T0 / 1000)).toEqual([20, 30, 40, 50, 60]);
    for (const [, v] of reviewsPoints) expect(v).toBeCloseTo(12, 5);
    const ratingsPoints = data.find((s) => s.labels.destination_workload === 'ratings-v1')?.points ?? [];
    expect(ratingsPoints[0]?.[1]).toBeCloseTo(5, 5);
    expect(ratingsPoints.map(([t]) => t - T0 / 1000)).not.toContain(60);
  });
});

describe('DirectMetricsSource anyOf', () => {
  /** Traffic inside legacy, from legacy into bookinfo, inside bookinfo, and from outside into legacy. */
  const crossTelemetry = (): MetricsSource => {
    const telemetry = createDemoTelemetry({ random: seededRandom('any-of'), history: { fineSeconds: 1 } });
    for (let i = 1; i <= 10; i++) {
      telemetry.record(
        tick(T0 + i * 1000, [
          flow(legacyClient, legacyServer, { count: 3 }),
          flow(legacyClient, reviews, { waypoint, count: 4 }),
          flow(productpage, reviews, { waypoint, count: 5 }),
          flow(outsider, legacyServer, { count: 2, mtls: false }),
        ]),
      );
    }
    return telemetry.metrics;
  };
  const by = ['reporter', 'source_workload_namespace', 'destination_workload_namespace'];
  const touches = (ns: string): LabelMatcher[][] => [
    [{ label: 'destination_workload_namespace', op: '=', value: ns }],
    [{ label: 'source_workload_namespace', op: '=', value: ns }],
  ];
  const key = (s: Sample): string => JSON.stringify(s.labels);

  it('keeps the groups an alternative selects, each with its whole value, once', async () => {
    const source = crossTelemetry();
    const query = { metric: 'istio_requests_total', by, match: [], windowSeconds: 10 };
    const all = (await source.rate(query)).data;
    const some = (await source.rate({ ...query, anyOf: touches('legacy') })).data;
    const expected = all.filter(
      (s) =>
        s.labels.source_workload_namespace === 'legacy' ||
        s.labels.destination_workload_namespace === 'legacy',
    );
    expect(some.map(key).sort()).toEqual(expected.map(key).sort());
    // legacy -> legacy matches both alternatives and still counts 3 requests a second, not 6.
    const inside = {
      reporter: 'destination',
      source_workload_namespace: 'legacy',
      destination_workload_namespace: 'legacy',
    };
    expect(value(some, inside)).toBeCloseTo(3, 5);
    // The plaintext caller is unknown to the sidecar, so only the destination side selects it.
    expect(value(some, { ...inside, source_workload_namespace: 'unknown' })).toBeCloseTo(2, 5);
    expect(some.some((s) => s.labels.source_workload_namespace === 'bookinfo')).toBe(false);
  });

  it('applies alternatives to quantiles and ranges too', async () => {
    const source = crossTelemetry();
    const base = { by, match: [], windowSeconds: 10, anyOf: touches('bookinfo') };
    const q = await source.quantile({
      ...base,
      metric: 'istio_request_duration_milliseconds',
      quantile: 0.5,
    });
    expect(q.data.map((s) => s.labels.source_workload_namespace).sort()).toEqual([
      'bookinfo',
      'legacy',
      'legacy',
    ]);
    const range = await source.rateRange({
      ...base,
      metric: 'istio_requests_total',
      start: at(10),
      end: at(10),
      stepSeconds: 1,
    });
    const instant = await source.rate({ ...base, metric: 'istio_requests_total', at: at(10) });
    expect(range.data.map((s) => [s.labels, s.points[0]?.[1]])).toEqual(
      instant.data.map((s) => [s.labels, s.value]),
    );
  });

  it('refuses alternatives on labels outside by, and an empty list, as bad_query', async () => {
    const source = crossTelemetry();
    const query = { metric: 'istio_requests_total', match: [], windowSeconds: 10 };
    await expect(source.rate({ ...query, by: ['reporter'], anyOf: touches('legacy') })).rejects.toMatchObject(
      {
        kind: 'bad_query',
        message: expect.stringContaining('must be one of the by labels') as unknown,
      },
    );
    await expect(source.rate({ ...query, by, anyOf: [] })).rejects.toMatchObject({ kind: 'bad_query' });
    const badRegex: LabelMatcher[][] = [[{ label: 'reporter', op: '=~', value: '(' }]];
    await expect(source.rate({ ...query, by, anyOf: badRegex })).rejects.toMatchObject({ kind: 'bad_query' });
  });
});

describe('DirectMetricsSource refusals and health', () => {
  const base = { metric: 'istio_requests_total', by: [], match: [], windowSeconds: 60 };

  it.each([
    ['a bad metric name', { ...base, metric: 'bad-name' }],
    ['a bad label name', { ...base, by: ['bad-label'] }],
    ['a window of zero', { ...base, windowSeconds: 0 }],
    ['a fractional window', { ...base, windowSeconds: 1.5 }],
    ['an invalid regex', { ...base, match: [{ label: 'a', op: '=~', value: '(' }] satisfies LabelMatcher[] }],
  ])('refuses %s as bad_query', async (_name, query) => {
    await expect(metrics.rate(query)).rejects.toMatchObject({ kind: 'bad_query', source: 'prometheus' });
  });

  it('refuses a quantile outside [0, 1], a reversed range and too many points', async () => {
    await expect(
      metrics.quantile({ ...base, metric: 'istio_request_duration_milliseconds', quantile: 1.5 }),
    ).rejects.toMatchObject({ kind: 'bad_query' });
    await expect(
      metrics.rateRange({ ...base, start: at(10), end: at(0), stepSeconds: 1 }),
    ).rejects.toMatchObject({ kind: 'bad_query' });
    await expect(
      metrics.rateRange({ ...base, start: at(0), end: at(11_000), stepSeconds: 1 }),
    ).rejects.toMatchObject({ kind: 'bad_query', message: expect.stringMatching(/11000 points/) as unknown });
  });

  it('probes as the demo', async () => {
    await expect(metrics.probe()).resolves.toEqual({ version: 'demo', detail: 'direct from the demo mesh' });
  });
});
