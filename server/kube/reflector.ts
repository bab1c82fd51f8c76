import 'server-only';
import type { ServedKind } from '@/lib/kube/discovery';
import { isKubeObject, normalizeObject } from '@/lib/kube/object';
import type { SourceError } from '@/lib/source-error';
import { backoffDelay, DEFAULT_BACKOFF, sleep, untilAborted, type BackoffOptions } from './backoff';
import { isGone, toKubeError } from './errors';
import type { ListWatchClient, WatchEvent } from './list-watch';
import { ObjectStore, type StoreChange } from './store';

/**
 * Keeps one kind's {@link ObjectStore} in step with the API server: list, then watch from the list's
 * resourceVersion, for as long as it runs. Written instead of client-node's `ListWatch`, which gives up for good
 * after any list or watch error other than 410 (its callers must restart it), can open a new watch after `stop()`
 * when stopped during a list, and lists through typed APIs that turn timestamps into `Date`s.
 *
 * - 410 Gone (as the watch's HTTP status, or as an `ERROR` event with code 410): re-list, and the store reports the
 *   differences (deleted, added, modified) as changes.
 * - Watch closed by the server after a while (its `timeoutSeconds`, a restart): reconnect at once from the last
 *   resourceVersion. Closed again without a single event within a second, or failed: back off, doubling to 30 s.
 * - Watch idle past client-node's 30 s inactivity timer: reconnect at once (the timer already paced it).
 * - List failed: back off and retry; a 404 means the kind is no longer served and ends the reflector (`missing`).
 */

/** Where a reflector is in its life. */
export type ReflectorState = 'listing' | 'watching' | 'backoff' | 'missing' | 'stopped';

/** Reflector settings; `onChange` and `onState` are called synchronously. */
export interface ReflectorOptions {
  kind: ServedKind;
  client: ListWatchClient;
  onChange: (change: StoreChange) => void;
  onState: () => void;
  backoff?: BackoffOptions;
}

const QUICK_CLOSE_MS = 1_000;

/** The list-then-watch loop of one kind. */
export class Reflector {
  readonly store = new ObjectStore();
  state: ReflectorState = 'listing';
  /** True once the first list has been applied. */
  synced = false;
  lastSyncAt: Date | null = null;
  lastEventAt: Date | null = null;
  lastError: SourceError | null = null;
  relists = 0;
  reconnects = 0;
  private resourceVersion = '';
  private needsList = true;
  private attempt = 0;
  private quickExpiries = 0;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(readonly options: ReflectorOptions) {}

  /** Starts the loop in the background (once). */
  start(): void {
    this.running ??= this.run().catch((error: unknown) => {
      // The loop catches everything it expects; anything else is a bug, but must not crash the server.
      this.lastError = toKubeError(error, { operation: `watch ${this.options.kind.name}` });
      this.setState('stopped');
    });
  }

  /** Stops the loop and waits for it to end (an in-flight request is aborted). */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    this.setState('stopped');
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private setState(state: ReflectorState): void {
    if (this.state === 'stopped') return;
    this.state = state;
    this.options.onState();
  }

  private async backOff(error: SourceError | null): Promise<void> {
    if (error) this.lastError = error;
    this.attempt++;
    this.setState('backoff');
    await sleep(backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF), this.abort.signal);
  }

  // Runs until stopped (or the kind disappears); every round awaits a request or a backoff delay, so it cannot spin.
  private async run(): Promise<void> {
    const name = this.options.kind.name;
    while (!this.stopped) {
      if (this.needsList) {
        this.setState('listing');
        try {
          const list = this.options.client.list(this.abort.signal);
          const { items, resourceVersion } = await untilAborted(list, this.abort.signal);
          if (this.stopped) return;
          for (const change of this.store.replace(items)) this.options.onChange(change);
          this.resourceVersion = resourceVersion;
          this.needsList = false;
          this.synced = true;
          this.lastSyncAt = new Date();
          // `attempt` is reset only by a healthy watch: a server whose lists work but whose watches fail at once
          // must still see the delay grow.
          this.lastError = null;
        } catch (error) {
          if (this.stopped) return;
          const typed = toKubeError(error, { operation: `list ${name}` });
          if (typed.kind === 'not_found') {
            this.lastError = typed;
            this.setState('missing');
            return;
          }
          await this.backOff(typed);
          continue;
        }
      }
      await this.watchOnce();
    }
  }

  private async watchOnce(): Promise<void> {
    const name = this.options.kind.name;
    this.setState('watching');
    const started = Date.now();
    const stream = new AbortController();
    const signal = AbortSignal.any([this.abort.signal, stream.signal]);
    let events = 0;
    let expired = false;
    let statusError: SourceError | null = null;
    const onEvent = (event: WatchEvent): void => {
      if (event.type === 'ERROR') {
        // A Status inside the stream: 410 Expired means our resourceVersion is too old; end this watch either way.
        const status = event.object as { code?: unknown } | null;
        if (status?.code === 410) expired = true;
        else statusError = toKubeError(statusException(event.object), { operation: `watch ${name}` });
        stream.abort();
        return;
      }
      events++;
      this.lastEventAt = new Date();
      const rv = (event.object as { metadata?: { resourceVersion?: unknown } } | null)?.metadata
        ?.resourceVersion;
      if (typeof rv === 'string' && rv !== '') this.resourceVersion = rv;
      if (event.type === 'BOOKMARK' || !isKubeObject(event.object)) return;
      const obj = normalizeObject(event.object, this.options.kind.apiVersion, this.options.kind.kind);
      const change = this.store.apply(event.type, obj);
      if (change) this.options.onChange(change);
    };
    const { error } = await this.options.client.watch(this.resourceVersion, onEvent, signal);
    if (this.stopped) return;
    this.reconnects++;
    const healthy = events > 0 || Date.now() - started >= QUICK_CLOSE_MS;
    if (healthy) {
      this.attempt = 0;
      this.lastError = null;
    }
    if (expired || isGone(error)) {
      this.needsList = true;
      this.relists++;
      // One 410 right after connecting is normal (our resourceVersion was too old). Another one right after a fresh
      // list is not: back off so that such a server cannot make us re-list in a tight loop.
      this.quickExpiries = healthy ? 0 : this.quickExpiries + 1;
      if (this.quickExpiries > 1) {
        this.setState('backoff');
        await sleep(
          backoffDelay(this.quickExpiries - 1, this.options.backoff ?? DEFAULT_BACKOFF),
          this.abort.signal,
        );
      }
      return;
    }
    const failure = statusError ?? (error ? toKubeError(error, { operation: `watch ${name}` }) : null);
    // client-node's own inactivity timer fired: it already waited 30 s, so reconnect at once from where we were.
    if (failure?.kind === 'timeout' && !statusError) return;
    // The kind may have been removed (CRD deleted): a re-list tells, and ends the reflector with `missing` if so.
    if (failure?.kind === 'not_found') this.needsList = true;
    if (failure) return this.backOff(failure);
    if (!healthy) await this.backOff(null);
  }
}

function statusException(status: unknown): { code: number; body: unknown } {
  const code = (status as { code?: unknown } | null)?.code;
  return { code: typeof code === 'number' ? code : 500, body: status };
}
