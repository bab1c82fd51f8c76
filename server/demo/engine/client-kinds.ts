/**
 * How each kind of client sends traffic into the mesh, as a table (docs/istio-ambient.md, "Data plane in one
 * paragraph"). The kind of a pod group comes from its data plane and, for gateways, its labels.
 */
import type { Dataplane } from '../model/traffic';
import type { ClientKind } from './nodes';

/** What a client kind does. */
export interface ClientTraits {
  /** Has a mesh identity and speaks mTLS (HBONE or Envoy mTLS) to in-mesh destinations. */
  inMesh: boolean;
  /** Applies mesh routing (VirtualService/HTTPRoute) itself: sidecar mode. */
  routesAtClient: boolean;
  /** When it sends through a Service's waypoint: always, only with `istio.io/ingress-use-waypoint`, or never. */
  waypoint: 'always' | 'ingress-label' | 'never';
  /** Is an Envoy: on a refused upstream connection it answers its own client 503 `UF`. */
  envoy: boolean;
}

/** The table. */
export const CLIENT_TRAITS: Record<ClientKind, ClientTraits> = {
  /** The internet in front of an ingress gateway, or anything else outside the cluster. */
  outside: { inMesh: false, routesAtClient: false, waypoint: 'never', envoy: false },
  /** A pod outside the mesh: plaintext, straight to a pod of the Service. */
  plain: { inMesh: false, routesAtClient: false, waypoint: 'never', envoy: false },
  /** A pod captured by ztunnel: HBONE, through the Service's waypoint when it has one. */
  ztunnel: { inMesh: true, routesAtClient: false, waypoint: 'always', envoy: false },
  /**
   * A sidecar pod: its Envoy routes (VirtualService with `sourceLabels`, faults, retries, timeouts) and sends straight
   * to the destination's pods (HBONE to ambient ones), never through a waypoint: the waypoint sees nothing of it and
   * its policies are not enforced (istio.io, "Migrate from Sidecar to Ambient", known limitations; istio/istio
   * pilot/pkg/xds/endpoints/endpoint_builder.go `findServiceWaypoint` gives waypoints only to ingress gateways that
   * opt in and to east-west gateways).
   */
  sidecar: { inMesh: true, routesAtClient: true, waypoint: 'never', envoy: true },
  /**
   * An ingress/egress gateway: Envoy with a mesh identity; mesh-bound VirtualServices do not apply to it (they
   * would need `gateways:`), and it skips waypoints unless the Service or namespace opts in.
   */
  gateway: { inMesh: true, routesAtClient: false, waypoint: 'ingress-label', envoy: true },
};

/** Labels that mark a gateway's pods (Istio's classic gateways, and Gateway API deployments). */
const GATEWAY_LABELS: readonly [key: string, values: readonly string[] | null][] = [
  ['istio', ['ingressgateway', 'egressgateway']],
  ['gateway.istio.io/managed', ['istio.io-gateway-controller']],
];

/** The client kind of a pod group. */
export function clientKindOf(dataplane: Dataplane, labels: Readonly<Record<string, string>>): ClientKind {
  const gateway = GATEWAY_LABELS.some(([key, values]) => {
    const value = labels[key];
    return value !== undefined && (values === null || values.includes(value));
  });
  if (gateway) return 'gateway';
  const byDataplane: Record<Dataplane, ClientKind> = {
    ambient: 'ztunnel',
    sidecar: 'sidecar',
    none: 'plain',
  };
  return byDataplane[dataplane];
}
