import type { ApiResourceInfo } from './discovery';

/**
 * Validating parsers for the legacy discovery documents (`/apis` -> APIGroupList, `/api/v1` and
 * `/apis/<group>/<version>` -> APIResourceList). They throw a plain Error naming what is wrong; the server adapter
 * turns it into a `bad_response` SourceError.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayField(doc: unknown, field: string, what: string): unknown[] {
  if (!isRecord(doc)) throw new Error(`${what}: expected an object`);
  const value = doc[field];
  // An empty list may be serialised as null or left out.
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${what}: ${field} is not an array`);
  return value;
}

/** Parses an APIGroupList into group name -> served versions. */
export function parseApiGroupList(doc: unknown): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const group of arrayField(doc, 'groups', 'APIGroupList')) {
    if (!isRecord(group) || typeof group.name !== 'string')
      throw new Error('APIGroupList: a group has no name');
    const versions = arrayField(group, 'versions', `APIGroupList group ${group.name}`)
      .map((v) => (isRecord(v) && typeof v.version === 'string' ? v.version : undefined))
      .filter((v): v is string => v !== undefined);
    groups.set(group.name, versions);
  }
  return groups;
}

/** Parses an APIResourceList, keeping top-level resources only (not subresources such as `pods/log`). */
export function parseApiResourceList(doc: unknown): ApiResourceInfo[] {
  const resources: ApiResourceInfo[] = [];
  for (const r of arrayField(doc, 'resources', 'APIResourceList')) {
    if (!isRecord(r) || typeof r.name !== 'string')
      throw new Error('APIResourceList: a resource has no name');
    if (r.name.includes('/')) continue;
    const verbs = Array.isArray(r.verbs)
      ? r.verbs.filter((v): v is string => typeof v === 'string')
      : undefined;
    resources.push({
      name: r.name,
      kind: typeof r.kind === 'string' ? r.kind : undefined,
      namespaced: typeof r.namespaced === 'boolean' ? r.namespaced : undefined,
      verbs,
    });
  }
  return resources;
}
