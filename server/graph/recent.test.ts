import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '@/lib/graph/health';
import type { GraphEdge } from '@/lib/graph/types';
import {
  clusterFacts,
  RECENT_CASE_SECONDS,
  recentCaseReads,
  type RecentCaseName,
} from './__fixtures__/cases';
import { buildGraph } from './build-graph';
import { deduplicate } from './deduplicate';
import type { TrafficEdge } from './model';
import { attachRecent, recentSubWindow } from './recent';
import { borrowL4Security } from './security';
import { trafficRecords } from './traffic-records';

/** Steps 1 and 2 over a recorded refresh with a recent sub-window: the window's edges with their recent totals. */
function edgesOf(...names: RecentCaseName[]): TrafficEdge[] {
  const reads = recentCaseReads(...names);
  const facts = clusterFacts();
  const edges = deduplicate(trafficRecords(reads.samples), facts);
  borrowL4Security(edges);
  attachRecent(edges, deduplicate(trafficRecords(reads.recent), facts));
  return edges;
}

const find = (edges: TrafficEdge[], to: string, layer: TrafficEdge['layer']): TrafficEdge | undefined =>
  edges.find((e) => e.destination.workload === to && e.layer === layer);

/** The DTO edges of a recorded refresh with its recent sub-window. */
function graphOf(...names: RecentCaseName[]): GraphEdge[] {
  const reads = recentCaseReads(...names);
  return buildGraph({
    samples: reads.samples,
    recent: { samples: reads.recent, seconds: RECENT_CASE_SECONDS },
    facts: clusterFacts(),
    graphType: 'workload',
    layers: 'both',
    thresholds: DEFAULT_THRESHOLDS,
  }).edges;
}

describe('attachRecent: the sub-window through the same de-duplication', () => {
  it('through a waypoint: the waypoint’s requests only, not its own connections nor the ztunnel hops', () => {
    const edge = find(edgesOf('ambient-waypoint'), 'reviews-v2', 'L7');
    expect(edge?.recent?.requests).toBeCloseTo(1, 9);
    expect(edge?.recent?.responseCodes).toEqual({
      '200': expect.closeTo(0.9, 9),
      '503': expect.closeTo(0.1, 9),
    });
    expect(edge?.recent?.mtlsRequests).toBeCloseTo(1, 9);
    // Three reporters opened connections for it (client ztunnel, waypoint, server ztunnel): none adds here.
    expect(edge?.recent?.connections).toBe(0);
    expect(edge?.recent?.bytes).toBeNull();
  });

  it('sidecar to sidecar: the destination sidecar’s requests, not also the source copy', () => {
    const edge = find(edgesOf('sidecar'), 'inventory-v1', 'L7');
    expect(edge?.recent?.requests).toBeCloseTo(3, 9);
    expect(edge?.recent?.mtlsRequests).toBeCloseTo(3, 9);
  });

  it('ztunnel only (L4): the destination ztunnel’s connections opened, not the source’s as well', () => {
    const edges = edgesOf('ambient-l4');
    const api = find(edges, 'api-v1', 'L4');
    expect(api?.recent?.connections).toBeCloseTo(0.2, 9);
    expect(api?.recent?.mtlsConnections).toBeCloseTo(0.2, 9);
    expect(api?.recent?.denied).toBe(0);
    expect(find(edges, 'postgres-v1', 'L4')?.recent?.connections).toBeCloseTo(0.5, 9);
  });

  it('a client-reported L7 edge takes its recent security from ztunnel’s edge, else from its window', () => {
    const [l7] = edgesOf('gateway').filter((e) => e.layer === 'L7');
    expect(l7?.reporter).toBe('source');
    expect(l7?.recent?.mtlsRequests).toBeCloseTo(1, 9);
    // No connection opened in the sub-window: the window's share (from ztunnel's closed connections) stands.
    const reads = recentCaseReads('gateway');
    const facts = clusterFacts();
    const edges = deduplicate(trafficRecords(reads.samples), facts);
    borrowL4Security(edges);
    attachRecent(edges, deduplicate(trafficRecords({ requests: reads.recent.requests ?? [] }), facts));
    const [alone] = edges.filter((e) => e.layer === 'L7');
    expect(alone?.recent?.mtlsRequests).toBeCloseTo(alone?.recent?.requests ?? Number.NaN, 9);
    expect(alone?.recent?.requests).toBeGreaterThan(0);
  });
});

describe('GraphEdge.recent, and health and mTLS over it', () => {
  it('reports the sub-window’s rate, errors and mTLS share per edge, with its length', () => {
    const edges = graphOf('ambient-waypoint', 'ambient-l4');
    expect(edges.find((e) => e.id.endsWith('/reviews-v2|http|L7'))?.recent).toEqual({
      seconds: 10,
      requestsPerSecond: expect.closeTo(1, 9),
      errorRate: expect.closeTo(0.1, 9),
      mtls: 1,
    });
    expect(edges.find((e) => e.id.endsWith('/api-v1|tcp|L4'))?.recent).toEqual({
      seconds: 10,
      requestsPerSecond: 0,
      errorRate: 0,
      mtls: 1,
    });
  });

  it('is null without a sub-window, and for an edge with no traffic in it', () => {
    const reads = recentCaseReads('waypoint-403');
    const build = (recent: boolean): GraphEdge[] =>
      buildGraph({
        samples: reads.samples,
        recent: recent ? { samples: {}, seconds: 10 } : null,
        facts: clusterFacts(),
        graphType: 'workload',
        layers: 'both',
        thresholds: DEFAULT_THRESHOLDS,
      }).edges;
    expect(build(false).map((e) => e.recent)).toEqual([null]);
    expect(build(true).map((e) => e.recent)).toEqual([null]);
  });

  it('a fault in the last 10 s: the window says degraded (8%), the sub-window failing (50%), failing wins', () => {
    const [edge] = graphOf('waypoint-fault');
    expect(edge?.errorRate).toBeCloseTo(0.5 / 6, 9);
    expect(edge?.recent?.errorRate).toBeCloseTo(0.5, 9);
    expect(edge?.health).toBe('failing');
  });

  it('enrolment in the last 10 s: the window is mostly plaintext, the sub-window all mTLS', () => {
    const [edge] = graphOf('enrolled');
    expect(edge?.id).toBe('workload:outside/client-v1->workload:payments/api-v1|tcp|L4');
    expect(edge?.mtls).toBeCloseTo(1 / 6, 9);
    expect(edge?.recent?.mtls).toBe(1);
  });
});

describe('recentSubWindow', () => {
  it.each([
    // asked, the source's interval, window -> read
    [5, 1, 60, 5], // the demo's direct source: one 5 s refresh as asked
    [5, 5, 60, 10], // the demo's Prometheus: two scrapes
    [5, 15, 60, 30], // a 15 s scrape: two scrapes
    [10, 30, 60, null], // two scrapes would be the whole window
    [30, 15, 300, 30], // wide enough already
    [null, 15, 300, null], // none asked
  ])('asked %s s, with a point every %s s, over %s s: reads %s s', (asked, resolution, window, read) => {
    expect(recentSubWindow(asked, resolution, window)).toBe(read);
  });
});
