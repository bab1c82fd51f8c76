/**
 * A watch over HTTP: newline-delimited JSON events (`{"type":"ADDED","object":{…}}`) on a chunked 200 answer, as
 * kubectl and client-node read them. A resourceVersion older than the history is answered, like Kubernetes does,
 * with an ERROR event carrying a 410 Status, then the end of the stream. Optional BOOKMARK events, a server-side
 * timeout (`timeoutSeconds`) and Table-shaped events for `kubectl get -w`.
 */
import { type ServerResponse } from 'node:http';
import { type ResourceType, apiVersionOf } from './resource-table';
import { ApiError } from './status';
import { type ResourceStore } from './store';
import { type IncludeObject, buildTable } from './table';
import { type KubeObject, type WatchOptions } from './types';

/** How one watch request is served. */
export interface WatchRequest extends WatchOptions {
  type: ResourceType;
  /** Seconds until the server ends the stream. */
  timeoutSeconds: number;
  /** Send a BOOKMARK every `bookmarkIntervalMs` (`allowWatchBookmarks=true`). */
  bookmarks: boolean;
  bookmarkIntervalMs: number;
  /** Send each object as a one-row Table (`kubectl get -w`). */
  table?: { include: IncludeObject };
}

/**
 * Serves a watch until the client goes away, the timeout passes or `abort` fires (server shutdown). Errors that
 * happen before the stream starts (a bad selector) are thrown, to be answered as an ordinary Status.
 */
export function serveWatch(
  res: ServerResponse,
  store: ResourceStore,
  watch: WatchRequest,
  abort: AbortSignal,
): void {
  const write = (type: string, object: unknown): void => {
    if (!res.writableEnded) res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const shape = (object: KubeObject): unknown =>
    watch.table
      ? buildTable(watch.type, [object], { now: store.clock(), include: watch.table.include })
      : object;

  const pending: { type: string; object: KubeObject }[] = [];
  let started = false;
  let handle: { stop(): void } | undefined;
  try {
    handle = store.watch(watch.type, watch, (event) => {
      if (started) write(event.type, shape(event.object));
      else pending.push(event);
    });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 410) throw error;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    write('ERROR', error.status);
    res.end();
    return;
  }

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  started = true;
  for (const event of pending) write(event.type, shape(event.object));

  const bookmark = (): void =>
    write('BOOKMARK', {
      kind: watch.type.kind,
      apiVersion: apiVersionOf(watch.type),
      metadata: { resourceVersion: store.resourceVersion },
    });
  const ticker = watch.bookmarks ? setInterval(bookmark, watch.bookmarkIntervalMs) : undefined;
  const timer = setTimeout(() => finish(), Math.max(0, watch.timeoutSeconds * 1000));

  function finish(): void {
    handle?.stop();
    if (ticker) clearInterval(ticker);
    clearTimeout(timer);
    abort.removeEventListener('abort', finish);
    if (!res.writableEnded) res.end();
  }
  // `res` (not `req`) closes when the client goes away: a request's own 'close' fires once its body is read.
  res.on('close', finish);
  abort.addEventListener('abort', finish);
}
