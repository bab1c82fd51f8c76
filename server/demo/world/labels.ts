/**
 * The label and annotation keys, images and versions the demo world writes, in one place (see
 * docs/istio-ambient.md, "Enrollment and waypoint labels").
 */

/** Istio release the simulated control plane reports (istiod image tag). */
export const ISTIO_VERSION = '1.28.0';

/** Kubernetes release the simulated nodes report. */
export const KUBELET_VERSION = 'v1.32.2';

/** Images of Istio's components, tagged {@link ISTIO_VERSION}. */
export const ISTIO_IMAGES = {
  pilot: `docker.io/istio/pilot:${ISTIO_VERSION}`,
  proxy: `docker.io/istio/proxyv2:${ISTIO_VERSION}`,
  ztunnel: `docker.io/istio/ztunnel:${ISTIO_VERSION}`,
  cni: `docker.io/istio/install-cni:${ISTIO_VERSION}`,
} as const;

/** Label and annotation keys. */
export const KEYS = {
  dataplaneMode: 'istio.io/dataplane-mode',
  useWaypoint: 'istio.io/use-waypoint',
  waypointFor: 'istio.io/waypoint-for',
  rev: 'istio.io/rev',
  injection: 'istio-injection',
  sidecarInject: 'sidecar.istio.io/inject',
  /** Annotation written by istio-cni on captured pods. */
  redirection: 'ambient.istio.io/redirection',
  /** Annotation written by the sidecar injector. */
  sidecarStatus: 'sidecar.istio.io/status',
  canonicalName: 'service.istio.io/canonical-name',
  canonicalRevision: 'service.istio.io/canonical-revision',
  tlsMode: 'security.istio.io/tlsMode',
  gatewayName: 'gateway.networking.k8s.io/gateway-name',
  gatewayClassName: 'gateway.networking.k8s.io/gateway-class-name',
  gatewayManaged: 'gateway.istio.io/managed',
  podTemplateHash: 'pod-template-hash',
  controllerRevisionHash: 'controller-revision-hash',
  namespaceName: 'kubernetes.io/metadata.name',
} as const;

/** Value of {@link KEYS.gatewayManaged} on the objects Istio deploys for a waypoint. */
export const MESH_CONTROLLER = 'istio.io-mesh-controller';

/** The GatewayClass of waypoints. */
export const WAYPOINT_CLASS = 'istio-waypoint';

/** The HBONE port a waypoint listens on. */
export const HBONE_PORT = 15008;

/**
 * Placeholder for every timestamp inside a world (conditions, start times). A world is a pure value with no clock;
 * `materializeWorld` replaces this string with the store's time.
 */
export const WORLD_TIME = '2000-01-01T00:00:00Z';
