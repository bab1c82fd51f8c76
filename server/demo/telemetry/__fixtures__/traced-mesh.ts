/**
 * Traces made by the demo mesh's own span builder (the shapes Istio's Envoys make) over a small mesh, with the
 * graph nodes and edges that stand for the same workloads: for testing the way between graph and traces.
 */
import { workloadNodeId, edgeId } from '@/lib/graph/ids';
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { seededRandom } from '@/lib/random';
import { assembleTrace } from '@/lib/traces/assemble';
import type { Trace } from '@/lib/traces/types';
import type { Endpoint, TraceHop } from '@/server/demo/model/traffic';
import {
  ingress,
  legacyClient,
  legacyServer,
  productpage,
  ratings,
  reviews,
  traceHop,
  waypoint,
} from './mesh';
import { looksLikeGateway } from '../demo-telemetry';
import { spansOf } from '../spans';

const START = 1_800_000_000_000;
export const sidecarProductpage: Endpoint = { ...productpage, dataplane: 'sidecar' };

function hop(source: Endpoint | null, destination: Endpoint, rest: Partial<TraceHop> = {}): TraceHop {
  return traceHop(source, destination, { startMs: START, ...rest });
}

/** A trace of one request tree, spans made as the demo mesh makes them. */
export function traceOf(traceId: string, root: TraceHop): Trace {
  const spans = spansOf({ traceId, root }, { isGateway: looksLikeGateway, random: seededRandom(traceId) });
  return assembleTrace(traceId, spans, { partial: false });
}

/**
 * ingress (gateway) -> productpage (sidecar) -> reviews-v2 (ambient, through the waypoint) -> ratings (ambient,
 * no waypoint on that hop); `reviewsCode` is what the waypoint answered for reviews and `reviewsMs` how long it took.
 */
export function bookinfoTrace(traceId: string, reviewsCode = 200, reviewsMs = 10): Trace {
  return traceOf(
    traceId,
    hop(ingress, sidecarProductpage, {
      durationMs: 60,
      children: [
        hop(sidecarProductpage, reviews, {
          waypoint,
          startMs: START + 5,
          durationMs: reviewsMs,
          responseCode: reviewsCode,
          children: reviewsCode === 200 ? [hop(reviews, ratings, { startMs: START + 8, durationMs: 5 })] : [],
        }),
      ],
    }),
  );
}

/** orders (sidecar) -> inventory (sidecar) in `legacy`, answered with `code`. */
export function legacyTrace(traceId: string, code = 200): Trace {
  return traceOf(traceId, hop(legacyClient, legacyServer, { responseCode: code }));
}

function node(e: Endpoint, rest: Partial<GraphNode> = {}): GraphNode {
  return {
    id: workloadNodeId(e.namespace, e.workload),
    kind: 'workload',
    namespace: e.namespace,
    name: e.workload,
    app: e.app,
    version: e.version,
    dataplane: e.dataplane === 'none' ? 'none' : e.dataplane,
    waypoint: null,
    health: 'healthy',
    badges: { l7Policy: false, virtualService: false },
    inboundRps: 1,
    outboundRps: 1,
    ...rest,
  };
}

const bookinfoWaypoint = { name: 'waypoint', namespace: 'bookinfo' };

/** The workload graph's nodes for those workloads. */
export const NODES = {
  ingress: node(ingress, { kind: 'gateway', app: 'istio-ingressgateway' }),
  productpage: node(sidecarProductpage),
  reviews: node(reviews, { waypoint: bookinfoWaypoint }),
  ratings: node(ratings, { waypoint: bookinfoWaypoint }),
  waypoint: node(waypoint, { kind: 'waypoint', dataplane: 'ambient' }),
  orders: node(legacyClient),
  inventory: node(legacyServer),
} satisfies Record<string, GraphNode>;

/** A logical edge between two of the nodes. */
export function edge(
  source: GraphNode,
  target: GraphNode,
  rest: Partial<GraphEdge> & Pick<GraphEdge, 'protocol' | 'layer'>,
): GraphEdge {
  return {
    id: edgeId(source.id, target.id, rest.protocol, rest.layer),
    source: source.id,
    target: target.id,
    via: null,
    requestsPerSecond: 1,
    errorRate: 0,
    responseCodes: { '200': 1 },
    latencyMs: { p50: 5, p95: 12.5, p99: 20 },
    bytesPerSecond: null,
    mtls: 1,
    sourcePrincipals: [],
    destinationPrincipals: [],
    health: 'healthy',
    ...rest,
  };
}

/** Every node, by id. */
export const NODE_MAP: ReadonlyMap<string, GraphNode> = new Map(Object.values(NODES).map((n) => [n.id, n]));
