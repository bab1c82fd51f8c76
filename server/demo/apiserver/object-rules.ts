/**
 * The rules a write must satisfy before the store accepts it, as pure functions: the shape of the incoming object,
 * which fields the server owns, what an update may change, and when `generation` moves.
 */
import { rbacCauses, rbacUpdateCauses } from './auth/rbac-validation';
import { metadataCauses } from './object-meta';
import { type ResourceType, apiVersionOf, resourceKey } from './resource-table';
import { badRequest, conflict, invalid } from './status';
import { schemaCauses } from './validation';
import { type KubeObject, cloneJson, isPlainObject } from './types';

/** Fields of `metadata` that only the server writes. */
const SERVER_OWNED = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
] as const;

/**
 * A copy of an incoming body as an object of `type`: `apiVersion`/`kind` checked against the kind (a mismatch is
 * a 400) and then set, `metadata` present. Server-owned metadata is left for the caller to decide on.
 */
export function normalizeIncoming(type: ResourceType, body: unknown): KubeObject {
  if (!isPlainObject(body)) throw badRequest('the request body must be a JSON or YAML object');
  const object = cloneJson(body) as KubeObject;
  const expected = apiVersionOf(type);
  if (object.apiVersion !== undefined && object.apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expected})`,
    );
  }
  if (object.kind !== undefined && object.kind !== type.kind) {
    throw badRequest(
      `the kind in the data (${String(object.kind)}) does not match the expected kind (${type.kind})`,
    );
  }
  if (object.metadata === undefined) object.metadata = {};
  if (!isPlainObject(object.metadata)) throw badRequest('metadata must be an object');
  object.apiVersion = expected;
  object.kind = type.kind;
  if (!type.namespaced) delete object.metadata.namespace;
  return object;
}

/** Removes what a client may not set on create. */
export function stripServerOwned(object: KubeObject): void {
  for (const field of SERVER_OWNED) delete object.metadata[field];
}

/**
 * Throws a 422 when the object's metadata, its spec (Istio and Gateway API kinds, by schema) or its rules and
 * bindings (RBAC kinds) are invalid, or when an update (`previous` given) changes what may not change.
 */
export function assertValid(type: ResourceType, object: KubeObject, previous?: KubeObject): void {
  const key = resourceKey(type);
  const causes = [
    ...metadataCauses(object, type.kind),
    ...schemaCauses(key, object),
    ...rbacCauses(key, object),
    ...(previous ? rbacUpdateCauses(key, previous, object) : []),
  ];
  if (causes.length > 0) throw invalid(type, object.metadata.name ?? '', causes);
}

function withoutMetaAndStatus(object: KubeObject): string {
  const { metadata: _metadata, status: _status, ...rest } = object;
  return JSON.stringify(rest);
}

/** True when something outside `metadata` and `status` differs: the condition for bumping `generation`. */
export function specChanged(before: KubeObject, after: KubeObject): boolean {
  return withoutMetaAndStatus(before) !== withoutMetaAndStatus(after);
}

/** True when the objects are the same apart from `resourceVersion`: such an update is a no-op. */
export function sameContent(before: KubeObject, after: KubeObject): boolean {
  const strip = (o: KubeObject): string =>
    JSON.stringify({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return strip(before) === strip(after);
}

/**
 * The object an update stores: the client's body, with identity and server-owned metadata kept from the current
 * object and, for kinds with a status subresource, the status kept too (a `status` update changes only status).
 */
export function mergeUpdate(
  type: ResourceType,
  current: KubeObject,
  incoming: KubeObject,
  statusOnly: boolean,
): KubeObject {
  if (incoming.metadata.name !== undefined && incoming.metadata.name !== current.metadata.name) {
    throw badRequest(
      `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${current.metadata.name})`,
    );
  }
  const next = statusOnly ? { ...cloneJson(current), status: incoming['status'] } : incoming;
  if (!statusOnly && type.subresources.includes('status')) {
    if (current['status'] === undefined) delete next['status'];
    else next['status'] = cloneJson(current['status']);
  }
  const meta = current.metadata;
  next.metadata = {
    ...next.metadata,
    name: meta.name,
    uid: meta.uid,
    creationTimestamp: meta.creationTimestamp,
    resourceVersion: meta.resourceVersion,
    generation: meta.generation,
  };
  if (type.namespaced) next.metadata.namespace = meta.namespace;
  else delete next.metadata.namespace;
  if (statusOnly) next.metadata = cloneJson(meta);
  return next;
}

/** Throws a 409 when the client named a resourceVersion that is no longer current. */
export function checkPrecondition(type: ResourceType, current: KubeObject, wanted: unknown): void {
  if (wanted === undefined || wanted === null || wanted === '') return;
  if (String(wanted) !== current.metadata.resourceVersion) throw conflict(type, current.metadata.name ?? '');
}
