import 'server-only';
import { isNewVersion, type KubeObject } from '@/lib/kube/object';

/** What happened to one object in the cache. */
export type ChangeType = 'added' | 'modified' | 'deleted';

/** One change to a store, as subscribers see it. For `deleted`, the object's last known state. */
export interface StoreChange {
  readonly type: ChangeType;
  readonly object: KubeObject;
}

/** The watch event types that change a store. */
export type WatchChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * The in-memory objects of one kind, indexed by namespace then name (cluster-scoped objects under `''`). Every
 * mutation returns the changes it made, so the cache can notify subscribers and count objects without diffing again.
 */
export class ObjectStore {
  private readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  private count = 0;

  /** Number of objects held. */
  get size(): number {
    return this.count;
  }

  /** One object; `namespace` is ignored (use `''` or undefined) for cluster-scoped kinds. */
  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace ?? '')?.get(name);
  }

  /** All objects, or those of one namespace. */
  list(namespace?: string): KubeObject[] {
    if (namespace !== undefined) return [...(this.byNamespace.get(namespace)?.values() ?? [])];
    const all: KubeObject[] = [];
    for (const objects of this.byNamespace.values()) all.push(...objects.values());
    return all;
  }

  /** Applies one watch event. Returns the change, or null when nothing changed (same resourceVersion, unknown delete). */
  apply(type: WatchChangeType, obj: KubeObject): StoreChange | null {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name;
    const objects = this.byNamespace.get(ns);
    const previous = objects?.get(name);
    if (type === 'DELETED') {
      if (!objects || !previous) return null;
      objects.delete(name);
      this.count--;
      if (objects.size === 0) this.byNamespace.delete(ns);
      return { type: 'deleted', object: obj };
    }
    if (previous && !isNewVersion(previous, obj)) return null;
    if (objects) objects.set(name, obj);
    else this.byNamespace.set(ns, new Map([[name, obj]]));
    if (previous) return { type: 'modified', object: obj };
    this.count++;
    return { type: 'added', object: obj };
  }

  /**
   * Replaces the whole content with a fresh list (after the first list or a re-list following 410 Gone): objects
   * no longer listed are deleted, new ones added, changed ones modified, unchanged ones left alone.
   */
  replace(items: readonly KubeObject[]): StoreChange[] {
    const changes: StoreChange[] = [];
    const listed = new Set<string>();
    for (const item of items) {
      listed.add(`${item.metadata.namespace ?? ''}/${item.metadata.name}`);
      const change = this.apply('MODIFIED', item);
      if (change) changes.push(change);
    }
    for (const obj of this.list()) {
      if (listed.has(`${obj.metadata.namespace ?? ''}/${obj.metadata.name}`)) continue;
      const change = this.apply('DELETED', obj);
      if (change) changes.push(change);
    }
    return changes;
  }

  /** Removes everything (the kind stopped being served), returning the deletions. */
  clear(): StoreChange[] {
    return this.replace([]);
  }
}
