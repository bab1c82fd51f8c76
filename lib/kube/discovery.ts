import {
  FAMILY_LABELS,
  groupVersion,
  WATCHED_KINDS,
  type KindFamily,
  type KindName,
  type WatchedKind,
} from './kinds';

/**
 * Pure discovery logic: given what the API server's discovery endpoints said, decide which watched kinds are served
 * and at which version (the first of the table's versions that the cluster serves, so `v1` wins over `v1beta1`).
 */

/** One entry of an APIResourceList (`/api/v1`, `/apis/<group>/<version>`). */
export interface ApiResourceInfo {
  readonly name: string;
  readonly kind?: string;
  readonly namespaced?: boolean;
  readonly verbs?: readonly string[];
}

/** What discovery found. */
export interface DiscoverySnapshot {
  /** The core group's resources (`/api/v1`). */
  readonly core: readonly ApiResourceInfo[];
  /** The versions each API group serves, from `/apis`. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** Resources per fetched group/version (`apps/v1`); a string is the error that fetch failed with. */
  readonly resources: ReadonlyMap<string, readonly ApiResourceInfo[] | string>;
}

/** A watched kind together with the version the cluster serves it at. */
export interface ServedKind extends WatchedKind {
  readonly servedVersion: string;
  /** `group/version`, or `v1` for the core group. */
  readonly apiVersion: string;
}

/** A watched kind the cluster does not serve, with the reason in words. */
export interface MissingKind {
  readonly kind: WatchedKind;
  readonly reason: string;
}

/** Missing kinds grouped for people: "Gateway API not installed: gatewayclasses, gateways, httproutes". */
export interface MissingKindReport {
  readonly family: KindFamily;
  readonly kinds: readonly KindName[];
  readonly message: string;
}

/** The group/versions whose resource lists must be fetched to resolve `kinds`, given the groups `/apis` listed. */
export function groupVersionsToFetch(
  kinds: readonly WatchedKind[],
  groups: ReadonlyMap<string, readonly string[]>,
): string[] {
  const wanted = new Set<string>();
  for (const kind of kinds) {
    if (kind.group === '') continue;
    const served = groups.get(kind.group) ?? [];
    for (const version of kind.versions) {
      if (served.includes(version)) wanted.add(groupVersion(kind.group, version));
    }
  }
  return [...wanted];
}

function offers(resources: readonly ApiResourceInfo[], plural: string): boolean {
  const found = resources.find((r) => r.name === plural);
  if (!found) return false;
  return found.verbs === undefined || (found.verbs.includes('list') && found.verbs.includes('watch'));
}

function resolveOne(kind: WatchedKind, snapshot: DiscoverySnapshot): ServedKind | string {
  if (kind.group === '') {
    return offers(snapshot.core, kind.plural)
      ? { ...kind, servedVersion: 'v1', apiVersion: 'v1' }
      : `the core API does not list ${kind.plural}`;
  }
  const served = snapshot.groups.get(kind.group);
  if (!served) return `API group ${kind.group} is not served`;
  const problems: string[] = [];
  for (const version of kind.versions) {
    if (!served.includes(version)) continue;
    const gv = groupVersion(kind.group, version);
    const resources = snapshot.resources.get(gv);
    if (typeof resources === 'string') problems.push(`${gv}: ${resources}`);
    else if (resources && offers(resources, kind.plural))
      return { ...kind, servedVersion: version, apiVersion: gv };
    else problems.push(`${gv} does not list ${kind.plural}`);
  }
  if (problems.length > 0) return problems.join('; ');
  return `${kind.group} serves ${served.join(', ')}, none of ${kind.versions.join(', ')}`;
}

/** Splits `kinds` into served (with the chosen version) and missing (with a reason). */
export function resolveKinds(
  kinds: readonly WatchedKind[],
  snapshot: DiscoverySnapshot,
): { served: ServedKind[]; missing: MissingKind[] } {
  const served: ServedKind[] = [];
  const missing: MissingKind[] = [];
  for (const kind of kinds) {
    const result = resolveOne(kind, snapshot);
    if (typeof result === 'string') missing.push({ kind, reason: result });
    else served.push(result);
  }
  return { served, missing };
}

/**
 * Groups missing kinds by family. A family all of whose table kinds are missing is "not installed"; otherwise its
 * missing kinds are "not served" (an older Istio without Telemetry at any accepted version, say).
 */
export function missingKindReports(
  missing: readonly MissingKind[],
  table: readonly WatchedKind[] = WATCHED_KINDS,
): MissingKindReport[] {
  const reports: MissingKindReport[] = [];
  for (const family of Object.keys(FAMILY_LABELS) as KindFamily[]) {
    const names = missing.filter((m) => m.kind.family === family).map((m) => m.kind.name);
    if (names.length === 0) continue;
    const all = table.filter((k) => k.family === family).every((k) => names.includes(k.name));
    const label = FAMILY_LABELS[family];
    const message = all
      ? `${label} not installed: ${names.join(', ')}`
      : `${label} kinds not served: ${names.join(', ')}`;
    reports.push({ family, kinds: names, message });
  }
  return reports;
}

/** The collection path of a served kind, across all namespaces or within one (namespaced kinds only). */
export function resourcePath(kind: ServedKind, namespace?: string): string {
  const root = kind.group === '' ? '/api/v1' : `/apis/${kind.apiVersion}`;
  const ns = namespace !== undefined && kind.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${kind.plural}`;
}
