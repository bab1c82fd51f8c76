/**
 * The `scale` subresource of Deployments and ReplicaSets (`kubectl scale`): an autoscaling/v1 Scale view of
 * `spec.replicas`, readable, replaceable and patchable. Writes go through the store as an update of the owner, so
 * they get its preconditions, validation, dry run and watch events.
 */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { parseBody, readBody, sendJson } from './http-io';
import { applyPatch, patchTypeOf } from './patch';
import { type ResourceRoute } from './routes';
import { ApiError, badRequest, notFound } from './status';
import { type ResourceStore } from './store';
import { type KubeObject, isPlainObject } from './types';
import { parseDryRun } from './write-handlers';

/** The Scale view of a scalable object. */
export function toScale(object: KubeObject): KubeObject {
  const spec = isPlainObject(object['spec']) ? object['spec'] : {};
  const status = isPlainObject(object['status']) ? object['status'] : {};
  const selector = isPlainObject(spec['selector']) ? spec['selector']['matchLabels'] : undefined;
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: typeof spec['replicas'] === 'number' ? spec['replicas'] : 1 },
    status: {
      replicas: typeof status['replicas'] === 'number' ? status['replicas'] : 0,
      selector: isPlainObject(selector)
        ? Object.entries(selector)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(',')
        : '',
    },
  };
}

/** `spec.replicas` of a Scale; absent means 0, as Go clients omit a zero (`"spec":{}` from `kubectl scale`). */
function replicasOf(scale: unknown, name: string): number {
  const spec = isPlainObject(scale) ? scale['spec'] : undefined;
  const replicas = isPlainObject(spec) ? spec['replicas'] : undefined;
  if (replicas === undefined) return 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new ApiError(
      422,
      'Invalid',
      `Scale.autoscaling "${name}" is invalid: spec.replicas: must be a non-negative integer`,
      {
        name,
        kind: 'Scale',
        group: 'autoscaling',
        causes: [
          { reason: 'FieldValueInvalid', message: 'must be a non-negative integer', field: 'spec.replicas' },
        ],
      },
    );
  }
  return replicas;
}

/** Answers GET, PUT and PATCH on `/<plural>/<name>/scale`. */
export async function handleScale(
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  route: ResourceRoute,
  store: ResourceStore,
): Promise<void> {
  const name = route.name ?? '';
  const current = store.get(route.type, route.namespace, name);
  if (!current) throw notFound(route.type, name);
  const scale = toScale(current);
  if (req.method === 'GET') {
    sendJson(res, 200, scale);
    return;
  }
  if (req.method !== 'PUT' && req.method !== 'PATCH') {
    throw new ApiError(405, 'MethodNotAllowed', `the server does not allow ${req.method ?? ''} on scale`);
  }
  const patchType = req.method === 'PATCH' ? patchTypeOf(req.headers['content-type']) : undefined;
  if (req.method === 'PATCH' && !patchType) throw badRequest('unsupported patch type for scale');
  const body = parseBody(await readBody(req), req.headers['content-type']);
  const wanted = patchType ? applyPatch(scale, patchType, body) : body;
  const precondition =
    isPlainObject(wanted) && isPlainObject(wanted['metadata'])
      ? wanted['metadata']['resourceVersion']
      : undefined;
  const next = { ...current, spec: { ...(current['spec'] as object), replicas: replicasOf(wanted, name) } };
  next.metadata = {
    ...current.metadata,
    resourceVersion: typeof precondition === 'string' ? precondition : current.metadata.resourceVersion,
  };
  const dryRun = parseDryRun(query.getAll('dryRun'));
  sendJson(res, 200, toScale(store.update(route.type, next, { dryRun })));
}
