import { describe, expect, it, vi } from 'vitest';
import type { MetricsResult, RangeSeries } from '@/lib/metrics/types';
import type { PrometheusClient } from '@/server/prometheus/client';
import type { QueryData } from '@/server/prometheus/query-data';
import { createPrometheusMetricsSource } from './prometheus-metrics-source';

const sample = { labels: { destination_workload: 'reviews-v1' }, value: 2.5 };
const series: RangeSeries[] = [{ labels: { destination_workload: 'reviews-v1' }, points: [[100, 1]] }];

function fakeClient(answer: QueryData = { resultType: 'vector', result: [sample] }) {
  const result = (data: QueryData): MetricsResult<QueryData> => ({ data, warnings: ['partial'] });
  return {
    source: 'prometheus' as const,
    query: vi.fn((_promql: string, _options?: object) => Promise.resolve(result(answer))),
    queryRange: vi.fn((_promql: string, _options: object) => Promise.resolve({ data: series, warnings: [] })),
    buildInfo: vi.fn(() => Promise.resolve({ version: '2.42.0' })),
    probe: vi.fn(() => Promise.resolve({ version: '2.42.0' })),
  } satisfies PrometheusClient;
}

const match = [{ label: 'reporter', op: '=' as const, value: 'waypoint' }];

describe('createPrometheusMetricsSource', () => {
  it('reads rates as sum by (…) (rate(…)) at the given time, returning samples and warnings', async () => {
    const client = fakeClient();
    const at = new Date(1_717_000_000_000);
    const signal = new AbortController().signal;
    const source = createPrometheusMetricsSource(client, 15);
    const answer = await source.rate(
      { metric: 'istio_requests_total', by: ['destination_workload'], match, windowSeconds: 300, at },
      signal,
    );
    expect(answer).toEqual({ data: [sample], warnings: ['partial'] });
    expect(client.query).toHaveBeenCalledWith(
      'sum by (destination_workload) (rate(istio_requests_total{reporter="waypoint"}[5m]))',
      { time: at, signal },
    );
  });

  it('reads quantiles through histogram_quantile over the _bucket series', async () => {
    const client = fakeClient();
    await createPrometheusMetricsSource(client, 15).quantile({
      metric: 'istio_request_duration_milliseconds',
      quantile: 0.99,
      by: [],
      match: [],
      windowSeconds: 60,
    });
    expect(client.query.mock.calls[0]?.[0]).toBe(
      'histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket[1m])))',
    );
  });

  it('reads rate ranges with start, end and step', async () => {
    const client = fakeClient();
    const start = new Date(1_000_000);
    const end = new Date(2_000_000);
    const answer = await createPrometheusMetricsSource(client, 15).rateRange({
      metric: 'istio_tcp_sent_bytes_total',
      by: ['source_workload'],
      match: [],
      start,
      end,
      stepSeconds: 15,
      windowSeconds: 60,
    });
    expect(answer.data).toBe(series);
    expect(client.queryRange).toHaveBeenCalledWith(
      'sum by (source_workload) (rate(istio_tcp_sent_bytes_total[1m]))',
      { start, end, stepSeconds: 15, signal: undefined },
    );
  });

  it('refuses invalid names and windows as bad_query without calling Prometheus', async () => {
    const client = fakeClient();
    const source = createPrometheusMetricsSource(client, 15);
    const bad = { metric: 'istio_requests_total', match: [], windowSeconds: 60 };
    await expect(source.rate({ ...bad, by: ['a) or vector(1'] })).rejects.toMatchObject({
      source: 'prometheus',
      kind: 'bad_query',
      message: expect.stringContaining('invalid label name') as unknown,
    });
    await expect(source.rate({ ...bad, by: [], windowSeconds: 0.5 })).rejects.toMatchObject({
      kind: 'bad_query',
    });
    expect(client.query).not.toHaveBeenCalled();
  });

  it('sends anyOf as one sum per alternative joined with or, and refuses it unless grouped', async () => {
    const client = fakeClient();
    const source = createPrometheusMetricsSource(client, 15);
    const anyOf = [
      [{ label: 'destination_workload_namespace', op: '=' as const, value: 'a' }],
      [{ label: 'source_workload_namespace', op: '=' as const, value: 'a' }],
    ];
    const by = ['source_workload_namespace', 'destination_workload_namespace'];
    await source.quantile({ metric: 'd', quantile: 0.5, by, match, anyOf, windowSeconds: 60 });
    expect(client.query.mock.calls[0]?.[0]).toBe(
      'histogram_quantile(0.5, ' +
        'sum by (le, source_workload_namespace, destination_workload_namespace) ' +
        '(rate(d_bucket{reporter="waypoint",destination_workload_namespace="a"}[1m])) or ' +
        'sum by (le, source_workload_namespace, destination_workload_namespace) ' +
        '(rate(d_bucket{reporter="waypoint",source_workload_namespace="a"}[1m])))',
    );
    await expect(
      source.rate({ metric: 'm', by: ['source_workload_namespace'], match, anyOf, windowSeconds: 60 }),
    ).rejects.toMatchObject({ kind: 'bad_query' });
    await expect(source.rate({ metric: 'm', by, match, anyOf: [], windowSeconds: 60 })).rejects.toMatchObject(
      {
        kind: 'bad_query',
      },
    );
    expect(client.query).toHaveBeenCalledTimes(1);
  });

  it('calls an answer that is not a vector a bad_response', async () => {
    const client = fakeClient({ resultType: 'scalar', result: { time: 1, value: 1 } });
    const query = { metric: 'm', by: [], match: [], windowSeconds: 60 };
    await expect(createPrometheusMetricsSource(client, 15).rate(query)).rejects.toMatchObject({
      kind: 'bad_response',
    });
  });

  it('probes through the client', async () => {
    const client = fakeClient();
    const source = createPrometheusMetricsSource(client, 15);
    expect(source.source).toBe('prometheus');
    await expect(source.probe()).resolves.toEqual({ version: '2.42.0' });
  });
});
