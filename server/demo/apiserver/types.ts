/**
 * The shapes the demo API server stores and sends: loosely typed Kubernetes objects (any kind), watch events and the
 * options of list and watch.
 */

/** `metadata` of a stored object. Fields the server owns are set by the store, never trusted from a client. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  /** Decimal string of the store's counter at the object's last write. */
  resourceVersion?: string;
  /** Starts at 1, bumped when anything outside `metadata` and `status` changes. */
  generation?: number;
  /** RFC 3339, second precision (`2025-01-01T00:00:00Z`). */
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

/** Any Kubernetes object: `apiVersion`, `kind`, `metadata` and whatever else its kind carries. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** The event types a watcher receives from the store. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change, as a watcher sees it. */
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}

/** Which objects a list or watch is about. */
export interface ListOptions {
  /** Only this namespace; all namespaces when absent (ignored for cluster-scoped kinds). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** A list of objects and the resourceVersion it is consistent with. */
export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
}

/** Where a watch starts. */
export interface WatchOptions extends ListOptions {
  /**
   * Absent or `'0'`: first an ADDED event per existing object, then changes. Otherwise every change after that
   * version; a version older than the retained history is refused with a 410 ApiError.
   */
  resourceVersion?: string;
}

/** Options of create, update, patch and delete. */
export interface WriteOptions {
  /** Validate and answer, but store nothing and tell no watcher (`dryRun=All`). */
  dryRun?: boolean;
}

/** A running watch; `stop()` is idempotent. */
export interface WatchHandle {
  stop(): void;
}

/** A deep copy of a JSON value (objects in the store are plain JSON). */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
