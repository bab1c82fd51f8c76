/**
 * The demo cluster's objects, in memory, with the semantics of the Kubernetes API: one resourceVersion counter for
 * all writes, server-owned metadata (uid, creationTimestamp, generation), preconditions, validation, `dryRun`,
 * namespaces that must exist and whose deletion deletes their objects, and watches fed from a bounded history.
 * The HTTP layer and in-process code (the demo's world and traffic engine) share it.
 */
import { applyCreateDefaults } from './defaults';
import { EventLog, compileFilter, viewThroughFilter, type LoggedChange } from './event-log';
import { deterministicUid, formatTimestamp, generatedSuffix } from './object-meta';
import * as rules from './object-rules';
import { type PatchType, applyPatch } from './patch';
import { RESOURCE_TYPES, type ResourceType, resolveResource, resourceKey } from './resource-table';
import { ApiError, alreadyExists, badRequest, gone, notFound, tooNew } from './status';
import * as t from './types';

/** A kind, by its table row or by any name kubectl accepts (`pods`, `vs`, `gateways.networking.istio.io`). */
export type ResourceRef = string | ResourceType;

/** How a store is built. */
export interface StoreOptions {
  /** The time source for `creationTimestamp` (and table ages); defaults to the system clock. */
  clock?: () => Date;
  /** Seed of uids and generated names; the same seed and writes give the same values. */
  seed?: string;
  /** How many changes the history keeps for resuming watches; older resourceVersions get a 410. */
  historyLimit?: number;
}

/** Options of an update (PUT) or patch. */
export interface UpdateOptions extends t.WriteOptions {
  /** Write only `status` (the `/status` subresource). */
  subresource?: 'status';
}

/** Options of a delete. */
export interface DeleteOptions extends t.WriteOptions {
  /** Refuse with 409 unless the object is at this resourceVersion. */
  resourceVersion?: string;
}

interface Watcher {
  key: string;
  filter: (object: t.KubeObject) => boolean;
  listener: (event: t.WatchEvent) => void;
}

const NAMESPACES = 'namespaces';

/** The in-memory object store behind the demo API server. */
export class ResourceStore {
  /** The time source, shared with the HTTP layer for table ages. */
  readonly clock: () => Date;
  private readonly seed: string;
  private readonly log: EventLog;
  private readonly objects = new Map<string, Map<string, t.KubeObject>>();
  private readonly watchers = new Set<Watcher>();
  private counter = 0;
  private created = 0;

  constructor(options: StoreOptions = {}) {
    this.clock = options.clock ?? ((): Date => new Date());
    this.seed = options.seed ?? 'demo-mesh';
    this.log = new EventLog(options.historyLimit ?? 1000);
    for (const type of RESOURCE_TYPES) this.objects.set(resourceKey(type), new Map());
  }

  /** The current resourceVersion: the version of the latest write, as a decimal string. */
  get resourceVersion(): string {
    return String(this.counter);
  }

  /** The table row of a kind; throws a 404 ApiError for an unknown one. */
  resolve(ref: ResourceRef): ResourceType {
    const type = typeof ref === 'string' ? resolveResource(ref) : ref;
    if (!type)
      throw new ApiError(404, 'NotFound', `the server doesn't have a resource type "${String(ref)}"`);
    return type;
  }

  /** A copy of one object, or undefined. `namespace` is ignored for cluster-scoped kinds. */
  get(ref: ResourceRef, namespace: string | undefined, name: string): t.KubeObject | undefined {
    const type = this.resolve(ref);
    const found = this.bucket(type).get(this.idOf(type, namespace, name));
    return found && t.cloneJson(found);
  }

