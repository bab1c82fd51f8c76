/**
 * What an edit changes: a structural diff of two objects (field paths with before and after) and the same objects
 * without the fields the API server manages, which an edit neither sets nor should see as changes.
 */
import { formatPath, type PathSegment } from './field-path';
import type { FieldChange, JsonObject } from './types';

/** `metadata` fields the API server sets; a diff never shows them and a write never sends them. */
export const SERVER_METADATA: readonly string[] = [
  'resourceVersion',
  'uid',
  'generation',
  'managedFields',
  'creationTimestamp',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of the object without `status` and the server-managed metadata. */
export function withoutServerFields(object: JsonObject): JsonObject {
  // Rebuilt in the object's own key order: the YAML renderings people read keep metadata before spec.
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === 'status') continue;
    out[key] = key === 'metadata' && isObject(value) ? withoutServerMetadata(value) : value;
  }
  return out;
}

function withoutServerMetadata(metadata: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => !SERVER_METADATA.includes(key)));
}

/** The server-managed fields the object carries, as paths (to warn that they are ignored). */
export function serverFieldsIn(object: JsonObject): string[] {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const found = SERVER_METADATA.filter((key) => key in metadata).map((key) => `metadata.${key}`);
  return 'status' in object ? [...found, 'status'] : found;
}

/** Deep equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && jsonEqual(a[key], b[key]));
}

function walk(before: unknown, after: unknown, at: PathSegment[], out: FieldChange[]): void {
  if (jsonEqual(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    for (const key of keys) {
      const path = [...at, key];
      if (!(key in after)) out.push({ path: formatPath(path), op: 'remove', before: before[key] });
      else if (!(key in before)) out.push({ path: formatPath(path), op: 'add', after: after[key] });
      else walk(before[key], after[key], path, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const path = formatPath([...at, i]);
      if (i >= after.length) out.push({ path, op: 'remove', before: before[i] });
      else if (i >= before.length) out.push({ path, op: 'add', after: after[i] });
      else walk(before[i], after[i], [...at, i], out);
    }
    return;
  }
  out.push({ path: formatPath(at), op: 'replace', before, after });
}

/**
 * The changed fields from `live` to `proposed` (either may be null: a create or a delete), ignoring `status` and
 * server-managed metadata. Arrays are compared item by item, as Kubernetes replaces them.
 */
export function diffObjects(live: JsonObject | null, proposed: JsonObject | null): FieldChange[] {
  const out: FieldChange[] = [];
  walk(withoutServerFields(live ?? {}), withoutServerFields(proposed ?? {}), [], out);
  return out;
}
