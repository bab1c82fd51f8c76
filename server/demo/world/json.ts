/**
 * Safe reads from plain Kubernetes objects (whose `spec` and `status` are `unknown` to the type system), and the
 * mutable object shape the world's builders produce.
 */
import type { KubeObject } from '@/lib/kube/object';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** An object as the builders make it: plain, mutable JSON with the fields every kind has. */
export interface Built extends Json {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: OwnerRef[];
  };
}

/** An owner reference; `uid` is empty in a world until `materializeWorld` learns the owner's uid. */
export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** True for a JSON object (not an array, not null). */
export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`spec.template.spec`), or undefined. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (!isJson(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** The string at a path, or undefined. */
export function stringAt(value: unknown, path: string): string | undefined {
  const found = at(value, path);
  return typeof found === 'string' ? found : undefined;
}

/** The array at a path, or `[]`. */
export function listAt(value: unknown, path: string): unknown[] {
  const found = at(value, path);
  return Array.isArray(found) ? found : [];
}

/** The string map at a path (labels, selectors), or `{}`. */
export function mapAt(value: unknown, path: string): Record<string, string> {
  const found = at(value, path);
  if (!isJson(found)) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(found)) if (typeof v === 'string') out[key] = v;
  return out;
}

/** `namespace/name` of an object. */
export function keyOf(object: KubeObject | Built): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/** True when every `selector` entry is among `labels` (an empty selector selects nothing, as for Services). */
export function selects(selector: Record<string, string>, labels: Readonly<Record<string, string>>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}
