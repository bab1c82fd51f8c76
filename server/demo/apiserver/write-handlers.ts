/**
 * POST, PUT, PATCH and DELETE on resource paths. The body is read (bounded), parsed and checked against the URL
 * before the store sees it, and the store refuses a write as a whole, so nothing is ever half-written.
 */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { parseBody, readBody, sendJson } from './http-io';
import { patchTypeOf } from './patch';
import { apiVersionOf, isBuiltIn, type Verb } from './resource-table';
import { type ResourceRoute } from './routes';
import { ApiError, badRequest } from './status';
import { type ResourceStore, type UpdateOptions } from './store';
import { type KubeObject, isPlainObject } from './types';

/** `dryRun=All` (the only value Kubernetes knows); anything else is a 400. */
export function parseDryRun(values: string[]): boolean {
  for (const value of values) if (value !== 'All') throw badRequest(`unsupported dryRun value "${value}"`);
  return values.length > 0;
}

/** The verb (as discovery lists it) each write method needs. */
const VERB_OF_METHOD: Readonly<Record<string, Verb>> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

const METHOD_NOT_ALLOWED = (verb: string): ApiError =>
  new ApiError(
    405,
    'MethodNotAllowed',
    `the server does not allow this method on the requested resource (${verb})`,
  );

/** Puts the URL's namespace and name into a body, refusing a body that names another one. */
function bindToUrl(route: ResourceRoute, body: unknown): KubeObject {
  if (!isPlainObject(body)) throw badRequest('the request body must be an object');
  const metadata = isPlainObject(body['metadata']) ? { ...body['metadata'] } : {};
  if (route.type.namespaced) {
    if (route.namespace === undefined)
      throw METHOD_NOT_ALLOWED('a namespaced object needs a namespace in the URL');
    if (
      metadata['namespace'] !== undefined &&
      metadata['namespace'] !== '' &&
      metadata['namespace'] !== route.namespace
    ) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    metadata['namespace'] = route.namespace;
  }
  if (route.name !== undefined) {
    if (metadata['name'] !== undefined && metadata['name'] !== route.name) {
      throw badRequest(
        `the name of the object (${String(metadata['name'])}) does not match the name on the URL (${route.name})`,
      );
    }
    metadata['name'] = route.name;
  }
  return { ...body, metadata } as KubeObject;
}

async function body(req: IncomingMessage): Promise<unknown> {
  return parseBody(await readBody(req), req.headers['content-type']);
}

interface DeleteBody {
  dryRun?: string[];
  preconditions?: { resourceVersion?: string };
}

async function deleteOptions(req: IncomingMessage): Promise<DeleteBody> {
  const raw = await readBody(req);
  const contentType = req.headers['content-type'];
  // DeleteOptions from a protobuf client are not described; deleting without its preconditions is the safe reading.
  if (raw.toString().trim() === '' || /protobuf/i.test(contentType ?? '')) return {};
  const parsed = parseBody(raw, contentType);
  return isPlainObject(parsed) ? (parsed as DeleteBody) : {};
}

/** One write request, parsed as far as the URL and query go. */
interface WriteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  route: ResourceRoute;
  store: ResourceStore;
  options: UpdateOptions;
}

function unsupportedPatch(message: string): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - ${message}`,
  );
}

async function create({ req, res, route, store, options }: WriteRequest): Promise<void> {
  if (route.name !== undefined) throw METHOD_NOT_ALLOWED('POST on a named object');
  sendJson(res, 201, store.create(route.type, bindToUrl(route, await body(req)), { dryRun: options.dryRun }));
}

async function replace({ req, res, route, store, options }: WriteRequest): Promise<void> {
  sendJson(res, 200, store.update(route.type, bindToUrl(route, await body(req)), options));
}

async function patch({ req, res, query, route, store, options }: WriteRequest): Promise<void> {
  const { type } = route;
  const name = route.name ?? '';
  const patchType = patchTypeOf(req.headers['content-type']);
  if (!patchType) {
    throw unsupportedPatch(
      'accepted media types include: application/json-patch+json, application/merge-patch+json, ' +
        'application/apply-patch+yaml, application/strategic-merge-patch+json',
    );
  }
  if (patchType === 'strategic' && !isBuiltIn(type)) {
    throw unsupportedPatch(
      `strategic merge patch is not supported for ${type.kind}; use a merge or JSON patch`,
    );
  }
  const parsed = await body(req);
  if (patchType !== 'apply') {
    sendJson(res, 200, store.patch(type, route.namespace, name, patchType, parsed, options));
    return;
  }
  if (!query.get('fieldManager')) throw badRequest('fieldManager is required for apply patch');
  const existed = store.get(type, route.namespace, name) !== undefined;
  sendJson(res, existed ? 200 : 201, store.apply(type, bindToUrl(route, parsed), options));
}

async function remove({ req, res, query, route, store, options }: WriteRequest): Promise<void> {
  const { type } = route;
  const parsed = await deleteOptions(req);
  const dryRun = Boolean(options.dryRun) || parseDryRun(parsed.dryRun ?? []);
  if (route.name !== undefined) {
    const rv = parsed.preconditions?.resourceVersion;
    const deleted = store.delete(type, route.namespace, route.name, {
      dryRun,
      ...(rv ? { resourceVersion: rv } : {}),
    });
    sendJson(res, 200, deleted);
    return;
  }
  const scope = route.namespace === undefined ? {} : { namespace: route.namespace };
  const victims = store.list(type, { ...scope, ...selectorsOf(query) }).items;
  const items = victims.map((o) =>
    store.delete(type, o.metadata.namespace, o.metadata.name ?? '', { dryRun }),
  );
  sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: {}, items });
}

const HANDLERS: Readonly<Record<string, (write: WriteRequest) => Promise<void>>> = {
  POST: create,
  PUT: replace,
  PATCH: patch,
  DELETE: remove,
};

/** Answers a POST, PUT, PATCH or DELETE on a resource path. */
export async function handleWrite(
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  route: ResourceRoute,
  store: ResourceStore,
): Promise<void> {
  const method = req.method ?? '';
  const handler = HANDLERS[method];
  const verb = method === 'DELETE' && route.name === undefined ? 'deletecollection' : VERB_OF_METHOD[method];
  if (!handler || !verb || !route.type.verbs.includes(verb)) throw METHOD_NOT_ALLOWED(method);
  if ((method === 'PUT' || method === 'PATCH') && route.name === undefined) {
    throw METHOD_NOT_ALLOWED(`${method} on a collection`);
  }
  const dryRun = parseDryRun(query.getAll('dryRun'));
  const options: UpdateOptions = {
    dryRun,
    ...(route.subresource === 'status' ? { subresource: 'status' } : {}),
  };
  await handler({ req, res, query, route, store, options });
}

function selectorsOf(query: URLSearchParams): { labelSelector?: string; fieldSelector?: string } {
  const out: { labelSelector?: string; fieldSelector?: string } = {};
  const labels = query.get('labelSelector');
  const fields = query.get('fieldSelector');
  if (labels) out.labelSelector = labels;
  if (fields) out.fieldSelector = fields;
  return out;
}
