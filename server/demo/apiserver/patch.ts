/**
 * The patch formats of the Kubernetes API, as pure functions over JSON: JSON merge patch (RFC 7386), JSON patch
 * (RFC 6902) and the dispatch by content type. Strategic merge lives in strategic-merge.ts.
 */
import { badRequest, ApiError } from './status';
import { strategicMerge } from './strategic-merge';
import { cloneJson, isPlainObject } from './types';

/** The patch content types the server accepts. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** The PatchType of a request's Content-Type, or undefined for an unsupported one. */
export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mime === 'application/json-patch+json') return 'json';
  if (mime === 'application/merge-patch+json') return 'merge';
  if (mime === 'application/strategic-merge-patch+json') return 'strategic';
  if (mime === 'application/apply-patch+yaml' || mime === 'application/apply-patch+json') return 'apply';
  return undefined;
}

/** RFC 7386: objects merge recursively, `null` deletes, everything else (arrays too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

/** The container holding the pointer's last token, and that token. */
function locate(doc: unknown, pointer: string): [Container, string] {
  const parts = parsePointer(pointer);
  const last = parts.pop();
  if (last === undefined) throw badRequest('a JSON patch cannot replace the whole object');
  let current = doc;
  for (const part of parts) {
    current = Array.isArray(current)
      ? current[Number(part)]
      : isPlainObject(current)
        ? current[part]
        : undefined;
  }
  if (!Array.isArray(current) && !isPlainObject(current))
    throw badRequest(`path "${pointer}" does not exist`);
  return [current, last];
}

function arrayIndex(array: unknown[], token: string, allowEnd: boolean): number {
  if (allowEnd && token === '-') return array.length;
  const index = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : NaN;
  if (Number.isNaN(index) || index > array.length || (!allowEnd && index === array.length)) {
    throw badRequest(`array index "${token}" out of range`);
  }
  return index;
}

function read(doc: unknown, pointer: string): unknown {
  const [container, token] = locate(doc, pointer);
  const value = Array.isArray(container) ? container[arrayIndex(container, token, false)] : container[token];
  if (value === undefined) throw badRequest(`path "${pointer}" does not exist`);
  return value;
}

function remove(doc: unknown, pointer: string): unknown {
  const [container, token] = locate(doc, pointer);
  if (Array.isArray(container)) return container.splice(arrayIndex(container, token, false), 1)[0];
  if (!Object.hasOwn(container, token)) throw badRequest(`path "${pointer}" does not exist`);
  const value = container[token];
  delete container[token];
  return value;
}

function add(doc: unknown, pointer: string, value: unknown): void {
  const [container, token] = locate(doc, pointer);
  if (Array.isArray(container)) container.splice(arrayIndex(container, token, true), 0, cloneJson(value));
  else container[token] = cloneJson(value);
}

/** RFC 6902 on a copy of the document: add, remove, replace, move, copy, test. Throws a 400/422 ApiError. */
export function jsonPatch(document: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw badRequest('a JSON patch must be an array of operations');
  const doc = cloneJson(document);
  for (const op of operations) {
    if (!isPlainObject(op) || typeof op['path'] !== 'string')
      throw badRequest('invalid JSON patch operation');
    const path = op['path'];
    const from = typeof op['from'] === 'string' ? op['from'] : '';
    switch (op['op']) {
      case 'add':
        add(doc, path, op['value']);
        break;
      case 'remove':
        remove(doc, path);
        break;
      case 'replace':
        remove(doc, path);
        add(doc, path, op['value']);
        break;
      case 'move':
        add(doc, path, remove(doc, from));
        break;
      case 'copy':
        add(doc, path, read(doc, from));
        break;
      case 'test':
        if (JSON.stringify(read(doc, path)) !== JSON.stringify(op['value'])) {
          throw new ApiError(422, 'Invalid', `test operation failed at "${path}"`);
        }
        break;
      default:
        throw badRequest(`unknown JSON patch operation ${JSON.stringify(op['op'])}`);
    }
  }
  return doc;
}

/** Applies a parsed patch of the given type to the current object; `apply` merges like strategic merge. */
export function applyPatch(current: unknown, type: PatchType, patch: unknown): unknown {
  if (type === 'json') return jsonPatch(current, patch);
  if (!isPlainObject(patch)) throw badRequest('a merge patch must be a JSON object');
  if (type === 'merge') return mergePatch(current, patch);
  return strategicMerge(current, patch);
}
