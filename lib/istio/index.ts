/**
 * Istio semantics as pure functions, shared by the demo mesh's traffic engine and the dashboard's mesh posture and
 * policy pages: capture, waypoints, PeerAuthentication, AuthorizationPolicy, and HTTP routing.
 */
export { evaluateAuthorization } from './authorization';
export { ruleHasL7, ruleMatches, type Layer } from './authorization-match';
export { policiesAt, targetRefsOf } from './authorization-scope';
export type * from './authorization-types';
export { dataplaneOf, type Dataplane, type DataplaneDecision } from './dataplane';
export { destinationRuleFor, subsetLabels, type DestinationRuleSpec } from './destination-rule';
export { parseIstioDuration } from './duration';
export { fqdnOf, hostCoversService, serviceFqdn, serviceOfFqdn, type ServiceRef } from './host';
export { httpRouteAttaches, routeByHttpRoutes, type HttpRouteSpec } from './http-route';
export {
  CLUSTER_DOMAIN,
  ISTIO_KEYS,
  ROOT_NAMESPACE,
  TRUST_DOMAIN,
  WAYPOINT_CLASS,
  WAYPOINT_CONTROLLER,
  principalOf,
} from './labels';
export {
  effectivePeerAuthentication,
  mtlsModeForPort,
  type EffectivePeerAuthentication,
  type MtlsMode,
  type PeerAuthenticationSpec,
} from './peer-authentication';
export { portProtocol, type PortProtocol, type ServicePortLike } from './protocol';
export { routeFor } from './routing';
export type * from './routing-types';
export { matchesLabels, matchesSelector, type LabelSelector, type Labels } from './selector';
export { cidrMatch, hostMatch, wildcardMatch } from './string-match';
export {
  httpMatchAccepts,
  routeByVirtualService,
  virtualServiceFor,
  type VirtualServiceSpec,
} from './virtual-service';
export {
  effectiveWaypoint,
  isWaypointGateway,
  waypointTrafficType,
  waypointTrafficTypeOf,
  type WaypointCatalog,
  type WaypointResolution,
  type WaypointStatus,
  type WaypointSubject,
  type WaypointTrafficType,
  type WaypointTrafficTypeSource,
} from './waypoint';
