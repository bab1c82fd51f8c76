import { describe, expect, it, vi } from 'vitest';
import { anchoredRegex } from '@/lib/metrics/match';
import { SourceError } from '@/lib/source-error';
import type { MetricsSource, QuantileQuery, RateQuery } from '@/server/telemetry/metrics-source';
import { GRAPH_QUERIES, namespaceAlternatives, readTraffic } from './queries';

/**
 * A metrics source that records its calls and answers one sample per read (once every read was asked), or fails
 * the reads `fail` names.
 */
function fakeSource(fail: (q: RateQuery | QuantileQuery) => Error | undefined = () => undefined) {
  const calls: (RateQuery | QuantileQuery)[] = [];
  // Every read waits until all of them have been asked: reads made one after another would never finish.
  let release = (): void => undefined;
  const allAsked = new Promise<void>((resolve) => (release = resolve));
  const answer = async (q: RateQuery | QuantileQuery) => {
    calls.push(q);
    if (calls.length === GRAPH_QUERIES.length) release();
    await allAsked;
    const error = fail(q);
    if (error) throw error;
    return { data: [{ labels: { reporter: 'waypoint' }, value: 1 }], warnings: [] };
  };
  const source: MetricsSource = {
    source: 'prometheus',
    probe: vi.fn(),
    rate: answer,
    quantile: answer,
    rateRange: vi.fn(),
  };
  return { source, calls };
}

describe('GRAPH_QUERIES', () => {
  it('is a small fixed table whose anyOf labels are all grouped', () => {
    expect(GRAPH_QUERIES.length).toBeLessThanOrEqual(8);
    const alternatives = namespaceAlternatives(['a'])?.flat() ?? [];
    for (const q of GRAPH_QUERIES) for (const m of alternatives) expect(q.by).toContain(m.label);
  });
});

describe('namespaceAlternatives', () => {
  it('selects edges whose source, destination workload or destination service is in a namespace', () => {
    expect(namespaceAlternatives('*')).toBeUndefined();
    const alternatives = namespaceAlternatives(['bookinfo', 'pay.ments']) ?? [];
    expect(alternatives.map(([m]) => m?.label)).toEqual([
      'source_workload_namespace',
      'destination_workload_namespace',
      'destination_service_namespace',
    ]);
    // The regex matches the names literally (the port quotes it as a string).
    const regex = anchoredRegex(alternatives[0]?.[0]?.value ?? '');
    expect(['bookinfo', 'pay.ments'].map((v) => regex.test(v))).toEqual([true, true]);
    expect(['payXments', 'bookinfo2'].map((v) => regex.test(v))).toEqual([false, false]);
  });
});

describe('readTraffic', () => {
  it('issues the same queries, concurrently, whatever the number of namespaces', async () => {
    const one = fakeSource();
    const reads = await readTraffic(one.source, { namespaces: ['bookinfo'], windowSeconds: 300 });
    const three = fakeSource();
    await readTraffic(three.source, { namespaces: ['bookinfo', 'payments', 'legacy'], windowSeconds: 300 });
    expect(reads.issued).toBe(GRAPH_QUERIES.length);
    expect(one.calls).toHaveLength(GRAPH_QUERIES.length);
    expect(three.calls).toHaveLength(GRAPH_QUERIES.length);
    expect(Object.keys(reads.samples)).toEqual(GRAPH_QUERIES.map((q) => q.name));
    expect(
      one.calls.every((q) => q.anyOf?.length === 3 && q.windowSeconds === 300 && q.at === undefined),
    ).toBe(true);
  });

  it('reads every namespace without anyOf, at the end asked for', async () => {
    const { source, calls } = fakeSource();
    const at = new Date(1_800_000_000_000);
    await readTraffic(source, { namespaces: '*', windowSeconds: 60, at });
    expect(calls.every((q) => q.anyOf === undefined && q.at === at)).toBe(true);
    expect(calls.filter((q) => 'quantile' in q).map((q) => (q as QuantileQuery).quantile)).toEqual([
      0.5, 0.95, 0.99,
    ]);
  });

  it('lists failed reads in errors and keeps the others', async () => {
    const down = new SourceError('prometheus', 'unreachable', 'prometheus: connection refused');
    const { source } = fakeSource((q) => (q.metric.startsWith('istio_tcp') ? down : undefined));
    const reads = await readTraffic(source, { namespaces: '*', windowSeconds: 60 });
    expect(reads.errors).toEqual([down.toDTO(), down.toDTO(), down.toDTO()]);
    expect(Object.keys(reads.samples).sort()).toEqual(['latencyP50', 'latencyP95', 'latencyP99', 'requests']);
  });

  it('rejects on anything that is not a SourceError (a bug, not an outage)', async () => {
    const { source } = fakeSource(() => new TypeError('boom'));
    await expect(readTraffic(source, { namespaces: '*', windowSeconds: 60 })).rejects.toThrow('boom');
  });
});
