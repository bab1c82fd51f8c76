/**
 * A controller's work queue: keys of objects to reconcile, de-duplicated, processed on the next turn of the event
 * loop (store watch events are delivered synchronously, inside the write that caused them; reconciling later keeps
 * a controller's writes out of another writer's call stack). Keys added while a round runs wait for the next round,
 * so a controller that reacts to its own write sees it once, finds nothing to do and stops.
 */

/** A running controller. */
export interface Controller {
  stop(): void;
  /** True when no work is pending. */
  readonly idle: boolean;
  /** Resolves once no work is pending. */
  whenIdle(): Promise<void>;
}

/** A running queue. */
export class WorkQueue {
  private pending = new Set<string>();
  private timer: NodeJS.Immediate | undefined;
  private stopped = false;
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly reconcile: (key: string) => void,
    private readonly onError: (key: string, error: unknown) => void = () => undefined,
  ) {}

  /** Schedules a key for reconciliation (once, however often it is added before its round). */
  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    this.timer ??= setImmediate(() => this.round());
  }

  /** True when no key waits. */
  get idle(): boolean {
    return this.pending.size === 0 && this.timer === undefined;
  }

  /** Resolves once the queue is idle (at once if it is). */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops pending work; later adds are ignored. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearImmediate(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.notifyIdle();
  }

  private round(): void {
    this.timer = undefined;
    const keys = [...this.pending];
    this.pending = new Set();
    for (const key of keys) {
      if (this.stopped) return;
      try {
        this.reconcile(key);
      } catch (error) {
        this.onError(key, error);
      }
    }
    if (this.idle) this.notifyIdle();
  }

  private notifyIdle(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** The controller made of a queue and the store watches that feed it: stopping it stops both. */
export function queueController(queue: WorkQueue, watches: readonly { stop(): void }[]): Controller {
  return {
    stop: () => {
      for (const watch of watches) watch.stop();
      queue.stop();
    },
    get idle(): boolean {
      return queue.idle;
    },
    whenIdle: () => queue.whenIdle(),
  };
}
