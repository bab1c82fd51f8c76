/**
 * The configuration kinds the Config page lists and lints, as one table: the Istio and Gateway API objects a
 * person writes (issue 6, item 1). The watch cache's own table (`lib/kube/kinds.ts`) says how each is served.
 */
import { type KindName, type WatchedKind, WATCHED_KINDS, groupVersion } from '@/lib/kube/kinds';

/** The `kind` of a listed configuration object. */
export type ConfigKind =
  | 'VirtualService'
  | 'DestinationRule'
  | 'Gateway'
  | 'HTTPRoute'
  | 'AuthorizationPolicy'
  | 'PeerAuthentication'
  | 'RequestAuthentication'
  | 'ServiceEntry'
  | 'Telemetry';

/** One row: the kind, the watch cache's key for it, and a short word for the page's filter. */
export interface ConfigKindRow {
  readonly kind: ConfigKind;
  readonly name: KindName;
  /** What the kind is for, in a few words (the page's kind filter shows it as a tooltip). */
  readonly about: string;
}

/** Every listed kind, in the order the page shows them within a namespace. */
export const CONFIG_KINDS: readonly ConfigKindRow[] = [
  { kind: 'Gateway', name: 'gateways', about: 'ingress gateways and waypoints (Gateway API)' },
  { kind: 'HTTPRoute', name: 'httproutes', about: 'Gateway API HTTP routing' },
  { kind: 'VirtualService', name: 'virtualservices', about: 'Istio HTTP/TCP/TLS routing' },
  { kind: 'DestinationRule', name: 'destinationrules', about: 'subsets and traffic policy of a host' },
  { kind: 'ServiceEntry', name: 'serviceentries', about: 'hosts outside the registry' },
  { kind: 'AuthorizationPolicy', name: 'authorizationpolicies', about: 'who may call what' },
  { kind: 'PeerAuthentication', name: 'peerauthentications', about: 'mTLS mode of the receivers' },
  { kind: 'RequestAuthentication', name: 'requestauthentications', about: 'JWT validation' },
  { kind: 'Telemetry', name: 'telemetries', about: 'metrics, tracing and access logs' },
];

/** The listed kinds' names, in table order. */
export const CONFIG_KIND_NAMES: readonly ConfigKind[] = CONFIG_KINDS.map((row) => row.kind);

/** True for a string that is one of the listed kinds. */
export function isConfigKind(value: unknown): value is ConfigKind {
  return typeof value === 'string' && (CONFIG_KIND_NAMES as readonly string[]).includes(value);
}

/** The row of a listed kind. */
export function configKindRow(kind: ConfigKind): ConfigKindRow {
  const row = CONFIG_KINDS.find((r) => r.kind === kind);
  if (row === undefined) throw new Error(`unknown config kind: ${kind}`);
  return row;
}

/** The watch cache's row of a listed kind (group and served versions). */
export function watchedRowOf(kind: ConfigKind): WatchedKind {
  const name = configKindRow(kind).name;
  const row = WATCHED_KINDS.find((k) => k.name === name);
  if (row === undefined) throw new Error(`config kind ${kind} is not watched`);
  return row;
}

/** The `apiVersion`s a kind may be written with, preferred first (`networking.istio.io/v1`, …). */
export function apiVersionsOf(kind: ConfigKind): string[] {
  const row = watchedRowOf(kind);
  return row.versions.map((version) => groupVersion(row.group, version));
}

/** The position of a kind in {@link CONFIG_KINDS}, for sorting. */
export function kindOrder(kind: ConfigKind): number {
  return CONFIG_KIND_NAMES.indexOf(kind);
}
