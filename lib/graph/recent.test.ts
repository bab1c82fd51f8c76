import { describe, expect, it } from 'vitest';
import fixture from '@/components/graph/__fixtures__/bookinfo-graph.json';
import { parseExpression } from './expression';
import { aggregateRecent, recentForRefresh, shownMtls } from './recent';
import type { EdgeRecent, GraphEdge, GraphResponse } from './types';
import { buildView } from './view';

const recent = (fields: Partial<EdgeRecent> = {}): EdgeRecent => ({
  seconds: 10,
  requestsPerSecond: 0,
  errorRate: 0,
  mtls: 1,
  ...fields,
});

const OUTSIDE = 'workload:outside/client->workload:payments/api-v1|tcp|L4';

/** The recorded answer with the outside client's edge (plaintext over the window) given recent figures. */
function enrolled(figures: EdgeRecent | null): GraphResponse {
  const graph = structuredClone(fixture) as GraphResponse;
  for (const edge of graph.edges) if (edge.id === OUTSIDE) edge.recent = figures;
  return graph;
}

describe('shownMtls', () => {
  it('is the recent share when the edge had traffic in the sub-window, else the window’s', () => {
    expect(shownMtls({ mtls: 0.2, recent: recent({ mtls: 1 }) })).toBe(1);
    expect(shownMtls({ mtls: 1, recent: recent({ mtls: 0 }) })).toBe(0);
    expect(shownMtls({ mtls: 0.2, recent: null })).toBe(0.2);
    // Answers recorded before `recent` existed.
    expect(shownMtls({ mtls: 0.2 })).toBe(0.2);
  });

  it('is what the page draws: the line’s data, the mTLS label, find and the side panel’s edge', () => {
    const find = parseExpression('!mtls');
    if (!find.ok) throw new Error(find.error.message);
    const shown = (graph: GraphResponse) => {
      const v = buildView(graph, { showWaypoints: true, labelMode: 'mtls', hide: null, find: find.expr });
      const drawn = v.edges.find((e) => e.data.id === OUTSIDE);
      return [drawn?.data.mtls, drawn?.data.label, drawn?.data.found, drawn?.edge.mtls];
    };
    expect(shown(enrolled(null))).toEqual([0, '⚠ plaintext', true, 0]);
    expect(shown(enrolled(recent({ mtls: 1 })))).toEqual([1, '✓ mTLS', false, 1]);
    expect(shown(enrolled(recent({ mtls: 0.5 })))).toEqual([0.5, '⚠ 50% mTLS', true, 0.5]);
    // The window's share stays in the answer.
    expect(enrolled(recent()).edges.find((e) => e.id === OUTSIDE)?.mtls).toBe(0);
  });
});

describe('aggregateRecent', () => {
  const edge = (r: EdgeRecent | null): Pick<GraphEdge, 'recent'> => ({ recent: r });

  it('adds requests and failures, and weights the mTLS share by requests', () => {
    const sum = aggregateRecent([
      edge(recent({ requestsPerSecond: 3, errorRate: 0.5, mtls: 1 })),
      edge(recent({ requestsPerSecond: 1, errorRate: 0, mtls: 0 })),
      edge(null),
    ]);
    expect(sum).toEqual({ seconds: 10, requestsPerSecond: 4, errorRate: 0.375, mtls: 0.75 });
  });

  it('weights L4 edges alike, and is null when none had recent traffic', () => {
    expect(aggregateRecent([edge(recent({ mtls: 1 })), edge(recent({ mtls: 0 }))])?.mtls).toBe(0.5);
    expect(aggregateRecent([edge(null), {}])).toBeNull();
  });
});

describe('recentForRefresh', () => {
  it('is one refresh interval, and none when refresh is off or it covers the window', () => {
    expect(recentForRefresh(5_000, 60)).toBe('5s');
    expect(recentForRefresh(10_000, 300)).toBe('10s');
    expect(recentForRefresh(60_000, 300)).toBe('1m');
    expect(recentForRefresh(2_000, 60)).toBe('2s');
    expect(recentForRefresh(0, 300)).toBeNull();
    expect(recentForRefresh(60_000, 60)).toBeNull();
  });
});
