/**
 * The last step: the completed graph model becomes the DTO's nodes and edges (`lib/graph/types.ts`), sorted by id
 * so that equal graphs serialise equally.
 */
import { failureClassOf } from '@/lib/graph/health';
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { mtlsShare, type EdgeDraft, type GraphModel } from './model';

function errorRate(edge: EdgeDraft): number {
  const { requests, responseCodes, grpcErrors } = edge.totals;
  if (edge.layer !== 'L7' || !(requests > 0)) return 0;
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

function edgeDto(edge: EdgeDraft): GraphEdge {
  const { totals } = edge;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    protocol: edge.protocol,
    layer: edge.layer,
    via: edge.via,
    requestsPerSecond: edge.layer === 'L7' ? totals.requests : 0,
    errorRate: errorRate(edge),
    responseCodes: { ...totals.responseCodes },
    latencyMs: latencyMs(edge),
    bytesPerSecond: totals.bytes,
    mtls: mtlsShare(totals, edge.layer),
    sourcePrincipals: [...totals.sourcePrincipals].sort(),
    destinationPrincipals: [...totals.destinationPrincipals].sort(),
    health: edge.health,
  };
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The DTO's nodes and edges. */
export function toResponse(graph: GraphModel): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = [...graph.nodes.values()].map(
    ({ workloads: _workloads, services: _services, ...node }): GraphNode => node,
  );
  return { nodes: nodes.sort(byId), edges: [...graph.edges.values()].map(edgeDto).sort(byId) };
}
