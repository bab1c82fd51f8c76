import 'server-only';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { resourcePath, type ServedKind } from '@/lib/kube/discovery';
import { isKubeObject, normalizeObject, type KubeObject } from '@/lib/kube/object';
import { SourceError } from '@/lib/source-error';
import { isGone } from './errors';
import { kubeGetJson } from './request';

/** One event of a watch stream; `object` is a KubeObject, or a Status for `ERROR`. */
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: unknown;
}

/** A complete list of one kind and the resourceVersion to watch from. */
export interface ListResult {
  readonly items: KubeObject[];
  readonly resourceVersion: string;
}

/** How a watch ended: `error` null when the server closed the stream (or the caller aborted). */
export interface WatchOutcome {
  readonly error: unknown;
}

/** The port the reflector drives: list, then watch from the list's resourceVersion. */
export interface ListWatchClient {
  list(signal: AbortSignal): Promise<ListResult>;
  /** Resolves when the stream ends; never rejects. Aborting `signal` ends it. */
  watch(
    resourceVersion: string,
    onEvent: (event: WatchEvent) => void,
    signal: AbortSignal,
  ): Promise<WatchOutcome>;
}

/** Tuning of the client-node list/watch. */
export interface ListWatchOptions {
  /** Deadline of each list page, in milliseconds. */
  timeoutMs?: number;
  /** Objects per list page (`limit`). */
  pageSize?: number;
  /** Server-side watch duration in seconds (`timeoutSeconds`); random between 5 and 10 minutes by default. */
  watchSeconds?: () => number;
}

const MAX_PAGES = 1_000;
const eventTypes = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

function readPage(
  doc: unknown,
  kind: ServedKind,
): { items: KubeObject[]; resourceVersion: string; next?: string } {
  const list = doc as {
    items?: unknown;
    metadata?: { resourceVersion?: unknown; continue?: unknown };
  } | null;
  if (typeof list !== 'object' || list === null || (list.items != null && !Array.isArray(list.items))) {
    throw new SourceError(
      'kubernetes',
      'bad_response',
      `kubernetes list ${kind.name}: the answer is not a list`,
    );
  }
  const items = ((list.items as unknown[] | null) ?? []).filter(isKubeObject);
  const rv = list.metadata?.resourceVersion;
  const next = list.metadata?.continue;
  return {
    items: items.map((item) => normalizeObject(item, kind.apiVersion, kind.kind)),
    resourceVersion: typeof rv === 'string' ? rv : '',
    next: typeof next === 'string' && next !== '' ? next : undefined,
  };
}

/**
 * The client-node implementation: lists in pages through {@link kubeGetJson} (a continue token that expired with
 * 410 restarts the list once without paging, as client-go does) and watches with client-node's `Watch`, asking for
 * bookmarks and a server-side timeout so that the API server rotates the connection.
 */
export function clientNodeListWatch(
  kc: KubeConfig,
  kind: ServedKind,
  options: ListWatchOptions = {},
): ListWatchClient {
  const path = resourcePath(kind);
  const watcher = new Watch(kc);
  const pageSize = options.pageSize ?? 500;
  const watchSeconds = options.watchSeconds ?? ((): number => 300 + Math.floor(Math.random() * 300));

  async function listAll(signal: AbortSignal, limit: number | undefined): Promise<ListResult> {
    const items: KubeObject[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = { limit: limit?.toString(), continue: token };
      const operation = `list ${kind.name}`;
      const doc = await kubeGetJson(kc, path, { operation, query, signal, timeoutMs: options.timeoutMs });
      const result = readPage(doc, kind);
      items.push(...result.items);
      token = result.next;
      if (token === undefined) return { items, resourceVersion: result.resourceVersion };
    }
    throw new SourceError(
      'kubernetes',
      'bad_response',
      `kubernetes list ${kind.name}: more than ${MAX_PAGES} pages`,
    );
  }

  return {
    async list(signal) {
      try {
        return await listAll(signal, pageSize);
      } catch (error) {
        if (!isGone(error)) throw error;
        return listAll(signal, undefined);
      }
    },
    watch(resourceVersion, onEvent, signal) {
      return new Promise<WatchOutcome>((resolve) => {
        let controller: AbortController | undefined;
        const finish = (error: unknown): void => {
          signal.removeEventListener('abort', onAbort);
          resolve({ error: signal.aborted ? null : error });
        };
        const onAbort = (): void => {
          controller?.abort();
          finish(null);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        const query = { resourceVersion, allowWatchBookmarks: true, timeoutSeconds: watchSeconds() };
        const onLine = (type: string, object: unknown): void => {
          if (!signal.aborted && eventTypes.has(type)) onEvent({ type: type as WatchEvent['type'], object });
        };
        watcher
          .watch(path, query, onLine, (error: unknown) => finish(error ?? null))
          .then(
            (c) => {
              controller = c;
              if (signal.aborted) c.abort();
            },
            (error: unknown) => finish(error),
          );
      });
    },
  };
}
