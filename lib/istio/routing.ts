import { hostIndexMemo } from './host-index';
import { httpRouteAttaches, routeByHttpRoutes, type HttpRouteSpec } from './http-route';
import { type KubeObject } from '@/lib/kube/object';
import { type RouteDecision, type RouteRequest, type RoutingCatalog } from './routing-types';
import { routeByVirtualService, virtualServiceFor } from './virtual-service';

/** HTTPRoutes by the Services their `parentRefs` name (as `name.namespace`). */
const routesByParent = hostIndexMemo((route) =>
  ((route as KubeObject<HttpRouteSpec>).spec?.parentRefs ?? [])
    .filter((ref) => ref.kind === 'Service')
    .map((ref) => `${ref.name}.${ref.namespace ?? route.metadata.namespace ?? ''}`),
);

/**
 * The route of an HTTP request to a Service port, as the Envoy doing L7 (a waypoint, or a sidecar client) picks it:
 * 1. HTTPRoutes attached to the Service (GAMMA `parentRef` of kind Service), when there are any;
 * 2. otherwise the VirtualService bound to `mesh` whose hosts cover the Service;
 * 3. otherwise the Service itself (`default`).
 * Istio calls mixing an HTTPRoute and a VirtualService for one host undefined behaviour; this function picks the
 * HTTPRoute, the documented path in ambient, so the answer is deterministic.
 */
export function routeFor(request: RouteRequest, catalog: RoutingCatalog): RouteDecision {
  const routes = routesByParent(catalog.httpRoutes)
    .lookup(request.service)
    .filter((r) => httpRouteAttaches(r, request.service, request.port));
  if (routes.length > 0) return routeByHttpRoutes(routes, request);
  const vs = virtualServiceFor(catalog.virtualServices, request.service);
  if (vs !== undefined) return routeByVirtualService(vs, request, catalog);
  return {
    kind: 'default',
    destinations: [{ service: request.service, subsetLabels: null, missingSubset: false, share: 1 }],
    fault: null,
    retries: null,
    timeoutMs: null,
    reason: 'no VirtualService or HTTPRoute for the host',
  };
}
