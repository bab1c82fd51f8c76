import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  missingKindReports,
  type MissingKind,
  type MissingKindReport,
  type ServedKind,
} from '@/lib/kube/discovery';
import { watchedKind, WATCHED_KINDS, type KindName, type WatchedKind } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import { SourceError } from '@/lib/source-error';
import { dashboardMetrics } from '@/server/observability/metrics';
import { backoffDelay, DEFAULT_BACKOFF, sleep, untilAborted, type BackoffOptions } from './backoff';
import { buildStats, kindError, notSyncedError, type CacheView, type KubeCacheStats } from './cache-stats';
import { discoverKinds, type DiscoveryResult } from './discovery';
import { toKubeError } from './errors';
import { clientNodeListWatch, type ListWatchClient } from './list-watch';
import { Reflector } from './reflector';
import type { ChangeType } from './store';

/** One change in the cache. For `deleted`, the object's last known state. */
export interface KubeCacheEvent {
  type: ChangeType;
  kind: KindName;
  object: KubeObject;
}

/** Called synchronously for every change; must not throw (a throw is logged and ignored). */
export type KubeCacheListener = (event: KubeCacheEvent) => void;

/** Cache settings. Only `kubeConfig` is required; the rest tune it or replace its I/O in tests. */
export interface KubeCacheOptions {
  kubeConfig: KubeConfig;
  /** The kinds to keep; the whole table by default. */
  kinds?: readonly WatchedKind[];
  /** Deadline of discovery and list requests, in ms; the KubeConfig's request timeout by default. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  /** Objects per list page; 500 by default. */
  pageSize?: number;
  /** How often kinds found missing are looked for again (a Gateway API installed later), in ms; 5 min by default. */
  rediscoverIntervalMs?: number;
  /** Replaces client-node's list/watch (tests). */
  listWatch?: (kind: ServedKind) => ListWatchClient;
  /** Replaces discovery (tests). */
  discover?: (signal: AbortSignal) => Promise<DiscoveryResult>;
}

/**
 * The watch-backed cache of the kinds in {@link WATCHED_KINDS}, shared by every request of a process (see
 * `sharedKubeCache`). On start, discovery decides which kinds are served and at which version; each served kind
 * gets a {@link Reflector} (list, then watch, reconnecting with bounded backoff and re-listing after 410 Gone);
 * kinds not served are reported as missing and looked for again every `rediscoverIntervalMs`, never in a loop.
 * Discovery that fails (API server down) is retried with backoff. Reads never touch the network.
 */
