/**
 * Callers, callees and inbound rates of a workload from the workload graph's edges (`GET /api/graph`, each call
 * already counted once by the graph's de-duplication): the L7 and L4 edges of one peer merged into one row. Pure.
 */
import type { GraphEdge } from '@/lib/graph/types';
import type { InboundStats, PeerRow } from './detail-types';

/** The workload a graph node id names (`workload:ns/name`), or null for any other node. */
export function workloadOfNode(id: string): { namespace: string; name: string } | null {
  const m = /^workload:([^/]+)\/(.+)$/.exec(id);
  return m?.[1] !== undefined && m[2] !== undefined ? { namespace: m[1], name: m[2] } : null;
}

interface Sums {
  layers: Set<'L7' | 'L4'>;
  via: string | null;
  requests: number;
  failed: number;
  p95: number | null;
  bytes: number | null;
  mtls: number;
}

function sum(edges: readonly GraphEdge[]): Sums {
  const s: Sums = { layers: new Set(), via: null, requests: 0, failed: 0, p95: null, bytes: null, mtls: 1 };
  for (const edge of edges) {
    s.layers.add(edge.layer);
    s.via ??= edge.via;
    s.requests += edge.requestsPerSecond;
    s.failed += edge.requestsPerSecond * edge.errorRate;
    if (edge.latencyMs !== null) s.p95 = Math.max(s.p95 ?? 0, edge.latencyMs.p95);
    if (edge.bytesPerSecond !== null) s.bytes = (s.bytes ?? 0) + edge.bytesPerSecond;
    s.mtls = Math.min(s.mtls, edge.mtls);
  }
  return s;
}

/** Busiest first: requests, then bytes, then by node id. */
function byTraffic(a: PeerRow, b: PeerRow): number {
  return (
    b.requestsPerSecond - a.requestsPerSecond ||
    (b.bytesPerSecond ?? 0) - (a.bytesPerSecond ?? 0) ||
    a.node.localeCompare(b.node)
  );
}

/** The peers on the other end of a node's edges: its callers (`into`) or its callees (`out`). */
export function peersOf(edges: readonly GraphEdge[], node: string, side: 'callers' | 'callees'): PeerRow[] {
  const byPeer = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const [self, peer] = side === 'callers' ? [edge.target, edge.source] : [edge.source, edge.target];
    if (self !== node || peer === node) continue;
    byPeer.set(peer, [...(byPeer.get(peer) ?? []), edge]);
  }
  return [...byPeer]
    .map(([peer, list]): PeerRow => {
      const s = sum(list);
      return {
        node: peer,
        workload: workloadOfNode(peer),
        layers: (['L7', 'L4'] as const).filter((l) => s.layers.has(l)),
        via: s.via,
        requestsPerSecond: s.requests,
        errorShare: s.requests > 0 ? s.failed / s.requests : 0,
        p95Ms: s.requests > 0 ? s.p95 : null,
        bytesPerSecond: s.bytes,
        mtlsShare: s.mtls,
      };
    })
    .sort(byTraffic);
}

/** A node's inbound traffic over the window: its incoming edges summed (the highest p95, the lowest mTLS share). */
export function inboundStats(edges: readonly GraphEdge[], node: string): InboundStats {
  const into = edges.filter((e) => e.target === node && e.source !== node);
  const s = sum(into);
  return {
    requestsPerSecond: s.requests,
    errorShare: s.requests > 0 ? s.failed / s.requests : 0,
    p95Ms: s.requests > 0 ? s.p95 : null,
    bytesPerSecond: s.bytes,
    mtlsShare: into.length === 0 ? null : s.mtls,
  };
}
