/**
 * The resource kinds the dashboard watches, as a table that reads like documentation (style.md: declarative tables
 * over branching). The watch cache, discovery and the readyz page are all driven by this table.
 *
 * Versions: each kind lists the versions it may be served at, preferred first; discovery picks the first one the
 * cluster serves. Istio promoted its networking, security and telemetry APIs to `v1` in Istio 1.22; older Istio
 * serves networking and security at `v1beta1` (networking also at `v1alpha3`) and Telemetry only at `v1alpha1`.
 * Gateway API serves GatewayClass, Gateway and HTTPRoute at `v1` since v1.0, `v1beta1` before. GatewayClasses are
 * watched for `istio.io/waypoint-for` and the controller of a waypoint's class (lib/istio/waypoint.ts).
 */

/** The table key of a watched kind: the resource's plural name, as kubectl spells it. */
export type KindName =
  | 'namespaces'
  | 'pods'
  | 'services'
  | 'deployments'
  | 'daemonsets'
  | 'gatewayclasses'
  | 'gateways'
  | 'httproutes'
  | 'virtualservices'
  | 'destinationrules'
  | 'authorizationpolicies'
  | 'peerauthentications'
  | 'requestauthentications'
  | 'serviceentries'
  | 'telemetries';

/** Which product installs the kind; a family whose kinds are all missing is "not installed". */
export type KindFamily = 'kubernetes' | 'gateway-api' | 'istio';

/** One row of the table. */
export interface WatchedKind {
  readonly name: KindName;
  /** API group; `''` is the core group (served under `/api/v1`). */
  readonly group: string;
  /** Versions to accept, preferred first. */
  readonly versions: readonly string[];
  /** The resource's plural name, as in the URL path. */
  readonly plural: string;
  /** The `kind` field of the objects. */
  readonly kind: string;
  readonly namespaced: boolean;
  readonly family: KindFamily;
}

const istioNetworking = ['v1', 'v1beta1', 'v1alpha3'] as const;
const istioSecurity = ['v1', 'v1beta1'] as const;
const gatewayApi = ['v1', 'v1beta1'] as const;

function row(
  name: KindName,
  kind: string,
  group: string,
  versions: readonly string[],
  family: KindFamily,
  namespaced = true,
): WatchedKind {
  return { name, kind, group, versions, plural: name, namespaced, family };
}

/** Every kind the watch cache keeps, in the order they are listed on the readyz page. */
export const WATCHED_KINDS: readonly WatchedKind[] = [
  row('namespaces', 'Namespace', '', ['v1'], 'kubernetes', false),
  row('pods', 'Pod', '', ['v1'], 'kubernetes'),
  row('services', 'Service', '', ['v1'], 'kubernetes'),
  row('deployments', 'Deployment', 'apps', ['v1'], 'kubernetes'),
  row('daemonsets', 'DaemonSet', 'apps', ['v1'], 'kubernetes'),
  row('gatewayclasses', 'GatewayClass', 'gateway.networking.k8s.io', gatewayApi, 'gateway-api', false),
  row('gateways', 'Gateway', 'gateway.networking.k8s.io', gatewayApi, 'gateway-api'),
  row('httproutes', 'HTTPRoute', 'gateway.networking.k8s.io', gatewayApi, 'gateway-api'),
  row('virtualservices', 'VirtualService', 'networking.istio.io', istioNetworking, 'istio'),
  row('destinationrules', 'DestinationRule', 'networking.istio.io', istioNetworking, 'istio'),
  row('serviceentries', 'ServiceEntry', 'networking.istio.io', istioNetworking, 'istio'),
  row('authorizationpolicies', 'AuthorizationPolicy', 'security.istio.io', istioSecurity, 'istio'),
  row('peerauthentications', 'PeerAuthentication', 'security.istio.io', istioSecurity, 'istio'),
  row('requestauthentications', 'RequestAuthentication', 'security.istio.io', istioSecurity, 'istio'),
  row('telemetries', 'Telemetry', 'telemetry.istio.io', ['v1', 'v1alpha1'], 'istio'),
];

/** A person's name for each family, used in "… not installed" messages. */
export const FAMILY_LABELS: Readonly<Record<KindFamily, string>> = {
  kubernetes: 'Kubernetes',
  'gateway-api': 'Gateway API',
  istio: 'Istio',
};

/** The table row for a kind name; throws for a name that is not in the table (a programming error). */
export function watchedKind(name: KindName, kinds: readonly WatchedKind[] = WATCHED_KINDS): WatchedKind {
  const found = kinds.find((k) => k.name === name);
  if (!found) throw new Error(`unknown watched kind: ${name}`);
  return found;
}

/** `apps/v1` for a group and version, `v1` for the core group. */
export function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}
