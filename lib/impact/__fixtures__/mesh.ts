/**
 * A small observed mesh for impact tests: bookinfo behind a namespace waypoint, a sidecar pair in `legacy`, and
 * an out-of-mesh client calling `payments` in plaintext. Nodes and edges as the workload graph answers them.
 */
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import type { KubeObject } from '@/lib/kube/object';
import type { ImpactContext, ImpactDestination } from '../authorization-impact';

function node(
  namespace: string,
  name: string,
  app: string,
  dataplane: GraphNode['dataplane'],
  kind: GraphNode['kind'] = 'workload',
): GraphNode {
  return {
    id: `workload:${namespace}/${name}`,
    kind,
    namespace,
    name,
    app,
    version: 'v1',
    dataplane,
    waypoint: null,
    health: 'healthy',
    badges: { l7Policy: false, virtualService: false },
    inboundRps: 1,
    outboundRps: 1,
  };
}

export const N = {
  productpage: node('bookinfo', 'productpage-v1', 'productpage', 'ambient'),
  reviews2: node('bookinfo', 'reviews-v2', 'reviews', 'ambient'),
  reviews3: node('bookinfo', 'reviews-v3', 'reviews', 'ambient'),
  ratings: node('bookinfo', 'ratings-v1', 'ratings', 'ambient'),
  waypoint: node('bookinfo', 'waypoint', 'waypoint', 'ambient', 'waypoint'),
  orders: node('legacy', 'orders-v1', 'orders', 'sidecar'),
  inventory: node('legacy', 'inventory-v1', 'inventory', 'sidecar'),
  outsider: node('outside', 'client', 'client', 'none'),
  api: node('payments', 'api-v1', 'api', 'ambient'),
};

const spiffe = (ns: string, sa: string): string => `spiffe://cluster.local/ns/${ns}/sa/${sa}`;

function edge(source: GraphNode, target: GraphNode, rest: Partial<GraphEdge> = {}): GraphEdge {
  const protocol = rest.protocol ?? 'http';
  const layer = protocol === 'tcp' ? 'L4' : 'L7';
  return {
    id: `${source.id}->${target.id}|${protocol}|${layer}`,
    source: source.id,
    target: target.id,
    protocol,
    layer,
    via: null,
    requestsPerSecond: 2,
    errorRate: 0,
    responseCodes: { '200': 2 },
    latencyMs: null,
    bytesPerSecond: null,
    mtls: 1,
    sourcePrincipals: [spiffe(source.namespace, `bookinfo-${source.app ?? ''}`)],
    destinationPrincipals: [],
    health: 'healthy',
    ...rest,
  };
}

const via = N.waypoint.id;
export const E = {
  productpageToReviews2: edge(N.productpage, N.reviews2, { via, requestsPerSecond: 3 }),
  reviews2ToRatings: edge(N.reviews2, N.ratings, { via, requestsPerSecond: 3.3 }),
  reviews3ToRatings: edge(N.reviews3, N.ratings, { via, requestsPerSecond: 3.2 }),
  ordersToInventory: edge(N.orders, N.inventory, { sourcePrincipals: [spiffe('legacy', 'orders')] }),
  outsiderToApi: edge(N.outsider, N.api, {
    protocol: 'tcp',
    requestsPerSecond: 0,
    bytesPerSecond: 9_000,
    mtls: 0,
    sourcePrincipals: [],
  }),
  ordersToApi: edge(N.orders, N.api, {
    protocol: 'tcp',
    requestsPerSecond: 0,
    bytesPerSecond: 2_000,
    sourcePrincipals: [spiffe('legacy', 'orders')],
  }),
};

/** The context for those edges, with the given live policies. */
export function context(policies: KubeObject[] = []): ImpactContext {
  const nodes = new Map(Object.values(N).map((n) => [n.id, n]));
  const service = (namespace: string, name: string) => [{ namespace, name }];
  return {
    edges: Object.values(E),
    nodes,
    destinations: new Map<string, ImpactDestination>([
      [
        N.reviews2.id,
        { labels: { app: 'reviews', version: 'v2' }, services: service('bookinfo', 'reviews') },
      ],
      [N.ratings.id, { labels: { app: 'ratings', version: 'v1' }, services: service('bookinfo', 'ratings') }],
      [N.inventory.id, { labels: { app: 'inventory' }, services: service('legacy', 'inventory') }],
      [N.api.id, { labels: { app: 'api' }, services: service('payments', 'api') }],
    ]),
    waypoints: new Map([
      [
        via,
        { namespace: 'bookinfo', name: 'waypoint', className: 'istio-waypoint', serviceAccount: 'waypoint' },
      ],
    ]),
    policies,
  };
}

/** An AuthorizationPolicy. */
export function policy(namespace: string, name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { namespace, name },
    spec,
  } as KubeObject;
}

export const REVIEWS = 'cluster.local/ns/bookinfo/sa/bookinfo-reviews';