export class KubeCache {
  private readonly kinds: readonly WatchedKind[];
  private readonly reflectors = new Map<KindName, Reflector>();
  private readonly missing = new Map<KindName, MissingKind>();
  private readonly listeners = new Set<KubeCacheListener>();
  private readonly waiters = new Set<() => void>();
  private readonly abort = new AbortController();
  private discoveredAt: Date | null = null;
  private discoveryError: SourceError | null = null;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: KubeCacheOptions) {
    this.kinds = options.kinds ?? WATCHED_KINDS;
  }

  /** Starts discovery and the watches in the background; calling it again does nothing. */
  start(): void {
    if (this.abort.signal.aborted) throw new Error('a stopped KubeCache cannot be restarted');
    this.loop ??= this.discoveryLoop();
  }

  /** True once discovery has run and every served kind has been listed at least once. */
  isSynced(): boolean {
    return this.discoveredAt !== null && [...this.reflectors.values()].every((r) => r.synced);
  }

  /**
   * Resolves once {@link isSynced}; rejects after `timeoutMs` with a SourceError (the underlying error's kind, e.g.
   * `unreachable`, when there is one, else `timeout`) naming the kinds still pending, or when the cache stops.
   */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    if (this.isSynced()) return Promise.resolve();
    const stopped = (): SourceError =>
      new SourceError('kubernetes', 'unavailable', 'kubernetes: cache stopped');
    if (this.abort.signal.aborted) return Promise.reject(stopped());
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (this.isSynced()) resolve();
        else if (this.abort.signal.aborted) reject(stopped());
        else reject(notSyncedError(this.view(), timeoutMs));
      };
      const check = (): void => {
        if (this.isSynced() || this.abort.signal.aborted) settle();
      };
      const timer = setTimeout(settle, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** The objects of a kind, across namespaces or in one; empty for a kind that is missing or not listed yet. */
  list(kind: KindName, namespace?: string): KubeObject[] {
    return this.reflectors.get(kind)?.store.list(namespace) ?? [];
  }

  /** One object; pass `undefined` as namespace for cluster-scoped kinds. */
  get(kind: KindName, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.reflectors.get(kind)?.store.get(namespace, name);
  }

  /** Why `list(kind)` cannot be trusted right now (missing kind, not listed yet), or null. */
  kindError(kind: KindName): SourceError | null {
    return kindError(watchedKind(kind, this.kinds), this.view());
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: KubeCacheListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Missing kinds grouped for people, e.g. "Gateway API not installed: gatewayclasses, gateways, httproutes". */
  missingKinds(): MissingKindReport[] {
    return missingKindReports([...this.missing.values()], this.kinds);
  }

  /** The same as SourceErrors of kind `missing_kind`, for `{data, errors[]}` answers. */
  missingKindErrors(): SourceError[] {
    return this.missingKinds().map((r) => new SourceError('kubernetes', 'missing_kind', r.message));
  }

  /** Per-kind counts, sync times, errors; for the readyz page. */
  stats(): KubeCacheStats {
    return buildStats(this.view(), this.isSynced());
  }

  /** Stops discovery and every watch, waits for them to end, and rejects pending `whenSynced` calls. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await Promise.all([...this.reflectors.values()].map((r) => r.stop()));
    for (const kind of this.kinds) dashboardMetrics().cacheObjects.set({ kind: kind.name }, 0);
    this.notify();
  }

  private view(): CacheView {
    const { kinds, reflectors, missing, discoveredAt, discoveryError } = this;
    return { kinds, reflectors, missing, discoveredAt, discoveryError };
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  // Runs until stopped; each round awaits discovery or a delay (backoff, or the rediscovery interval).
  private async discoveryLoop(): Promise<void> {
    const signal = this.abort.signal;
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    const discover =
      this.options.discover ??
      ((s: AbortSignal) =>
        discoverKinds(this.options.kubeConfig, this.kinds, { signal: s, timeoutMs: this.options.timeoutMs }));
    let attempt = 0;
    while (!signal.aborted) {
      if (this.discoveredAt !== null && this.missing.size === 0) {
        await sleep(this.options.rediscoverIntervalMs ?? 300_000, signal);
        continue;
      }
      try {
        const result = await untilAborted(discover(signal), signal);
        if (signal.aborted) return;
        this.applyDiscovery(result);
        this.discoveredAt = new Date();
        this.discoveryError = null;
        attempt = 0;
        this.notify();
        if (this.missing.size > 0) await sleep(this.options.rediscoverIntervalMs ?? 300_000, signal);
      } catch (error) {
        if (signal.aborted) return;
        this.discoveryError = toKubeError(error, { operation: 'discovery' });
        attempt++;
        this.notify();
        await sleep(backoffDelay(attempt, backoff), signal);
      }
    }
  }

  private applyDiscovery(result: DiscoveryResult): void {
    for (const served of result.served) {
      this.missing.delete(served.name);
      if (!this.reflectors.has(served.name)) this.startReflector(served);
    }
    // A kind that discovery no longer lists but whose reflector still works stays: its next list or watch tells.
    for (const gap of result.missing) {
      if (!this.reflectors.has(gap.kind.name)) this.missing.set(gap.kind.name, gap);
    }
  }

  private startReflector(kind: ServedKind): void {
    const { kubeConfig, timeoutMs, pageSize } = this.options;
    const listWatch =
      this.options.listWatch ??
      ((k: ServedKind) => clientNodeListWatch(kubeConfig, k, { timeoutMs, pageSize }));
    const gauge = dashboardMetrics().cacheObjects;
    const reflector: Reflector = new Reflector({
      kind,
      client: listWatch(kind),
      backoff: this.options.backoff,
      onChange: (change) => {
        gauge.set({ kind: kind.name }, reflector.store.size);
        this.emit({ type: change.type, kind: kind.name, object: change.object });
      },
      onState: () => {
        if (reflector.state === 'missing') this.dropMissing(reflector);
        this.notify();
      },
    });
    this.reflectors.set(kind.name, reflector);
    gauge.set({ kind: kind.name }, 0);
    reflector.start();
  }

  // The kind's list answered 404 (its CRD was removed): forget its objects and look for it again later.
  private dropMissing(reflector: Reflector): void {
    const kind = reflector.options.kind;
    this.reflectors.delete(kind.name);
    const reason = reflector.lastError?.message ?? 'no longer served';
    this.missing.set(kind.name, { kind: watchedKind(kind.name, this.kinds), reason });
    for (const change of reflector.store.clear()) {
      this.emit({ type: change.type, kind: kind.name, object: change.object });
    }
    dashboardMetrics().cacheObjects.set({ kind: kind.name }, 0);
    // The discovery loop looks for it again at its next interval.
  }

  private emit(event: KubeCacheEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('kube cache listener failed', error);
      }
    }
  }
}
