'use client';

import { useSyncExternalStore } from 'react';
import type { GraphResponse } from '@/lib/graph/types';

/** One refresh's values for an edge (or a node's inbound traffic). */
export interface SeriesPoint {
  /** End of the window, ms since the epoch. */
  t: number;
  rps: number;
  /** Failed requests per second. */
  failed: number;
}

/** Points kept per element: 10 minutes at a 10 s refresh. */
const MAX_POINTS = 60;

/**
 * The values of every edge and node over the refreshes this tab has seen, for the side panel's sparkline while the
 * API has no range query for one edge. A store outside React: the graph page records each answer, the panel reads.
 */
let history: ReadonlyMap<string, readonly SeriesPoint[]> = new Map();
const listeners = new Set<() => void>();

function push(next: Map<string, readonly SeriesPoint[]>, id: string, point: SeriesPoint): void {
  const points = next.get(id) ?? [];
  if (points.at(-1)?.t === point.t) return;
  next.set(id, [...points.slice(-(MAX_POINTS - 1)), point]);
}

/** Records one answer (once per window end). */
export function recordGraph(graph: GraphResponse): void {
  const t = Date.parse(graph.meta.end);
  if (Number.isNaN(t)) return;
  const next = new Map(history);
  for (const edge of graph.edges) {
    push(next, edge.id, { t, rps: edge.requestsPerSecond, failed: edge.requestsPerSecond * edge.errorRate });
  }
  for (const node of graph.nodes) push(next, node.id, { t, rps: node.inboundRps, failed: 0 });
  history = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sums the recorded series of some ids per point in time (a waypoint segment is the sum of what it carries). */
export function sumSeries(
  store: ReadonlyMap<string, readonly SeriesPoint[]>,
  ids: readonly string[],
): SeriesPoint[] {
  const byTime = new Map<number, SeriesPoint>();
  for (const id of ids) {
    for (const p of store.get(id) ?? []) {
      const sum = byTime.get(p.t) ?? { t: p.t, rps: 0, failed: 0 };
      byTime.set(p.t, { t: p.t, rps: sum.rps + p.rps, failed: sum.failed + p.failed });
    }
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/** The whole recorded history; changes identity on every new answer. */
export function useSeriesHistory(): ReadonlyMap<string, readonly SeriesPoint[]> {
  return useSyncExternalStore(
    subscribe,
    () => history,
    () => history,
  );
}
