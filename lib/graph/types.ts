import type { SourceErrorDTO } from '@/lib/source-error';

/**
 * The service graph as `GET /api/graph` answers it. Edges are logical: one edge per caller and callee (per
 * protocol and layer), with `via` naming the waypoint it passed through. Drawing a waypoint as a node that edges
 * run through, or hiding it and joining the edges, is a view of this model (see `lib/graph/view.ts`), not another
 * answer.
 */
export interface GraphResponse {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** What could not be read (a source down, a query refused); the rest is still returned. */
  errors: SourceErrorDTO[];
  meta: GraphMeta;
}

/** What a node stands for. `external`: outside the cluster; `unknown`: a caller the telemetry could not name. */
export type NodeKind = 'workload' | 'app' | 'service' | 'waypoint' | 'gateway' | 'external' | 'unknown';

/** How the node's pods are in the mesh (ambient: captured by ztunnel). */
export type Dataplane = 'ambient' | 'sidecar' | 'none';

/**
 * Health from the traffic (see docs/graph-api.md for thresholds): idle when nothing was seen in the window;
 * unknown when there is nothing to judge (a node nothing came into).
 */
export type Health = 'healthy' | 'degraded' | 'failing' | 'idle' | 'unknown';

export interface GraphNode {
  /** Stable across refreshes, e.g. `workload:bookinfo/reviews-v2`, `service:bookinfo/reviews`, `unknown`. */
  id: string;
  kind: NodeKind;
  /** Empty for `external` and `unknown`. */
  namespace: string;
  /** Workload, app or service name, as the graph type says. */
  name: string;
  /** The `app` label (Istio's canonical service); null when unknown. */
  app: string | null;
  /** The `version` label (canonical revision); null when unknown or for app and service nodes. */
  version: string | null;
  dataplane: Dataplane;
  /** The waypoint that serves it (effective, after label precedence), or null. */
  waypoint: { name: string; namespace: string } | null;
  health: Health;
  /** Badges from configuration, for people to spot at a glance. */
  badges: {
    /** An AuthorizationPolicy with L7 rules applies here (at its waypoint or sidecar). */
    l7Policy: boolean;
    /** A VirtualService (or HTTPRoute) routes to this service. */
    virtualService: boolean;
  };
  /** Requests per second into the node (L7), summed over its incoming edges. */
  inboundRps: number;
  /** Requests per second out of the node (L7), summed over its outgoing edges. */
  outboundRps: number;
}

export interface GraphEdge {
  /** Stable across refreshes: `${source}->${target}|${protocol}|${layer}`. */
  id: string;
  /** Node id of the caller. */
  source: string;
  /** Node id of the callee. */
  target: string;
  protocol: 'http' | 'grpc' | 'tcp';
  /**
   * L7: request metrics from a waypoint or sidecar; L4: connection metrics (ztunnel's, or Envoy's for TCP
   * services).
   */
  layer: 'L7' | 'L4';
  /** Node id of the waypoint the traffic passed through, or null. */
  via: string | null;
  /** L7 requests per second over the window; 0 for L4 edges. */
  requestsPerSecond: number;
  /** Share of L7 requests that failed (5xx, or gRPC status other than 0), 0..1; 0 for L4 edges. */
  errorRate: number;
  /** Requests per second by response code (`"200"`, `"503"`, `"0"` for refused connections). */
  responseCodes: Record<string, number>;
  /** Latency percentiles in milliseconds for L7 edges; null for L4 edges or when no request completed. */
  latencyMs: { p50: number; p95: number; p99: number } | null;
  /** Bytes per second both ways (TCP metrics); null when the edge has no TCP telemetry. */
  bytesPerSecond: number | null;
  /**
   * Share 0..1 of the traffic seen with `connection_security_policy="mutual_tls"` over the window: of requests
   * (L7), of closed connections (L4), else of bytes. The page shows the recent share instead when there is one
   * (see {@link EdgeRecent} and `shownMtls` in `lib/graph/mtls.ts`).
   */
  mtls: number;
  /** SPIFFE identities seen for the caller and the callee (`unknown` excluded). */
  sourcePrincipals: string[];
  destinationPrincipals: string[];
  /**
   * Judged over the window and, when the answer has a recent sub-window, over it too: the worse of the two, so
   * a fault shows at once and a past one stays until the window no longer holds it.
   */
  health: Health;
  /**
   * The same edge over the recent sub-window at the end of the window (`recent` parameter); null when none was
   * asked for or the edge had no traffic in it (no requests for L7, no connection opened for L4). Absent from
   * answers recorded before it existed, which read as null.
   */
  recent?: EdgeRecent | null;
}

/** An edge's figures over the recent sub-window, judged like the window's but on fewer reads. */
export interface EdgeRecent {
  /** Length of the sub-window, in seconds (it ends where the window ends). */
  seconds: number;
  /** L7 requests per second over the sub-window; 0 for L4 edges. */
  requestsPerSecond: number;
  /** Share 0..1 of those requests that failed (5xx, code 0, gRPC status other than 0); 0 for L4 edges. */
  errorRate: number;
  /**
   * Share 0..1 over mutual TLS: of the requests (L7), of the connections opened in the sub-window (L4). A
   * client-reported L7 edge takes ztunnel's share for the pair, else the window's.
   */
  mtls: number;
}

export type GraphType = 'workload' | 'app' | 'service';
export type GraphLayers = 'l4' | 'l7' | 'both';

export interface GraphMeta {
  /** The namespaces asked for (`*` for all). */
  namespaces: string[] | '*';
  /** The window in seconds. */
  windowSeconds: number;
  /**
   * The recent sub-window at the end of the window, in seconds, over which edges were also judged (see
   * `GraphEdge.recent`); null when none was asked for. Absent from answers recorded before it existed.
   */
  recentSeconds?: number | null;
  /** End of the window, ISO-8601. */
  end: string;
  graphType: GraphType;
  layers: GraphLayers;
  /** Metric queries issued to build this answer (the same count whatever the number of namespaces). */
  queries: number;
  /** Server time to build the answer, in milliseconds. */
  durationMs: number;
}
