/**
 * URL paths of the Kubernetes API, parsed into routes (pure): discovery documents, OpenAPI, and resource paths
 * `/api/v1[/namespaces/<ns>]/<plural>[/<name>[/<subresource>]]` and the same under `/apis/<group>/<version>`.
 */
import { findByPlural, type ResourceType, type Subresource } from './resource-table';

/** A request for objects of one kind. */
export interface ResourceRoute {
  kind: 'resource';
  type: ResourceType;
  /** The namespace in the path; absent for cluster-scoped kinds and for lists across all namespaces. */
  namespace?: string;
  name?: string;
  subresource?: Subresource;
  /** The deprecated `/watch/` path prefix was used. */
  watchPath: boolean;
}

/** What a path asks for. */
export type Route =
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'legacyRoot' }
  | { kind: 'groupsRoot' }
  | { kind: 'group'; group: string }
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'openapi'; segments: string[] }
  | ResourceRoute
  | { kind: 'unknown' };

const UNKNOWN: Route = { kind: 'unknown' };

function resourceRoute(group: string, version: string, rest: string[]): Route {
  const watchPath = rest[0] === 'watch';
  const parts = watchPath ? rest.slice(1) : rest;
  let namespace: string | undefined;
  let tail = parts;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    const inner = findByPlural(group, version, parts[2] ?? '');
    if (inner?.namespaced) {
      namespace = parts[1];
      tail = parts.slice(2);
    }
  }
  const [plural = '', name, subresource, ...extra] = tail;
  const type = findByPlural(group, version, plural);
  if (!type || extra.length > 0) return UNKNOWN;
  const route: ResourceRoute = { kind: 'resource', type, watchPath };
  if (namespace !== undefined) route.namespace = namespace;
  if (name !== undefined) route.name = name;
  if (subresource !== undefined) {
    const known = type.subresources.find((s) => s === subresource);
    if (!known) return UNKNOWN;
    route.subresource = known;
  }
  return route;
}

/**
 * The decoded, non-empty segments of a URL path, as routing and authorization both read them; undefined when a
 * segment is not valid percent-encoding.
 */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** Parses a URL path (without query). Unknown paths are `{ kind: 'unknown' }` (answered 404). */
export function parseRoute(pathname: string): Route {
  const segments = pathSegments(pathname);
  if (!segments) return UNKNOWN;
  const [first, second, third, ...rest] = segments;
  if (first === 'version' && segments.length === 1) return { kind: 'version' };
  if ((first === 'healthz' || first === 'livez' || first === 'readyz') && segments.length === 1)
    return { kind: 'health' };
  if (first === 'openapi') return { kind: 'openapi', segments: segments.slice(1) };
  if (first === 'api') {
    if (second === undefined) return { kind: 'legacyRoot' };
    if (second !== 'v1') return UNKNOWN;
    if (third === undefined) return { kind: 'groupVersion', group: '', version: 'v1' };
    return resourceRoute('', 'v1', [third, ...rest]);
  }
  if (first === 'apis') {
    if (second === undefined) return { kind: 'groupsRoot' };
    if (third === undefined) return { kind: 'group', group: second };
    if (rest.length === 0) return { kind: 'groupVersion', group: second, version: third };
    return resourceRoute(second, third, rest);
  }
  return UNKNOWN;
}
