/**
 * Every resource kind the demo mesh's API server serves, in one declarative table. Discovery, routing, the store,
 * validation and `kubectl get` tables all read from here; adding a kind is adding a row.
 */

/** The verbs a resource answers to, as discovery reports them. */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** Subresources: `status` (read and written apart from the rest) and `scale` (autoscaling/v1 Scale view). */
export type Subresource = 'status' | 'scale';

/** One resource kind: where it lives in the REST API and how kubectl names it. */
export interface ResourceType {
  /** API group; `''` for the core group (`/api/v1`). */
  group: string;
  version: string;
  kind: string;
  /** The URL segment, lower-case plural (`virtualservices`). */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: readonly string[];
  categories: readonly string[];
  verbs: readonly Verb[];
  /** Subresources served under `/<plural>/<name>/<subresource>`. */
  subresources: readonly Subresource[];
  /**
   * A review (SelfSubjectAccessReview, TokenReview…): created to get an answer, never stored. Its only verb is
   * `create`; the HTTP layer answers it (auth/review-handler.ts) without going to the store.
   */
  review: boolean;
}

const ALL_VERBS: readonly Verb[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

type Row = [
  group: string,
  version: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[],
  extra?: Extra,
];
interface Extra {
  categories?: string[];
  verbs?: readonly Verb[];
  subresources?: Subresource[];
  review?: true;
}

const CORE = '';
const APPS = 'apps';
const AUTHENTICATION = 'authentication.k8s.io';
const AUTHORIZATION = 'authorization.k8s.io';
const RBAC = 'rbac.authorization.k8s.io';
const GATEWAY = 'gateway.networking.k8s.io';
const NETWORKING = 'networking.istio.io';
const SECURITY = 'security.istio.io';
const TELEMETRY = 'telemetry.istio.io';
const ISTIO = ['istio-io'];
const REVIEW: Extra = { verbs: ['create'], review: true };

/**
 * The table itself. Order matters where plurals collide: kubectl picks the first group in discovery order, so
 * `gateways` means the Gateway API kind (the ambient way) and the Istio kind needs `gateways.networking.istio.io`.
 */
const ROWS: readonly Row[] = [
  [CORE, 'v1', 'Namespace', false, ['ns'], { subresources: ['status'] }],
  [CORE, 'v1', 'Node', false, ['no'], { subresources: ['status'] }],
  [CORE, 'v1', 'Pod', true, ['po'], { categories: ['all'], subresources: ['status'] }],
  [CORE, 'v1', 'Service', true, ['svc'], { categories: ['all'], subresources: ['status'] }],
  [CORE, 'v1', 'ServiceAccount', true, ['sa']],
  [CORE, 'v1', 'ConfigMap', true, ['cm']],
  [CORE, 'v1', 'Event', true, ['ev'], { verbs: ['create', 'get', 'list', 'watch'] }],
  [APPS, 'v1', 'Deployment', true, ['deploy'], { categories: ['all'], subresources: ['status', 'scale'] }],
  [APPS, 'v1', 'DaemonSet', true, ['ds'], { categories: ['all'], subresources: ['status'] }],
  [APPS, 'v1', 'ReplicaSet', true, ['rs'], { categories: ['all'], subresources: ['status', 'scale'] }],
  [AUTHENTICATION, 'v1', 'SelfSubjectReview', false, [], REVIEW],
  [AUTHENTICATION, 'v1', 'TokenReview', false, [], REVIEW],
  [AUTHORIZATION, 'v1', 'SelfSubjectAccessReview', false, [], REVIEW],
  [AUTHORIZATION, 'v1', 'SelfSubjectRulesReview', false, [], REVIEW],
  [AUTHORIZATION, 'v1', 'SubjectAccessReview', false, [], REVIEW],
  [RBAC, 'v1', 'ClusterRole', false, []],
  [RBAC, 'v1', 'ClusterRoleBinding', false, []],
  [RBAC, 'v1', 'Role', true, []],
  [RBAC, 'v1', 'RoleBinding', true, []],
  [GATEWAY, 'v1', 'GatewayClass', false, ['gc'], { categories: ['gateway-api'] }],
  [GATEWAY, 'v1', 'Gateway', true, ['gtw'], { categories: ['gateway-api'], subresources: ['status'] }],
  [GATEWAY, 'v1', 'HTTPRoute', true, [], { categories: ['gateway-api'], subresources: ['status'] }],
  [NETWORKING, 'v1', 'VirtualService', true, ['vs'], { categories: ['istio-io', 'networking-istio-io'] }],
  [NETWORKING, 'v1', 'DestinationRule', true, ['dr'], { categories: ['istio-io', 'networking-istio-io'] }],
  [NETWORKING, 'v1', 'ServiceEntry', true, ['se'], { categories: ['istio-io', 'networking-istio-io'] }],
  [NETWORKING, 'v1', 'Gateway', true, ['gw'], { categories: ['istio-io', 'networking-istio-io'] }],
  [SECURITY, 'v1', 'AuthorizationPolicy', true, ['ap'], { categories: [...ISTIO, 'security-istio-io'] }],
  [SECURITY, 'v1', 'PeerAuthentication', true, ['pa'], { categories: [...ISTIO, 'security-istio-io'] }],
  [SECURITY, 'v1', 'RequestAuthentication', true, ['ra'], { categories: [...ISTIO, 'security-istio-io'] }],
  [TELEMETRY, 'v1', 'Telemetry', true, ['telemetry'], { categories: ISTIO }],
];

/** English plural of a lower-case kind, the way Kubernetes' CRD tooling spells it (`policy` -> `policies`). */
function pluralOf(singular: string): string {
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(singular)) return `${singular}es`;
  return `${singular}s`;
}

function toType([group, version, kind, namespaced, shortNames, extra]: Row): ResourceType {
  const singular = kind.toLowerCase();
  return {
    group,
    version,
    kind,
    plural: pluralOf(singular),
    singular,
    namespaced,
    shortNames,
    categories: extra?.categories ?? [],
    verbs: extra?.verbs ?? ALL_VERBS,
    subresources: extra?.subresources ?? [],
    review: extra?.review ?? false,
  };
}

/** All served resource kinds, in discovery order. */
export const RESOURCE_TYPES: readonly ResourceType[] = ROWS.map(toType);

/** `group/version`, or just `version` for the core group: the `apiVersion` field of an object. */
export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** The store's key for a kind: `plural` for the core group, else `plural.group` (kubectl's notation). */
export function resourceKey(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** True for the kinds Kubernetes compiles in (core, apps, RBAC…); the others are CRDs in a real cluster. */
export function isBuiltIn(type: Pick<ResourceType, 'group'>): boolean {
  return [CORE, APPS, AUTHENTICATION, AUTHORIZATION, RBAC].includes(type.group);
}

/** The kind served at `/<prefix>/<group>/<version>/<plural>`, if any. */
export function findByPlural(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.plural === plural);
}

/** The kind an object declares with `apiVersion` and `kind`, if served. */
export function findByApiVersionKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
}

/**
 * Resolves a name the way kubectl does: `plural.group`, plural, singular, kind or short name, case-insensitive.
 * The first match in table order wins, so `gateways` is the Gateway API kind.
 */
export function resolveResource(name: string): ResourceType | undefined {
  const wanted = name.toLowerCase();
  const byKey = RESOURCE_TYPES.find((t) => resourceKey(t) === wanted);
  if (byKey) return byKey;
  return RESOURCE_TYPES.find(
    (t) =>
      t.plural === wanted ||
      t.singular === wanted ||
      t.kind.toLowerCase() === wanted ||
      t.shortNames.includes(wanted),
  );
}
