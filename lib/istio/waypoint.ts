import { labelOf, type KubeObject } from '@/lib/kube/object';
import { ISTIO_KEYS, WAYPOINT_CLASS, WAYPOINT_CONTROLLER } from './labels';

/** Which traffic a waypoint handles (`istio.io/waypoint-for`). */
export type WaypointTrafficType = 'service' | 'workload' | 'all' | 'none';

/** Whether a Service (traffic addressed to it) or a workload/pod (traffic addressed to its IP) is asking. */
export type WaypointSubject = 'service' | 'workload';

/** How the waypoint resolution ended. */
export type WaypointStatus =
  'bound' | 'no-waypoint' | 'opted-out' | 'not-found' | 'not-a-waypoint' | 'wrong-traffic-type';

/** The effective waypoint of an object, with the reason in words. */
export interface WaypointResolution {
  /** The waypoint Gateway serving the object, or null. */
  waypoint: KubeObject | null;
  status: WaypointStatus;
  /** The waypoint the labels asked for, if any (`namespace/name`). */
  requested?: { namespace: string; name: string };
  /** Where the request came from: the object's own label or its namespace's. */
  from?: 'object' | 'namespace';
  /** For people: "inherited from namespace", "opted out with none", "ignored: this waypoint serves services only"… */
  reason: string;
}

/** The Gateways and GatewayClasses to look waypoints up in. */
export interface WaypointCatalog {
  gateways: readonly KubeObject[];
  gatewayClasses: readonly KubeObject[];
}

const TRAFFIC_TYPES: readonly WaypointTrafficType[] = ['service', 'workload', 'all', 'none'];

/** Which traffic types serve which subject. */
const SERVES: Record<WaypointSubject, readonly WaypointTrafficType[]> = {
  service: ['service', 'all'],
  workload: ['workload', 'all'],
};

/** Why a waypoint refuses a subject, by its traffic type. */
const REFUSAL_REASON: Record<WaypointTrafficType, string> = {
  service: 'ignored: this waypoint serves services only',
  workload: 'ignored: this waypoint serves workloads only',
  none: 'ignored: this waypoint serves no traffic (waypoint-for none)',
  all: '',
};

function gatewayClassName(gateway: KubeObject): string | undefined {
  return (gateway.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName;
}

function findClass(catalog: WaypointCatalog, name: string | undefined): KubeObject | undefined {
  return name === undefined ? undefined : catalog.gatewayClasses.find((c) => c.metadata.name === name);
}

function asTrafficType(value: string | undefined): WaypointTrafficType | undefined {
  return TRAFFIC_TYPES.find((type) => type === value);
}

/** True for a Gateway of class `istio-waypoint`, or of a class whose controller is Istio's mesh controller. */
export function isWaypointGateway(gateway: KubeObject, catalog: WaypointCatalog): boolean {
  const className = gatewayClassName(gateway);
  if (className === WAYPOINT_CLASS) return true;
  const controller = (findClass(catalog, className)?.spec as { controllerName?: string } | undefined)
    ?.controllerName;
  return controller === WAYPOINT_CONTROLLER;
}

/** Where a waypoint's traffic type was set: the Gateway's own label, its GatewayClass's, or neither. */
export type WaypointTrafficTypeSource = 'gateway' | 'gatewayclass' | 'default';

/**
 * A waypoint's traffic type and where it comes from: the Gateway's `istio.io/waypoint-for` label, else its
 * GatewayClass's, else `service` (docs/istio-ambient.md, "Precedence"). A label whose value is not a traffic type
 * is skipped, as istiod skips it.
 */
export function waypointTrafficTypeOf(
  gateway: KubeObject,
  catalog: WaypointCatalog,
): { type: WaypointTrafficType; from: WaypointTrafficTypeSource } {
  const own = asTrafficType(labelOf(gateway, ISTIO_KEYS.waypointFor));
  if (own !== undefined) return { type: own, from: 'gateway' };
  const gatewayClass = findClass(catalog, gatewayClassName(gateway));
  const inherited = gatewayClass && asTrafficType(labelOf(gatewayClass, ISTIO_KEYS.waypointFor));
  return inherited ? { type: inherited, from: 'gatewayclass' } : { type: 'service', from: 'default' };
}

/** A waypoint's traffic type: the Gateway's label, else its GatewayClass's, else `service`. */
export function waypointTrafficType(gateway: KubeObject, catalog: WaypointCatalog): WaypointTrafficType {
  return waypointTrafficTypeOf(gateway, catalog).type;
}

/** The waypoint an object's labels ask for, or why none: its own label beats its namespace's. */
function requestedWaypoint(
  object: KubeObject,
  namespace: KubeObject | undefined,
): Pick<WaypointResolution, 'requested' | 'from' | 'status' | 'reason'> {
  const rows: [from: 'object' | 'namespace', source: KubeObject | undefined][] = [
    ['object', object],
    ['namespace', namespace],
  ];
  for (const [from, source] of rows) {
    const name = source ? labelOf(source, ISTIO_KEYS.useWaypoint) : undefined;
    if (source === undefined || name === undefined || name === '') continue;
    if (name === 'none') {
      const reason = from === 'object' ? 'opted out with none' : 'namespace opted out with none';
      return { from, status: 'opted-out', reason };
    }
    const homeNamespace = from === 'object' ? object.metadata.namespace : namespace?.metadata.name;
    const waypointNamespace = labelOf(source, ISTIO_KEYS.useWaypointNamespace) ?? homeNamespace ?? '';
    const reason = from === 'object' ? 'set on the object' : 'inherited from namespace';
    return { from, status: 'bound', requested: { namespace: waypointNamespace, name }, reason };
  }
  return { status: 'no-waypoint', reason: 'no istio.io/use-waypoint label' };
}

/**
 * The effective waypoint of a Service (`subject: 'service'`) or a workload/pod (`subject: 'workload'`), following
 * docs/istio-ambient.md: the object's own `istio.io/use-waypoint` beats its namespace's, `none` opts out,
 * `istio.io/use-waypoint-namespace` points elsewhere, and the waypoint must serve the subject's traffic type (a
 * workload inheriting a service-only waypoint is silently not served by it).
 */
export function effectiveWaypoint(
  object: KubeObject,
  namespace: KubeObject | undefined,
  subject: WaypointSubject,
  catalog: WaypointCatalog,
): WaypointResolution {
  const asked = requestedWaypoint(object, namespace);
  const { requested } = asked;
  if (requested === undefined) return { waypoint: null, ...asked };
  const where = `${requested.namespace}/${requested.name}`;
  const gateway = catalog.gateways.find(
    (g) => g.metadata.name === requested.name && g.metadata.namespace === requested.namespace,
  );
  if (gateway === undefined) {
    return { waypoint: null, ...asked, status: 'not-found', reason: `waypoint not found: ${where}` };
  }
  if (!isWaypointGateway(gateway, catalog)) {
    const reason = `not a waypoint: ${where} has class ${gatewayClassName(gateway) ?? 'none'}`;
    return { waypoint: null, ...asked, status: 'not-a-waypoint', reason };
  }
  const trafficType = waypointTrafficType(gateway, catalog);
  if (!SERVES[subject].includes(trafficType)) {
    return { waypoint: null, ...asked, status: 'wrong-traffic-type', reason: REFUSAL_REASON[trafficType] };
  }
  return { waypoint: gateway, ...asked, reason: `${where}, ${asked.reason}` };
}
