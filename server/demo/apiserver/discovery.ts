/**
 * Discovery documents built from the resource table: `/version`, the legacy documents (`/api`, `/apis`,
 * `/api/v1`, `/apis/<group>[/<version>]`) and aggregated discovery (`apidiscovery.k8s.io/v2`), which kubectl 1.32
 * asks for first and which answers all of discovery in two requests.
 */
import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from './resource-table';

/** The Kubernetes version this server claims (kubectl 1.32 is within the supported skew). */
export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-meshlens-demo',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

/** The Content-Type of an aggregated discovery answer. */
export const AGGREGATED_DISCOVERY_TYPE =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];
/** What a `scale` subresource answers with. */
const SCALE_KIND = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

/** The served API groups (not the core group), in discovery order, each with its versions. */
export function apiGroups(): { name: string; versions: string[] }[] {
  const groups: { name: string; versions: string[] }[] = [];
  for (const type of RESOURCE_TYPES) {
    if (type.group === '') continue;
    const group = groups.find((g) => g.name === type.group);
    if (!group) groups.push({ name: type.group, versions: [type.version] });
    else if (!group.versions.includes(type.version)) group.versions.push(type.version);
  }
  return groups;
}

function groupDocument(group: { name: string; versions: string[] }): Record<string, unknown> {
  const versions = group.versions.map((v) => ({ groupVersion: `${group.name}/${v}`, version: v }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

/** `GET /api`. */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** `GET /apis`. */
export function apiGroupList(): Record<string, unknown> {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: apiGroups().map(groupDocument) };
}

/** `GET /apis/<group>`, or undefined for a group that is not served. */
export function apiGroup(name: string): Record<string, unknown> | undefined {
  const group = apiGroups().find((g) => g.name === name);
  return group && { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group) };
}

function typesOf(group: string, version: string): ResourceType[] {
  return RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
}

/** `GET /api/v1` or `/apis/<group>/<version>`, or undefined when that group version is not served. */
export function apiResourceList(group: string, version: string): Record<string, unknown> | undefined {
  const types = typesOf(group, version);
  if (types.length === 0) return undefined;
  const resources = types.flatMap((t) => [
    {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length > 0 ? { categories: t.categories } : {}),
    },
    ...t.subresources.map((s) => ({
      name: `${t.plural}/${s}`,
      singularName: '',
      namespaced: t.namespaced,
      ...(s === 'scale' ? { group: SCALE_KIND.group, version: SCALE_KIND.version } : {}),
      kind: s === 'scale' ? SCALE_KIND.kind : t.kind,
      verbs: SUBRESOURCE_VERBS,
    })),
  ]);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources,
  };
}

function aggregatedResource(t: ResourceType): Record<string, unknown> {
  const responseKind = { group: t.group, version: t.version, kind: t.kind };
  return {
    resource: t.plural,
    responseKind,
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: t.verbs,
    ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
    ...(t.categories.length > 0 ? { categories: t.categories } : {}),
    ...(t.subresources.length > 0
      ? {
          subresources: t.subresources.map((s) => ({
            subresource: s,
            responseKind: s === 'scale' ? SCALE_KIND : responseKind,
            verbs: SUBRESOURCE_VERBS,
          })),
        }
      : {}),
  };
}

function aggregatedGroup(name: string, versions: string[]): Record<string, unknown> {
  return {
    metadata: name === '' ? { creationTimestamp: null } : { name, creationTimestamp: null },
    versions: versions.map((version) => ({
      version,
      resources: typesOf(name, version).map(aggregatedResource),
      freshness: 'Current',
    })),
  };
}

/** Aggregated discovery of `/api` (`legacy`) or `/apis`. */
export function aggregatedDiscovery(scope: 'legacy' | 'apis'): Record<string, unknown> {
  const items =
    scope === 'legacy'
      ? [aggregatedGroup('', ['v1'])]
      : apiGroups().map((g) => aggregatedGroup(g.name, g.versions));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

/** True when an Accept header asks for aggregated discovery v2 (kubectl 1.32 does, with a JSON fallback). */
export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some(
      (part) =>
        /as=APIGroupDiscoveryList/.test(part) &&
        /g=apidiscovery\.k8s\.io/.test(part) &&
        /v=v2(;|$|\s)/.test(part),
    );
}
