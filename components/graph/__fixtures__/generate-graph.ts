import type { GraphEdge, GraphNode, GraphResponse } from '@/lib/graph/types';
import { seededRandom } from '@/lib/random';

/**
 * A large answer shaped like the demo's scale mode, for measuring the page: `workloads` nodes in namespaces of 20,
 * each with a waypoint for every other namespace, about 3.5 calls per workload down five tiers, 30% across
 * namespaces, a few failing.
 */
export function generateGraph(workloads: number, seed = 7): GraphResponse {
  const rand = seededRandom(seed);
  const namespaces = Math.max(1, Math.round(workloads / 20));
  const nodes: GraphNode[] = [];
  const waypoints = new Map<number, string>();
  for (let ns = 0; ns < namespaces; ns += 2) {
    const id = `workload:ns-${ns}/waypoint`;
    waypoints.set(ns, id);
    nodes.push(node(id, 'waypoint', `ns-${ns}`, 'waypoint', null));
  }
  for (let i = 0; i < workloads; i++) {
    const ns = i % namespaces;
    const wp = waypoints.has(ns) ? { name: 'waypoint', namespace: `ns-${ns}` } : null;
    nodes.push(node(`workload:ns-${ns}/svc-${i}`, 'workload', `ns-${ns}`, `svc-${i}-v1`, wp));
  }
  const tier = (i: number): number => Math.floor(i / namespaces) % 5;
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < workloads * 3.5) {
    const s = Math.floor(rand() * workloads);
    const t0 = Math.floor(rand() * workloads);
    const t = rand() < 0.7 ? t0 - (t0 % namespaces) + (s % namespaces) : t0;
    if (t >= workloads || s === t || tier(t) <= tier(s) || seen.has(`${s}>${t}`)) continue;
    seen.add(`${s}>${t}`);
    const source = `workload:ns-${s % namespaces}/svc-${s}`;
    const target = `workload:ns-${t % namespaces}/svc-${t}`;
    const rps = Math.round(rand() * 500) / 100;
    const errorRate = rand() < 0.05 ? Math.round(rand() * 300) / 1000 : 0;
    edges.push({
      id: `${source}->${target}|http|L7`,
      source,
      target,
      protocol: 'http',
      layer: 'L7',
      via: waypoints.get(t % namespaces) ?? null,
      requestsPerSecond: rps,
      errorRate,
      responseCodes: { '200': rps * (1 - errorRate), '503': rps * errorRate },
      latencyMs: { p50: 5, p95: 20 + Math.round(rand() * 200), p99: 300 },
      bytesPerSecond: rps * 800,
      mtls: 1,
      sourcePrincipals: [],
      destinationPrincipals: [],
      health: errorRate >= 0.1 ? 'failing' : errorRate > 0 ? 'degraded' : 'healthy',
    });
  }
  return {
    nodes,
    edges,
    errors: [],
    meta: {
      namespaces: '*',
      windowSeconds: 300,
      end: '2026-06-01T03:00:00.000Z',
      graphType: 'workload',
      layers: 'both',
      queries: 9,
      durationMs: 0,
    },
  };
}

function node(
  id: string,
  kind: GraphNode['kind'],
  namespace: string,
  name: string,
  waypoint: GraphNode['waypoint'],
): GraphNode {
  return {
    id,
    kind,
    namespace,
    name,
    app: name.replace(/-v\d+$/, ''),
    version: kind === 'waypoint' ? null : 'v1',
    dataplane: kind === 'waypoint' ? 'none' : 'ambient',
    waypoint,
    health: 'healthy',
    badges: { l7Policy: false, virtualService: false },
    inboundRps: 0,
    outboundRps: 0,
  };
}
