/**
 * The labels and annotations Istio reads to decide enrollment and waypoints, as one table (docs/istio-ambient.md,
 * "Enrollment and waypoint labels"). Rules elsewhere in `lib/istio` refer to these names, never to string literals.
 */
export const ISTIO_KEYS = {
  /** Label on Namespace or Pod: `ambient` enrolls; `none` on a pod opts it out of an ambient namespace. */
  dataplaneMode: 'istio.io/dataplane-mode',
  /** Label on Namespace, Service, Pod…: the waypoint to use, or `none` to opt out. */
  useWaypoint: 'istio.io/use-waypoint',
  /** Label beside `use-waypoint`: the waypoint's namespace when it lives elsewhere. */
  useWaypointNamespace: 'istio.io/use-waypoint-namespace',
  /** Label on Namespace or Service: `"true"` sends ingress gateway traffic through the waypoint too. */
  ingressUseWaypoint: 'istio.io/ingress-use-waypoint',
  /** Label on Gateway or GatewayClass: `service` (default), `workload`, `all`, `none`. */
  waypointFor: 'istio.io/waypoint-for',
  /** Status annotation on Pod, written by istio-cni: `enabled` / `pending`; the truth about capture. */
  redirection: 'ambient.istio.io/redirection',
  /** Status annotation on sidecar-injected pods. */
  sidecarStatus: 'sidecar.istio.io/status',
  /** Label on a waypoint's (or gateway's) pods naming the Gateway. */
  gatewayName: 'gateway.networking.k8s.io/gateway-name',
  /** Label on a gateway's pods naming the controller (`istio.io-mesh-controller` for waypoints). */
  gatewayManaged: 'gateway.istio.io/managed',
} as const;

/** The namespace whose policies apply mesh-wide (Istio's `rootNamespace` default). */
export const ROOT_NAMESPACE = 'istio-system';

/** The GatewayClass of waypoints. */
export const WAYPOINT_CLASS = 'istio-waypoint';

/** The controller that owns waypoint GatewayClasses. */
export const WAYPOINT_CONTROLLER = 'istio.io/mesh-controller';

/** The trust domain of SPIFFE identities in the demo (Istio's default). */
export const TRUST_DOMAIN = 'cluster.local';

/** The DNS suffix of Services (`<name>.<namespace>.svc.<domain>`). */
export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * The principal Istio's AuthorizationPolicy matches for a workload identity: `cluster.local/ns/<ns>/sa/<sa>` (the
 * SPIFFE URI without `spiffe://`).
 */
export function principalOf(namespace: string, serviceAccount: string, trustDomain = TRUST_DOMAIN): string {
  return `${trustDomain}/ns/${namespace}/sa/${serviceAccount}`;
}
