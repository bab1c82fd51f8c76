/**
 * Builders of the service graph's edges (`GET /api/graph`, workload graph) as the Mesh page's views read them,
 * shaped as the demo mesh's answer: a waypoint's L7 edge with bytes, ztunnel's L4 edge with refused connections
 * under code `0`, SPIFFE principals.
 */
import { edgeId } from '@/lib/graph/ids';
import type { GraphEdge } from '@/lib/graph/types';

/** `spiffe://cluster.local/ns/<ns>/sa/<sa>`. */
export const spiffe = (ns: string, sa: string): string => `spiffe://cluster.local/ns/${ns}/sa/${sa}`;

/** An edge between two node ids; L7 unless `layer` says L4. Health follows the traffic (idle without any). */
export function edge(source: string, target: string, fields: Partial<GraphEdge> = {}): GraphEdge {
  const layer = fields.layer ?? 'L7';
  const protocol = fields.protocol ?? (layer === 'L7' ? 'http' : 'tcp');
  const requestsPerSecond = fields.requestsPerSecond ?? (layer === 'L7' ? 1 : 0);
  const responseCodes = fields.responseCodes ?? (layer === 'L7' ? { '200': requestsPerSecond } : {});
  const bytesPerSecond = fields.bytesPerSecond ?? (layer === 'L4' ? 1_000 : null);
  const traffic =
    requestsPerSecond > 0 || (bytesPerSecond ?? 0) > 0 || Object.values(responseCodes).some((v) => v > 0);
  return {
    id: edgeId(source, target, protocol, layer),
    source,
    target,
    protocol,
    layer,
    via: null,
    requestsPerSecond,
    errorRate: 0,
    responseCodes,
    latencyMs: null,
    bytesPerSecond,
    mtls: 1,
    sourcePrincipals: [],
    destinationPrincipals: [],
    health: traffic ? 'healthy' : 'idle',
    ...fields,
  };
}
