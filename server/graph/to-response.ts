/**
 * The last step: the completed graph model becomes the DTO's nodes and edges (`lib/graph/types.ts`), sorted by id
 * so that equal graphs serialise equally.
 */
import { failureClassOf } from '@/lib/graph/health';
import type { EdgeRecent, GraphEdge, GraphNode } from '@/lib/graph/types';
import { mtlsShare, type EdgeDraft, type EdgeTotals, type GraphModel } from './model';

function errorRate(totals: EdgeTotals, layer: EdgeDraft['layer']): number {
  const { requests, responseCodes, grpcErrors } = totals;
  if (layer !== 'L7' || !(requests > 0)) return 0;
  let failed = grpcErrors;
  for (const [code, rate] of Object.entries(responseCodes))
    if (failureClassOf(code) === '5xx') failed += rate;
  return Math.min(1, failed / requests);
}

function latencyMs(edge: EdgeDraft): GraphEdge['latencyMs'] {
  const latency = edge.totals.latency;
  if (edge.layer !== 'L7' || latency === null || !(latency.weight > 0)) return null;
  const { p50, p95, p99, weight } = latency;
  return { p50: p50 / weight, p95: p95 / weight, p99: p99 / weight };
}

/** The recent sub-window's figures, when one was read and the edge had traffic in it (requests, or connections). */
function recentDto(edge: EdgeDraft, seconds: number | null): EdgeRecent | null {
  const recent = edge.recent;
  if (seconds === null || recent === null) return null;
  const l7 = edge.layer === 'L7';
  if (!((l7 ? recent.requests : recent.connections) > 0)) return null;
  return {
    seconds,
    requestsPerSecond: l7 ? recent.requests : 0,
    errorRate: errorRate(recent, edge.layer),
    mtls: mtlsShare(recent, edge.layer),
  };
}

function edgeDto(edge: EdgeDraft, recentSeconds: number | null): GraphEdge {
  const { totals } = edge;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    protocol: edge.protocol,
    layer: edge.layer,
    via: edge.via,
    requestsPerSecond: edge.layer === 'L7' ? totals.requests : 0,
    errorRate: errorRate(totals, edge.layer),
    responseCodes: { ...totals.responseCodes },
    latencyMs: latencyMs(edge),
    bytesPerSecond: totals.bytes,
    mtls: mtlsShare(totals, edge.layer),
    sourcePrincipals: [...totals.sourcePrincipals].sort(),
    destinationPrincipals: [...totals.destinationPrincipals].sort(),
    health: edge.health,
    recent: recentDto(edge, recentSeconds),
  };
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The DTO's nodes and edges; `recentSeconds` is the recent sub-window that was read (null for none), which
 * every edge with traffic in it reports with its figures.
 */
export function toResponse(
  graph: GraphModel,
  recentSeconds: number | null = null,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = [...graph.nodes.values()].map(
    ({ workloads: _workloads, services: _services, ...node }): GraphNode => node,
  );
  const edges = [...graph.edges.values()].map((edge) => edgeDto(edge, recentSeconds));
  return { nodes: nodes.sort(byId), edges: edges.sort(byId) };
}
