import { describe, expect, it, vi } from 'vitest';
import { anchoredRegex } from '@/lib/metrics/match';
import { SourceError } from '@/lib/source-error';
import type { MetricsSource, QuantileQuery, RateQuery } from '@/server/telemetry/metrics-source';
import { GRAPH_QUERIES, namespaceAlternatives, readTraffic, RECENT_QUERIES, WINDOW_QUERIES } from './queries';

/** The counters a read names. */
const countersOf = (q: RateQuery | QuantileQuery): readonly string[] =>
  typeof q.metric === 'string' ? [q.metric] : q.metric;

/**
 * A metrics source that records its calls and answers one sample per read (once `expected` reads were asked), or
 * fails the reads `fail` names.
 */
function fakeSource(
  fail: (q: RateQuery | QuantileQuery) => Error | undefined = () => undefined,
  expected = WINDOW_QUERIES.length,
) {
  const calls: (RateQuery | QuantileQuery)[] = [];
  // Every read waits until all of them have been asked: reads made one after another would never finish.
  let release = (): void => undefined;
  const allAsked = new Promise<void>((resolve) => (release = resolve));
  const answer = async (q: RateQuery | QuantileQuery) => {
    calls.push(q);
    if (calls.length === expected) release();
    await allAsked;
    const error = fail(q);
    if (error) throw error;
    return { data: [{ labels: { reporter: 'waypoint' }, value: 1 }], warnings: [] };
  };
  const source: MetricsSource = {
    source: 'prometheus',
    resolutionSeconds: 15,
    probe: vi.fn(),
    rate: answer,
    quantile: answer,
    rateRange: vi.fn(),
  };
  return { source, calls };
}

describe('the graph’s reads', () => {
  it('are small fixed tables, at most eight queries a refresh, whose anyOf labels are all grouped', () => {
    expect(WINDOW_QUERIES).toHaveLength(6);
    expect(RECENT_QUERIES).toHaveLength(2);
    expect(WINDOW_QUERIES.length + RECENT_QUERIES.length).toBeLessThanOrEqual(8);
    const alternatives = namespaceAlternatives(['a'])?.flat() ?? [];
    for (const q of [...GRAPH_QUERIES, ...RECENT_QUERIES]) {
      for (const m of alternatives) expect(q.by).toContain(m.label);
    }
  });

  it('read bytes both ways in one query, grouped like the one-way read the Mesh posture borrows', () => {
    const bytes = WINDOW_QUERIES.find((q) => q.name === 'bytes');
    expect(bytes?.metric).toEqual(['istio_tcp_sent_bytes_total', 'istio_tcp_received_bytes_total']);
    expect(bytes?.read).toEqual({ kind: 'rate' });
    const sent = GRAPH_QUERIES.find((q) => q.name === 'sentBytes');
    expect(sent?.metric).toBe('istio_tcp_sent_bytes_total');
    expect(sent?.by).toEqual(bytes?.by);
    expect(bytes?.by).toEqual(expect.arrayContaining(['connection_security_policy', 'source_principal']));
    expect(WINDOW_QUERIES.map((q) => q.name)).not.toContain('sentBytes');
  });

  it('read requests by outcome and security, and connections opened by security, over the recent sub-window', () => {
    const [requests, opened] = RECENT_QUERIES;
    expect(requests).toMatchObject({ name: 'requests', metric: 'istio_requests_total' });
    expect(requests?.by).toEqual(
      expect.arrayContaining(['response_code', 'grpc_response_status', 'connection_security_policy']),
    );
    expect(opened).toMatchObject({ name: 'openedConnections', metric: 'istio_tcp_connections_opened_total' });
    expect(opened?.by).toContain('connection_security_policy');
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
  it('issues the same six queries, concurrently, whatever the number of namespaces', async () => {
    const one = fakeSource();
    const reads = await readTraffic(one.source, { namespaces: ['bookinfo'], windowSeconds: 300 });
    const three = fakeSource();
    await readTraffic(three.source, { namespaces: ['bookinfo', 'payments', 'legacy'], windowSeconds: 300 });
    expect(reads.issued).toBe(6);
    expect(one.calls).toHaveLength(6);
    expect(three.calls).toHaveLength(6);
    expect(Object.keys(reads.samples)).toEqual(WINDOW_QUERIES.map((q) => q.name));
    expect(reads.recent).toBeNull();
    expect(
      one.calls.every((q) => q.anyOf?.length === 3 && q.windowSeconds === 300 && q.at === undefined),
    ).toBe(true);
  });

  it('adds the two recent reads over the sub-window, at the same end, when one is asked for', async () => {
    const { source, calls } = fakeSource(undefined, 8);
    const at = new Date(1_800_000_000_000);
    const reads = await readTraffic(source, {
      namespaces: ['a', 'b'],
      windowSeconds: 60,
      recentSeconds: 10,
      at,
    });
    expect(reads.issued).toBe(8);
    expect(calls).toHaveLength(8);
    expect(calls.filter((q) => q.windowSeconds === 10).map(countersOf)).toEqual([
      ['istio_requests_total'],
      ['istio_tcp_connections_opened_total'],
    ]);
    expect(calls.every((q) => q.at === at && q.anyOf?.length === 3)).toBe(true);
    expect(Object.keys(reads.samples)).toEqual(WINDOW_QUERIES.map((q) => q.name));
    expect(Object.keys(reads.recent ?? {})).toEqual(['requests', 'openedConnections']);
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
    const tcp = (q: RateQuery | QuantileQuery): boolean =>
      countersOf(q).some((m) => m.startsWith('istio_tcp'));
    const { source } = fakeSource((q) => (tcp(q) ? down : undefined), 8);
    const reads = await readTraffic(source, { namespaces: '*', windowSeconds: 60, recentSeconds: 20 });
    expect(reads.errors).toEqual([down.toDTO(), down.toDTO(), down.toDTO()]);
    expect(Object.keys(reads.samples).sort()).toEqual(['latencyP50', 'latencyP95', 'latencyP99', 'requests']);
    expect(Object.keys(reads.recent ?? {})).toEqual(['requests']);
  });

  it('rejects on anything that is not a SourceError (a bug, not an outage)', async () => {
    const { source } = fakeSource(() => new TypeError('boom'));
    await expect(readTraffic(source, { namespaces: '*', windowSeconds: 60 })).rejects.toThrow('boom');
  });
});
