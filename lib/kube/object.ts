/**
 * Minimal, own types for Kubernetes objects as the watch cache holds them: plain JSON as the API server sent it
 * (timestamps stay ISO strings), with `managedFields` dropped. Feature modules narrow `spec`/`status` themselves.
 */

/** A reference to an owning object (a ReplicaSet owning a Pod, …). */
export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
}

/** The `metadata` fields the dashboard reads. */
export interface KubeObjectMeta {
  readonly name: string;
  /** Absent for cluster-scoped objects (Namespaces). */
  readonly namespace?: string;
  readonly uid?: string;
  /** Opaque; compare for equality only. */
  readonly resourceVersion?: string;
  readonly generation?: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /** ISO-8601 time. */
  readonly creationTimestamp?: string;
  /** ISO-8601 time; set while the object is being deleted. */
  readonly deletionTimestamp?: string;
  readonly ownerReferences?: readonly OwnerReference[];
}

/** A Kubernetes object with its own `spec` and `status` shapes, unknown until a feature module narrows them. */
export interface KubeObject<Spec = unknown, Status = unknown> {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: KubeObjectMeta;
  readonly spec?: Spec;
  readonly status?: Status;
}

/** True for a value that has at least `metadata.name` as a non-empty string (what the cache needs to key it). */
export function isKubeObject(value: unknown): value is KubeObject {
  if (typeof value !== 'object' || value === null) return false;
  const metadata = (value as { metadata?: unknown }).metadata;
  if (typeof metadata !== 'object' || metadata === null) return false;
  const name = (metadata as { name?: unknown }).name;
  return typeof name === 'string' && name !== '';
}

/** `namespace/name` for namespaced objects, `name` for cluster-scoped ones. */
export function objectKey(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : obj.metadata.name;
}

/** A label's value, or undefined. */
export function labelOf(obj: KubeObject, key: string): string | undefined {
  return obj.metadata.labels?.[key];
}

/** An annotation's value, or undefined. */
export function annotationOf(obj: KubeObject, key: string): string | undefined {
  return obj.metadata.annotations?.[key];
}

/**
 * True when `next` is a different version of the object than `previous`. Resource versions are opaque strings, so
 * only equality is meaningful; an object without one is always treated as changed.
 */
export function isNewVersion(previous: KubeObject, next: KubeObject): boolean {
  const rv = previous.metadata.resourceVersion;
  return rv === undefined || rv !== next.metadata.resourceVersion;
}

/**
 * The object as the cache stores it: `metadata.managedFields` removed (large, never shown), and `apiVersion`/`kind`
 * filled in when absent (list responses omit them on their items).
 */
export function normalizeObject(obj: KubeObject, apiVersion: string, kind: string): KubeObject {
  const { managedFields: _dropped, ...metadata } = obj.metadata as KubeObjectMeta & {
    managedFields?: unknown;
  };
  return { ...obj, apiVersion: obj.apiVersion ?? apiVersion, kind: obj.kind ?? kind, metadata };
}
