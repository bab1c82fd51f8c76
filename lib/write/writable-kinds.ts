/**
 * The kinds the dashboard may write, as a table that reads like documentation (style.md). Everything the write path
 * decides per kind comes from here: which group and versions it accepts, the URL of an object, which verbs are
 * allowed, which `spec` fields the conservative unknown-field check knows, and which parts of the object an edit
 * may change at all.
 *
 * Group, versions and plural come from the watch table (`lib/kube/kinds.ts`), so a writable kind is always a kind
 * the dashboard also reads.
 */
import { groupVersion, watchedKind, type KindName } from '@/lib/kube/kinds';

/** A write the API server is asked to make. */
export type WriteVerb = 'create' | 'update' | 'delete';

/** One row of the table. */
export interface WritableKind {
  /** The `kind` field, e.g. `VirtualService`. */
  readonly kind: string;
  /** API group; `''` is the core group. */
  readonly group: string;
  /** Versions accepted in `apiVersion`, preferred first. */
  readonly versions: readonly string[];
  /** Resource plural, as in the URL path. */
  readonly plural: string;
  /**
   * False for cluster-scoped kinds. The only one here is Namespace, whose edit "namespace" is the object itself:
   * an edit of namespace `bookinfo` may only name the Namespace `bookinfo`.
   */
  readonly namespaced: boolean;
  readonly verbs: readonly WriteVerb[];
  /** The `spec` keys of the kind's API; any other key is refused as unknown. */
  readonly specFields: readonly string[];
  /**
   * Field paths an edit may change (a path and everything under it); `undefined` allows any change except
   * server-managed fields. Namespace and Service edits are limited to labels (the posture actions: enrol, use a
   * waypoint), Deployment edits to the pod template's labels (opt a workload out of ambient).
   */
  readonly editable?: readonly string[];
}

function row(
  name: KindName,
  verbs: readonly WriteVerb[],
  specFields: readonly string[],
  editable?: readonly string[],
): WritableKind {
  const watched = watchedKind(name);
  return {
    kind: watched.kind,
    group: watched.group,
    versions: watched.versions,
    plural: watched.plural,
    namespaced: watched.namespaced,
    verbs,
    specFields,
    ...(editable ? { editable } : {}),
  };
}

const ALL: readonly WriteVerb[] = ['create', 'update', 'delete'];

/** `ServiceSpec` as of Kubernetes 1.33. */
const SERVICE_SPEC: readonly string[] = [
  'ports',
  'selector',
  'clusterIP',
  'clusterIPs',
  'type',
  'externalIPs',
  'sessionAffinity',
  'loadBalancerIP',
  'loadBalancerSourceRanges',
  'externalName',
  'externalTrafficPolicy',
  'healthCheckNodePort',
  'publishNotReadyAddresses',
  'sessionAffinityConfig',
  'ipFamilies',
  'ipFamilyPolicy',
  'allocateLoadBalancerNodePorts',
  'loadBalancerClass',
  'internalTrafficPolicy',
  'trafficDistribution',
];

/** `DeploymentSpec` as of Kubernetes 1.33. */
const DEPLOYMENT_SPEC: readonly string[] = [
  'replicas',
  'selector',
  'template',
  'strategy',
  'minReadySeconds',
  'revisionHistoryLimit',
  'paused',
  'progressDeadlineSeconds',
];

/** Every writable kind. Spec fields as of Istio 1.28 (istio/api) and Gateway API v1.3. */
export const WRITABLE_KINDS: readonly WritableKind[] = [
  row('virtualservices', ALL, ['hosts', 'gateways', 'http', 'tls', 'tcp', 'exportTo']),
  row('destinationrules', ALL, ['host', 'trafficPolicy', 'subsets', 'exportTo', 'workloadSelector']),
  row('authorizationpolicies', ALL, ['selector', 'targetRef', 'targetRefs', 'action', 'provider', 'rules']),
  row('peerauthentications', ALL, ['selector', 'mtls', 'portLevelMtls']),
  row('requestauthentications', ALL, ['selector', 'targetRef', 'targetRefs', 'jwtRules']),
  row('gateways', ALL, [
    'gatewayClassName',
    'listeners',
    'addresses',
    'infrastructure',
    'backendTLS',
    'allowedListeners',
  ]),
  row('namespaces', ['update'], ['finalizers'], ['metadata.labels']),
  // The posture actions' other two objects, narrowed to the one label each carries: `istio.io/use-waypoint` on a
  // Service, and `istio.io/dataplane-mode=none` on a Deployment's pod template (the pods' label, docs/istio-ambient.md).
  row('services', ['update'], SERVICE_SPEC, ['metadata.labels']),
  row('deployments', ['update'], DEPLOYMENT_SPEC, ['spec.template.metadata.labels']),
];

/** The row for a `kind` field, or undefined when the dashboard does not write that kind. */
export function writableKind(
  kind: string,
  kinds: readonly WritableKind[] = WRITABLE_KINDS,
): WritableKind | undefined {
  return kinds.find((k) => k.kind === kind);
}

/** The `apiVersion` values a row accepts, preferred first, e.g. `networking.istio.io/v1`. */
export function apiVersionsOf(kind: WritableKind): string[] {
  return kind.versions.map((v) => groupVersion(kind.group, v));
}

/** The version part of an `apiVersion` when it belongs to the row's group and versions, else undefined. */
export function acceptedVersion(kind: WritableKind, apiVersion: string): string | undefined {
  return kind.versions.find((v) => groupVersion(kind.group, v) === apiVersion);
}

/**
 * The REST path of a collection (no name) or of one object, at the given version, e.g.
 * `/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices/reviews`.
 */
export function resourcePath(
  kind: WritableKind,
  version: string,
  namespace: string | undefined,
  name?: string,
): string {
  const base = kind.group === '' ? `/api/${version}` : `/apis/${kind.group}/${version}`;
  const scope =
    kind.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const item = name === undefined ? '' : `/${encodeURIComponent(name)}`;
  return `${base}${scope}/${kind.plural}${item}`;
}
