import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random';
import { flow, productpage, reviews, tick, waypoint } from './__fixtures__/mesh';
import { createDemoTelemetry } from './demo-telemetry';
import { ISTIO_BUCKETS } from './families';

const T0 = 1_800_000_000_000;

/** The samples of one metric in exposition text: labels text -> value. */
function samples(text: string, metric: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(\{.*\})? (\S+)$/.exec(line);
    if (match?.[1] === metric) out.set(match[2] ?? '', Number(match[3]));
  }
  return out;
}

function labelNames(labelsText: string): string[] {
  return [...labelsText.matchAll(/([a-z_]+)="/g)].map((m) => m[1] ?? '');
}

function recordedTelemetry(): ReturnType<typeof createDemoTelemetry> {
  const telemetry = createDemoTelemetry({ random: seededRandom('registry') });
  for (let i = 1; i <= 3; i++) {
    // 2.5 requests per tick: counters stay whole numbers, the remainder carries over.
    telemetry.record(tick(T0 + i * 1000, [flow(productpage, reviews, { waypoint, count: 2.5 })]));
  }
  return telemetry;
}

async function recorded(): Promise<string> {
  return recordedTelemetry().registry.metrics();
}

describe('the prom-client exposition', () => {
  it('declares each family once with its Prometheus type', async () => {
    const text = await recorded();
    for (const [name, type] of [
      ['istio_requests_total', 'counter'],
      ['istio_tcp_connections_opened_total', 'counter'],
      ['istio_tcp_connections_closed_total', 'counter'],
      ['istio_tcp_sent_bytes_total', 'counter'],
      ['istio_tcp_received_bytes_total', 'counter'],
      ['istio_request_duration_milliseconds', 'histogram'],
      ['istio_request_bytes', 'histogram'],
      ['istio_response_bytes', 'histogram'],
    ]) {
      expect(text.split('\n').filter((l) => l === `# TYPE ${name} ${type}`)).toHaveLength(1);
    }
  });

  it('writes Istio’s exact label names, the scrape labels last', async () => {
    const [labels] = [...samples(await recorded(), 'istio_requests_total').keys()];
    expect(labelNames(labels ?? '')).toEqual([
      'reporter',
      'source_workload',
      'source_canonical_service',
      'source_canonical_revision',
      'source_workload_namespace',
      'source_principal',
      'source_app',
      'source_version',
      'source_cluster',
      'destination_service',
      'destination_service_namespace',
      'destination_service_name',
      'destination_workload',
      'destination_canonical_service',
      'destination_canonical_revision',
      'destination_workload_namespace',
      'destination_principal',
      'destination_app',
      'destination_version',
      'destination_cluster',
      'request_protocol',
      'response_code',
      'grpc_response_status',
      'response_flags',
      'connection_security_policy',
      'namespace',
      'pod',
      'app',
    ]);
    expect(labels).toContain('grpc_response_status=""');
  });

  it('counts whole requests, carrying fractions to the next tick', async () => {
    const values = [...samples(await recorded(), 'istio_requests_total').values()];
    expect(values).toEqual([7]);
  });

  it('writes cumulative buckets up to +Inf, equal to _count, with a _sum inside the buckets', async () => {
    const text = await recorded();
    const buckets = [...samples(text, 'istio_request_duration_milliseconds_bucket')];
    expect(buckets.map(([labels]) => /le="([^"]+)"/.exec(labels)?.[1])).toEqual([
      ...ISTIO_BUCKETS.map(String),
      '+Inf',
    ]);
    const counts = buckets.map(([, value]) => value);
    counts.slice(1).forEach((value, i) => expect(value).toBeGreaterThanOrEqual(counts[i] ?? 0));
    const [count] = samples(text, 'istio_request_duration_milliseconds_count').values();
    const [sum] = samples(text, 'istio_request_duration_milliseconds_sum').values();
    expect(counts.at(-1)).toBe(7);
    expect(count).toBe(7);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(7 * 10_000);
  });

  it('writes the reporting ztunnel’s TCP series with their scrape labels', async () => {
    const opened = [...samples(await recorded(), 'istio_tcp_connections_opened_total').keys()];
    expect(opened.map((l) => /reporter="(\w+)"/.exec(l)?.[1]).sort()).toEqual([
      'destination',
      'source',
      'waypoint',
    ]);
    expect(opened.find((l) => l.includes('reporter="source"'))).toMatch(
      /namespace="istio-system",pod="ztunnel-node-1",app="ztunnel"\}$/,
    );
  });

  it('answers metrics() with the text prom-client renders from the same collectors', async () => {
    const { registry } = recordedTelemetry();
    const own = await registry.metrics();
    expect(own).toBe(await Registry.prototype.metrics.call(registry));
    expect(own).toContain('# TYPE istio_requests_total counter');
    expect(registry.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});
