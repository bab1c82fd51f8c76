import 'server-only';
import { missingKindReports, type MissingKind, type MissingKindReport } from '@/lib/kube/discovery';
import { FAMILY_LABELS, type KindName, type WatchedKind } from '@/lib/kube/kinds';
import { SourceError, type SourceErrorDTO } from '@/lib/source-error';
import type { Reflector, ReflectorState } from './reflector';

/** A kind's state on the readyz page: `discovering` until discovery has run, then its reflector's state. */
export type KindState = 'discovering' | ReflectorState;

/** What the readyz page shows for one kind. */
export interface KindStats {
  kind: KindName;
  /** The version being watched (`networking.istio.io/v1`); null until discovered or when missing. */
  apiVersion: string | null;
  state: KindState;
  /** True once the kind has been listed (it stays true through reconnects and re-lists). */
  synced: boolean;
  objects: number;
  /** ISO-8601 time of the last complete list. */
  lastSyncAt: string | null;
  /** ISO-8601 time of the last watch event. */
  lastEventAt: string | null;
  lastError: SourceErrorDTO | null;
  /** Re-lists after 410 Gone. */
  relists: number;
  /** Watch connections that ended and were reopened. */
  reconnects: number;
  /** Why the kind is missing, when it is. */
  missingReason: string | null;
}

/** The whole cache, for the readyz page. */
export interface KubeCacheStats {
  /** Every served kind has been listed at least once. */
  synced: boolean;
  /** ISO-8601 time of the last successful discovery. */
  discoveredAt: string | null;
  discoveryError: SourceErrorDTO | null;
  kinds: KindStats[];
  /** Missing kinds grouped for people ("Gateway API not installed: gatewayclasses, gateways, httproutes"). */
  missing: MissingKindReport[];
}

/** The live parts of the cache that the stats read. */
export interface CacheView {
  kinds: readonly WatchedKind[];
  reflectors: ReadonlyMap<KindName, Reflector>;
  missing: ReadonlyMap<KindName, MissingKind>;
  discoveredAt: Date | null;
  discoveryError: SourceError | null;
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function kindStats(kind: WatchedKind, view: CacheView): KindStats {
  const r = view.reflectors.get(kind.name);
  const missing = view.missing.get(kind.name);
  return {
    kind: kind.name,
    apiVersion: r ? r.options.kind.apiVersion : null,
    state: r ? r.state : missing ? 'missing' : 'discovering',
    synced: r?.synced ?? false,
    objects: r?.store.size ?? 0,
    lastSyncAt: iso(r?.lastSyncAt ?? null),
    lastEventAt: iso(r?.lastEventAt ?? null),
    lastError: r?.lastError?.toDTO() ?? null,
    relists: r?.relists ?? 0,
    reconnects: r?.reconnects ?? 0,
    missingReason: missing?.reason ?? null,
  };
}

/** Builds the stats of a cache. */
export function buildStats(view: CacheView, synced: boolean): KubeCacheStats {
  return {
    synced,
    discoveredAt: iso(view.discoveredAt),
    discoveryError: view.discoveryError?.toDTO() ?? null,
    kinds: view.kinds.map((k) => kindStats(k, view)),
    missing: missingKindReports([...view.missing.values()], view.kinds),
  };
}

/**
 * Why a kind cannot be read from the cache right now, or null when it can: `missing_kind` for a kind the cluster
 * does not serve, the last error (or `unavailable`) for one not listed yet.
 */
export function kindError(kind: WatchedKind, view: CacheView): SourceError | null {
  const missing = view.missing.get(kind.name);
  if (missing) {
    const message = `${FAMILY_LABELS[kind.family]} kind ${kind.name} is not served: ${missing.reason}`;
    return new SourceError('kubernetes', 'missing_kind', message);
  }
  const r = view.reflectors.get(kind.name);
  if (r?.synced) return null;
  const pending = r ? `${kind.name} not listed yet` : 'discovery has not completed';
  return (
    (r ? r.lastError : view.discoveryError) ??
    new SourceError('kubernetes', 'unavailable', `kubernetes: ${pending}`)
  );
}

/**
 * The error `whenSynced` rejects with: the discovery error or a pending kind's last error when there is one (so an
 * unreachable API server reads as `unreachable`), else `timeout`; the message names the kinds still pending.
 */
export function notSyncedError(view: CacheView, timeoutMs: number): SourceError {
  const pending = view.kinds.filter((k) => !view.missing.has(k.name) && !view.reflectors.get(k.name)?.synced);
  const names = pending.map((k) => k.name).join(', ');
  const cause =
    view.discoveryError ?? pending.map((k) => view.reflectors.get(k.name)?.lastError).find((e) => e);
  const base = `kubernetes: watch cache not synced within ${timeoutMs} ms (pending: ${names || 'discovery'})`;
  if (!cause) return new SourceError('kubernetes', 'timeout', base);
  return new SourceError('kubernetes', cause.kind, `${base}: ${cause.message}`, {
    status: cause.status,
    cause,
  });
}
