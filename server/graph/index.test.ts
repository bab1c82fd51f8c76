import { describe, expect, it, vi } from 'vitest';
import type { GraphParams } from '@/lib/api/graph-params';
import { DEFAULT_THRESHOLDS } from '@/lib/graph/health';
import type { KindName } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import { SourceError } from '@/lib/source-error';
import type { MetricsSource, QuantileQuery, RateQuery } from '@/server/telemetry/metrics-source';
import { RECENT_CASE_SECONDS, recentCaseReads } from './__fixtures__/cases';
import { clusterSnapshot } from './__fixtures__/cluster';
import { readGraph, thresholdsFromEnv, type GraphSources } from './index';
import { RECENT_QUERIES, WINDOW_QUERIES } from './queries';

const KINDS: Partial<Record<KindName, keyof ReturnType<typeof clusterSnapshot>>> = {
  namespaces: 'namespaces',
  pods: 'pods',
  services: 'services',
  gateways: 'gateways',
  virtualservices: 'virtualServices',
  httproutes: 'httpRoutes',
  authorizationpolicies: 'authorizationPolicies',
};

function fakeKube(failing: Partial<Record<KindName, SourceError>> = {}): GraphSources['kube'] {
  const snapshot = clusterSnapshot();
  return {
    list: (kind: KindName): KubeObject[] => {
      const field = KINDS[kind];
      return field && !failing[kind] ? [...snapshot[field]] : [];
    },
    kindError: (kind: KindName) => failing[kind] ?? null,
  };
}

/**
 * Answers every read with the recorded samples of two cases (waypoint, ztunnel only) as a refresh with a recent
 * sub-window reads them: each read by what it asks for (its counters, its quantile, its window).
 */
function recordedMetrics(): MetricsSource & { calls: number } {
  const reads = recentCaseReads('ambient-waypoint', 'ambient-l4');
  const source = {
    calls: 0,
    source: 'prometheus' as const,
    resolutionSeconds: 5,
    probe: vi.fn(),
    rateRange: vi.fn(),
    rate: async (q: RateQuery) => answer(q),
    quantile: async (q: QuantileQuery) => answer(q),
  };
  const answer = (q: RateQuery | QuantileQuery) => {
    source.calls++;
    const recent = q.windowSeconds === RECENT_CASE_SECONDS;
    const name = (recent ? RECENT_QUERIES : WINDOW_QUERIES).find(
      (g) =>
        JSON.stringify(g.metric) === JSON.stringify(q.metric) &&
        (g.read.kind === 'rate' || ('quantile' in q && g.read.quantile === q.quantile)),
    )?.name;
    return { data: name ? ((recent ? reads.recent : reads.samples)[name] ?? []) : [], warnings: [] };
  };
  return source;
}

const params = (p: Partial<GraphParams> = {}): GraphParams => ({
  namespaces: '*',
  windowSeconds: 300,
  end: null,
  graphType: 'workload',
  layers: 'both',
  ...p,
});
const now = () => Date.parse('2026-05-01T12:00:00Z');