  /** Copies of the matching objects, sorted by namespace and name, with the resourceVersion they reflect. */
  list(ref: ResourceRef, options: t.ListOptions = {}): t.ListResult {
    const type = this.resolve(ref);
    const filter = compileFilter(options, type.namespaced);
    const items = [...this.bucket(type).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, object]) => object)
      .filter(filter)
      .map((object) => t.cloneJson(object));
    return { items, resourceVersion: this.resourceVersion };
  }

  /** Creates an object; returns what was (or, with dryRun, would be) stored. 409 if it exists, 422 if invalid. */
  create(ref: ResourceRef, body: unknown, options: t.WriteOptions = {}): t.KubeObject {
    const type = this.resolve(ref);
    const object = rules.normalizeIncoming(type, body);
    rules.stripServerOwned(object);
    const meta = object.metadata;
    if (!meta.name && typeof meta.generateName === 'string' && meta.generateName !== '') {
      meta.name = meta.generateName + generatedSuffix(this.seed, this.created + 1);
    }
    if (type.namespaced && !meta.namespace) throw badRequest('the namespace of the object must be set');
    rules.assertValid(type, object);
    applyCreateDefaults(type, object, () => [...this.bucket(type).values()]);
    if (type.namespaced && !this.bucket(this.resolve(NAMESPACES)).has(meta.namespace ?? '')) {
      throw notFound(this.resolve(NAMESPACES), meta.namespace ?? '');
    }
    const id = this.idOf(type, meta.namespace, meta.name ?? '');
    if (this.bucket(type).has(id)) throw alreadyExists(type, meta.name ?? '');
    meta.uid = deterministicUid(this.seed, this.created + 1);
    meta.creationTimestamp = formatTimestamp(this.clock());
    meta.generation = 1;
    if (options.dryRun) return object;
    this.created++;
    meta.resourceVersion = String(++this.counter);
    this.bucket(type).set(id, object);
    this.record({ resourceVersion: this.counter, key: resourceKey(type), type: 'ADDED', object });
    return t.cloneJson(object);
  }

  /**
   * Replaces an object (PUT). A `metadata.resourceVersion` in the body is a precondition (409 when stale); without
   * one the write is unconditional. An update that changes nothing stores nothing and tells no watcher.
   */
  update(ref: ResourceRef, body: unknown, options: UpdateOptions = {}): t.KubeObject {
    const type = this.resolve(ref);
    const incoming = rules.normalizeIncoming(type, body);
    const id = this.idOf(type, incoming.metadata.namespace, incoming.metadata.name ?? '');
    const current = this.bucket(type).get(id);
    if (!current) throw notFound(type, incoming.metadata.name ?? '');
    rules.checkPrecondition(type, current, incoming.metadata.resourceVersion);
    const next = rules.mergeUpdate(type, current, incoming, options.subresource === 'status');
    rules.assertValid(type, next, current);
    if (rules.specChanged(current, next)) next.metadata.generation = (current.metadata.generation ?? 0) + 1;
    if (rules.sameContent(current, next) || options.dryRun) return t.cloneJson(next);
    next.metadata.resourceVersion = String(++this.counter);
    this.bucket(type).set(id, next);
    this.record({
      resourceVersion: this.counter,
      key: resourceKey(type),
      type: 'MODIFIED',
      object: next,
      previous: current,
    });
    return t.cloneJson(next);
  }

  /** Patches an object with a JSON, merge or strategic merge patch (already parsed), then updates it. */
  patch(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    options: UpdateOptions = {},
  ): t.KubeObject {
    const type = this.resolve(ref);
    const current = this.bucket(type).get(this.idOf(type, namespace, name));
    if (!current) throw notFound(type, name);
    const patched = applyPatch(current, patchType, patch);
    if (!t.isPlainObject(patched) || !t.isPlainObject(patched['metadata'])) {
      throw badRequest('the patched object is not a Kubernetes object');
    }
    const next = patched as t.KubeObject;
    if (next.metadata.name !== name) throw badRequest('a patch cannot change metadata.name');
    if (type.namespaced) next.metadata.namespace = current.metadata.namespace;
    return this.update(type, next, options);
  }

  /**
   * Server-side apply in a simple form: creates the object when absent, otherwise merges the applied
   * configuration into it (strategic merge rules). Field ownership is not tracked.
   */
  apply(ref: ResourceRef, body: unknown, options: UpdateOptions = {}): t.KubeObject {
    const type = this.resolve(ref);
    const object = rules.normalizeIncoming(type, body);
    const { name, namespace } = object.metadata;
    if (!name) throw badRequest('metadata.name is required for apply');
    if (!this.bucket(type).has(this.idOf(type, namespace, name))) return this.create(type, object, options);
    return this.patch(type, namespace, name, 'apply', object, options);
  }

  /** Deletes an object at once and returns its last state; deleting a namespace deletes its objects first. */
  delete(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): t.KubeObject {
    const type = this.resolve(ref);
    const id = this.idOf(type, namespace, name);
    const current = this.bucket(type).get(id);
    if (!current) throw notFound(type, name);
    rules.checkPrecondition(type, current, options.resourceVersion);
    if (options.dryRun) return t.cloneJson(current);
    if (resourceKey(type) === NAMESPACES) this.deleteNamespaceContents(name);
    const last: t.KubeObject = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: String(++this.counter) },
    };
    this.bucket(type).delete(id);
    this.record({ resourceVersion: this.counter, key: resourceKey(type), type: 'DELETED', object: last });
    return t.cloneJson(last);
  }

  /**
   * Watches one kind. Without a resourceVersion (or with `'0'`) the listener first gets an ADDED event per
   * matching object; with one it gets every change after it, or a 410 ApiError is thrown when the history no
   * longer reaches back that far (or the version is newer than the store: a client from before a restart). Events are delivered synchronously, as copies.
   */
  watch(ref: ResourceRef, options: t.WatchOptions, listener: (event: t.WatchEvent) => void): t.WatchHandle {
    const type = this.resolve(ref);
    const filter = compileFilter(options, type.namespaced);
    const key = resourceKey(type);
    const rv = options.resourceVersion;
    if (rv === undefined || rv === '' || rv === '0') {
      for (const object of this.list(type, options).items) listener({ type: 'ADDED', object });
    } else {
      if (!/^\d+$/.test(rv)) throw badRequest(`invalid resource version "${rv}"`);
      if (Number(rv) > this.counter) throw tooNew(rv, this.resourceVersion);
      const backlog = this.log.since(Number(rv), key);
      if (!backlog) throw gone(rv, this.log.oldestResumable);
      for (const change of backlog) this.deliver(change, filter, listener);
    }
    const watcher: Watcher = { key, filter, listener };
    this.watchers.add(watcher);
    return { stop: () => void this.watchers.delete(watcher) };
  }

  private deleteNamespaceContents(namespace: string): void {
    for (const type of RESOURCE_TYPES) {
      if (!type.namespaced) continue;
      for (const object of this.list(type, { namespace }).items) {
        this.delete(type, namespace, object.metadata.name ?? '');
      }
    }
  }

  private record(change: LoggedChange): void {
    this.log.append(change);
    for (const watcher of this.watchers) {
      if (watcher.key === change.key) this.deliver(change, watcher.filter, watcher.listener);
    }
  }

  private deliver(change: LoggedChange, filter: Watcher['filter'], listener: Watcher['listener']): void {
    const event = viewThroughFilter(change, filter);
    if (!event) return;
    try {
      listener({ type: event.type, object: t.cloneJson(event.object) });
    } catch {
      // A failing watcher must not fail the write that fed it; it is its own job to stop.
    }
  }

  private bucket(type: ResourceType): Map<string, t.KubeObject> {
    const key = resourceKey(type);
    let bucket = this.objects.get(key);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(key, bucket);
    }
    return bucket;
  }

  private idOf(type: ResourceType, namespace: string | undefined, name: string): string {
    return type.namespaced ? `${namespace ?? ''}/${name}` : name;
  }
}
