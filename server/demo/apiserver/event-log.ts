/**
 * The store's change history and its watchers. The history is bounded: a watch from a version older than the
 * oldest retained change cannot be replayed and is refused (410), exactly the case informers must handle.
 */
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import { type KubeObject, type ListOptions, type WatchEvent, type WatchEventType } from './types';

/** One recorded change of one object. */
export interface LoggedChange {
  /** The store's counter after this change. */
  resourceVersion: number;
  /** The kind's store key (`pods`, `virtualservices.networking.istio.io`). */
  key: string;
  type: WatchEventType;
  object: KubeObject;
  /** The object before a MODIFIED change, so that selector watches can see objects enter and leave. */
  previous?: KubeObject;
}

/** A compiled list/watch filter. */
export type ObjectFilter = (object: KubeObject) => boolean;

/** Compiles namespace, label and field selectors into one predicate. Throws a 400 ApiError on a bad selector. */
export function compileFilter(options: ListOptions, namespaced: boolean): ObjectFilter {
  const labels = parseLabelSelector(options.labelSelector);
  const fields = parseFieldSelector(options.fieldSelector);
  const namespace = namespaced ? options.namespace : undefined;
  return (object) =>
    (namespace === undefined || object.metadata.namespace === namespace) &&
    matchesLabels(labels, object.metadata.labels) &&
    matchesFields(fields, object);
}

/**
 * What a filtered watcher sees of a change: an object that starts matching is ADDED, one that stops matching is
 * DELETED (as Kubernetes does for selector watches), and a change outside the filter is nothing.
 */
export function viewThroughFilter(change: LoggedChange, filter: ObjectFilter): WatchEvent | undefined {
  const now = filter(change.object);
  if (change.type !== 'MODIFIED') return now ? { type: change.type, object: change.object } : undefined;
  const before = change.previous !== undefined && filter(change.previous);
  if (now) return { type: before ? 'MODIFIED' : 'ADDED', object: change.object };
  return before ? { type: 'DELETED', object: change.object } : undefined;
}

/** A bounded, ordered history of changes across all kinds. */
export class EventLog {
  private readonly changes: LoggedChange[] = [];
  private head = 0;
  /** The newest version that is no longer retained (0 while nothing was dropped). */
  private compacted = 0;

  constructor(private readonly limit: number) {}

  /** Records a change, dropping the oldest beyond the limit. */
  append(change: LoggedChange): void {
    this.changes.push(change);
    if (this.changes.length - this.head > this.limit) {
      const dropped = this.changes[this.head];
      this.head++;
      if (dropped) this.compacted = dropped.resourceVersion;
      // Compact the array now and then instead of shifting on every append.
      if (this.head > this.limit) {
        this.changes.splice(0, this.head);
        this.head = 0;
      }
    }
  }

  /** The oldest version a watch may start from. */
  get oldestResumable(): number {
    return this.compacted;
  }

  /** Changes of one kind after `resourceVersion`, or `undefined` when some of them are no longer retained. */
  since(resourceVersion: number, key: string): LoggedChange[] | undefined {
    if (resourceVersion < this.compacted) return undefined;
    const out: LoggedChange[] = [];
    for (let i = this.head; i < this.changes.length; i++) {
      const change = this.changes[i];
      if (change && change.resourceVersion > resourceVersion && change.key === key) out.push(change);
    }
    return out;
  }
}