describe('readGraph', () => {
  it('answers the graph, the meta and no errors when everything reads', async () => {
    const metrics = recordedMetrics();
    const graph = await readGraph(params(), { kube: fakeKube(), metrics }, { now });
    expect(graph.errors).toEqual([]);
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(graph.meta).toEqual({
      namespaces: '*',
      windowSeconds: 300,
      recentSeconds: null,
      end: '2026-05-01T12:00:00.000Z',
      graphType: 'workload',
      layers: 'both',
      queries: 6,
      durationMs: expect.any(Number) as unknown,
    });
    expect(metrics.calls).toBe(6);
    expect(graph.edges.every((e) => e.recent === null)).toBe(true);
  });

  it('reads the recent sub-window too when asked: eight queries, and each edge’s recent figures', async () => {
    const metrics = recordedMetrics();
    const graph = await readGraph(params({ recentSeconds: RECENT_CASE_SECONDS }), {
      kube: fakeKube(),
      metrics,
    });
    expect(graph.errors).toEqual([]);
    expect(graph.meta).toMatchObject({ queries: 8, recentSeconds: 10 });
    expect(metrics.calls).toBe(8);
    const reviews = graph.edges.find((e) => e.id.endsWith('/reviews-v2|http|L7'));
    expect(reviews?.recent).toEqual({
      seconds: 10,
      requestsPerSecond: expect.closeTo(1, 9),
      errorRate: expect.closeTo(0.1, 9),
      mtls: 1,
    });
    const postgres = graph.edges.find((e) => e.id.endsWith('/postgres-v1|tcp|L4'));
    expect(postgres?.recent).toMatchObject({ requestsPerSecond: 0, errorRate: 0, mtls: 1 });
  });

  it('widens a recent sub-window shorter than two of the source’s intervals, and says so', async () => {
    const metrics = recordedMetrics(); // one point every 5 s
    const graph = await readGraph(params({ recentSeconds: 2 }), { kube: fakeKube(), metrics });
    expect(graph.meta).toMatchObject({ queries: 8, recentSeconds: 10 });
    expect(graph.edges.find((e) => e.recent !== null)?.recent?.seconds).toBe(10);
  });

  it('answers an empty graph with an error for namespaces the cluster does not have, without querying', async () => {
    const metrics = recordedMetrics();
    const graph = await readGraph(params({ namespaces: ['nope'] }), { kube: fakeKube(), metrics }, { now });
    expect(graph).toMatchObject({ nodes: [], edges: [], meta: { queries: 0, namespaces: ['nope'] } });
    expect(graph.errors).toEqual([
      { source: 'kubernetes', kind: 'not_found', message: 'namespace "nope" not found' },
    ]);
    expect(metrics.calls).toBe(0);
  });

  it('queries the known namespaces of a mixed list, and names the unknown one', async () => {
    const metrics = recordedMetrics();
    const graph = await readGraph(params({ namespaces: ['bookinfo', 'nope'] }), {
      kube: fakeKube(),
      metrics,
    });
    expect(graph.errors.map((e) => e.message)).toEqual(['namespace "nope" not found']);
    expect(graph.meta.queries).toBe(6);
  });

  it('answers an empty graph with an error when no metrics source is configured', async () => {
    const graph = await readGraph(params(), { kube: fakeKube(), metrics: null });
    expect(graph.nodes).toEqual([]);
    expect(graph.errors).toEqual([expect.objectContaining({ source: 'prometheus', kind: 'unavailable' })]);
  });

  it('still draws the traffic when configuration cannot be read, and says what is missing', async () => {
    const missing = new SourceError('kubernetes', 'missing_kind', 'Gateway API is not installed');
    const graph = await readGraph(params(), {
      kube: fakeKube({ gateways: missing, httproutes: missing }),
      metrics: recordedMetrics(),
    });
    // Listed once, however many kinds it stopped.
    expect(graph.errors).toEqual([missing.toDTO()]);
    // Without the waypoint's Gateway its pods are no longer known as a waypoint, but the traffic is still drawn.
    expect(graph.nodes.find((n) => n.id === 'workload:bookinfo/waypoint')?.kind).toBe('gateway');
    expect(graph.edges.length).toBeGreaterThan(0);
  });

  it('lists a failure that stopped several reads once, and draws what the others read', async () => {
    const down = new SourceError('prometheus', 'timeout', 'prometheus: no answer within 30 s');
    const recorded = recordedMetrics();
    const metrics = {
      ...recorded,
      quantile: () => Promise.reject(down),
    };
    const graph = await readGraph(params(), { kube: fakeKube(), metrics });
    expect(graph.errors).toEqual([down.toDTO()]);
    expect(graph.edges.some((e) => e.layer === 'L7' && e.latencyMs === null && e.requestsPerSecond > 0)).toBe(
      true,
    );
  });

  it('passes the end of the window to the reads', async () => {
    const rate = vi.fn(async () => ({ data: [], warnings: [] }));
    const metrics = { ...recordedMetrics(), rate, quantile: rate };
    const end = new Date('2026-04-30T00:00:00Z');
    const graph = await readGraph(params({ end }), { kube: fakeKube(), metrics });
    expect(rate).toHaveBeenCalledWith(expect.objectContaining({ at: end }), undefined);
    expect(graph.meta.end).toBe('2026-04-30T00:00:00.000Z');
  });
});

describe('thresholdsFromEnv', () => {
  it('reads overrides, and keeps the defaults for nothing or nonsense', () => {
    expect(thresholdsFromEnv(undefined)).toBe(DEFAULT_THRESHOLDS);
    expect(thresholdsFromEnv('5xx=1/5')['5xx']).toEqual({ degraded: 0.01, failing: 0.05 });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(thresholdsFromEnv('5xx=lots')).toBe(DEFAULT_THRESHOLDS);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
