/**
 * A minimal OpenAPI v3 for kubectl. `kubectl apply` (1.32) refuses to run without OpenAPI: it wants to know whether
 * the server validates fields itself. It reads `/openapi/v3`, then the group version's document, and looks for a
 * PATCH operation of the kind (`x-kubernetes-group-version-kind`) that takes the `fieldValidation` parameter. Given
 * one, it sends `fieldValidation=Strict` and leaves validation to the server. No schemas are published, so kubectl
 * computes patches for built-in kinds from its compiled-in types and uses JSON merge patch for the others.
 * `/openapi/v2` stays a 404, which kubectl tolerates once v3 answers. Review kinds (create-only) are left out.
 */
import { type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { sendJson } from './http-io';
import { RESOURCE_TYPES, type ResourceType } from './resource-table';
import { ApiError } from './status';

function gvPath(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? `api/${type.version}` : `apis/${type.group}/${type.version}`;
}

/** Reviews are only ever created, so they publish no PATCH operation. */
const PATCHABLE = RESOURCE_TYPES.filter((t) => !t.review);

const PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
  name,
  in: 'query',
  schema: { type: name === 'force' ? 'boolean' : 'string' },
}));

/** The OpenAPI v3 document of one group version (`api/v1`, `apis/apps/v1`), or undefined if not served. */
export function groupVersionDocument(path: string): Record<string, unknown> | undefined {
  const types = PATCHABLE.filter((t) => gvPath(t) === path);
  if (types.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  for (const type of types) {
    const scope = type.namespaced ? '/namespaces/{namespace}' : '';
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    paths[`/${path}${scope}/${type.plural}/{name}`] = {
      patch: {
        operationId: `patch${type.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
        parameters: PARAMETERS,
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: { schemas: {} },
  };
}

function hashOf(path: string): string {
  return createHash('sha256')
    .update(JSON.stringify(groupVersionDocument(path)))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
}

/** The `/openapi/v3` index: one entry per served group version. */
export function openApiIndex(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const type of PATCHABLE) {
    const path = gvPath(type);
    paths[path] ??= { serverRelativeURL: `/openapi/v3/${path}?hash=${hashOf(path)}` };
  }
  return { paths };
}

/** Answers `/openapi/**` (segments after `openapi`). */
export function serveOpenApi(res: ServerResponse, segments: string[]): void {
  const [version, ...rest] = segments;
  const document =
    version !== 'v3' ? undefined : rest.length === 0 ? openApiIndex() : groupVersionDocument(rest.join('/'));
  if (document) {
    sendJson(res, 200, document);
    return;
  }
  sendJson(
    res,
    404,
    new ApiError(404, 'NotFound', 'the server could not find the requested resource').status,
  );
}
