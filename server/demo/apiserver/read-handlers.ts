/**
 * GET on resource paths: one object, a list (paged with `limit`/`continue`), or a watch; as JSON or, for
 * `kubectl get`, as a Table.
 */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { isWatchRequested } from './auth/attributes';
import { sendJson } from './http-io';
import { type ResourceType, apiVersionOf } from './resource-table';
import { type ResourceRoute } from './routes';
import { badRequest, notFound } from './status';
import { type ResourceStore } from './store';
import { buildTable, parseIncludeObject, wantsTable } from './table';
import { type KubeObject, type ListOptions } from './types';
import { serveWatch } from './watch-stream';

/** What read handlers need from the server. */
export interface ReadContext {
  store: ResourceStore;
  bookmarkIntervalMs: number;
  /** Fires when the server shuts down, to end open watches. */
  shutdown: AbortSignal;
}

const TABLE_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';
/** Watches without `timeoutSeconds` end after this long, as with the API server's default of 30–60 minutes. */
const DEFAULT_WATCH_SECONDS = 1800;

function listOptions(route: ResourceRoute, query: URLSearchParams): ListOptions {
  const options: ListOptions = {};
  if (route.namespace !== undefined) options.namespace = route.namespace;
  const labels = query.get('labelSelector');
  const fields = query.get('fieldSelector');
  if (labels) options.labelSelector = labels;
  if (fields) options.fieldSelector = fields;
  return options;
}

function idOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

interface Page {
  items: KubeObject[];
  continueToken?: string;
  remaining?: number;
}

/** Cuts a sorted list into a page; the continue token names the last item returned. */
export function paginate(items: KubeObject[], limit: string | null, token: string | null): Page {
  let start = 0;
  if (token) {
    let after: unknown;
    try {
      after = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown }).after;
    } catch {
      throw badRequest('invalid continue token');
    }
    if (typeof after !== 'string') throw badRequest('invalid continue token');
    start = items.findIndex((o) => idOf(o) > after);
    if (start < 0) start = items.length;
  }
  const size = limit ? Number(limit) : 0;
  if (!Number.isInteger(size) || size < 0) throw badRequest(`invalid limit "${limit}"`);
  const end = size > 0 ? Math.min(items.length, start + size) : items.length;
  const page: Page = { items: items.slice(start, end) };
  const last = page.items[page.items.length - 1];
  if (end < items.length && last) {
    page.continueToken = Buffer.from(JSON.stringify({ after: idOf(last) })).toString('base64url');
    page.remaining = items.length - end;
  }
  return page;
}

function listKind(type: ResourceType): string {
  return `${type.kind}List`;
}

/** Answers a GET on a resource path. */
export function handleRead(
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  route: ResourceRoute,
  ctx: ReadContext,
): void {
  const { type } = route;
  const table = wantsTable(req.headers.accept);
  const include = parseIncludeObject(query.get('includeObject'));
  const now = ctx.store.clock();
  if (route.name !== undefined && !route.watchPath) {
    if (type.namespaced && route.namespace === undefined) throw notFound(type, route.name);
    const object = ctx.store.get(type, route.namespace, route.name);
    if (!object) throw notFound(type, route.name);
    if (table) sendJson(res, 200, buildTable(type, [object], { now, include }), TABLE_TYPE);
    else sendJson(res, 200, object);
    return;
  }
  const options = listOptions(route, query);
  if (route.name !== undefined)
    options.fieldSelector = [options.fieldSelector, `metadata.name=${route.name}`].filter(Boolean).join(',');
  if (route.watchPath || isWatchRequested(query)) {
    const timeout = Number(query.get('timeoutSeconds') ?? DEFAULT_WATCH_SECONDS);
    if (!Number.isFinite(timeout) || timeout < 0) throw badRequest('invalid timeoutSeconds');
    const rv = query.get('resourceVersion');
    serveWatch(
      res,
      ctx.store,
      {
        ...options,
        ...(rv ? { resourceVersion: rv } : {}),
        type,
        timeoutSeconds: timeout,
        bookmarks: query.get('allowWatchBookmarks') === 'true',
        bookmarkIntervalMs: ctx.bookmarkIntervalMs,
        ...(table ? { table: { include } } : {}),
      },
      ctx.shutdown,
    );
    return;
  }
  const { items, resourceVersion } = ctx.store.list(type, options);
  const page = paginate(items, query.get('limit'), query.get('continue'));
  if (table) {
    const built = buildTable(type, page.items, {
      now,
      include,
      resourceVersion,
      ...(page.continueToken ? { continueToken: page.continueToken } : {}),
    });
    sendJson(res, 200, built, TABLE_TYPE);
    return;
  }
  const metadata: Record<string, unknown> = { resourceVersion };
  if (page.continueToken) metadata['continue'] = page.continueToken;
  if (page.remaining !== undefined) metadata['remainingItemCount'] = page.remaining;
  sendJson(res, 200, { kind: listKind(type), apiVersion: apiVersionOf(type), metadata, items: page.items });
}
