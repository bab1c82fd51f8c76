/**
 * Checks of the object beyond its type and place, before the API server sees it.
 *
 * The API server (and the demo's) validates Istio objects against their schemas but keeps fields it does not know,
 * so a typo such as `spec.htpp` would be stored and silently ignored by Istio. The default validator here is
 * conservative: it refuses unknown keys at the top level, in `metadata` and directly under `spec`, and labels or
 * annotations that are not strings. A full schema validator (`lib/config/schemas`) can be passed in beside it: the
 * write path takes any list of {@link ObjectValidator}s.
 */
import { formatPath, isUnder } from './field-path';
import type { FieldChange, JsonObject } from './types';
import { writableKind, WRITABLE_KINDS, type WritableKind } from './writable-kinds';

/** A problem found on an object, by field path (placed in the text by the write path). */
export interface ObjectProblem {
  path: string;
  message: string;
}

/** Checks one object; an empty list when it is fine. Same shape as `validateObject` of `lib/config/schemas`. */
export type ObjectValidator = (object: JsonObject) => readonly ObjectProblem[];

const TOP_LEVEL = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'status']);

/** Metadata a person may write, then the fields the server sets (accepted and ignored). */
const METADATA = new Set([
  'name',
  'namespace',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(
  value: JsonObject,
  known: ReadonlySet<string>,
  at: string[],
  what: string,
): ObjectProblem[] {
  return Object.keys(value)
    .filter((key) => !known.has(key))
    .map((key) => ({
      path: formatPath([...at, key]),
      message: `unknown field "${key}" ${what} (known: ${[...known].join(', ')})`,
    }));
}

function stringMap(value: unknown, field: 'labels' | 'annotations'): ObjectProblem[] {
  if (value === undefined || value === null) return [];
  if (!isObject(value))
    return [{ path: `metadata.${field}`, message: `metadata.${field} must be a mapping` }];
  return Object.entries(value)
    .filter(([, v]) => typeof v !== 'string')
    .map(([key, v]) => ({
      path: formatPath(['metadata', field, key]),
      message: `the value of ${field.slice(0, -1)} ${key} must be a string: quote it ("${String(v)}")`,
    }));
}

/** The default validator over a table of kinds (see the module comment). */
export function knownFieldsValidator(kinds: readonly WritableKind[] = WRITABLE_KINDS): ObjectValidator {
  return (object) => {
    const row = typeof object['kind'] === 'string' ? writableKind(object['kind'], kinds) : undefined;
    const problems = unknownKeys(object, TOP_LEVEL, [], 'at the top level');
    const { metadata, spec } = object;
    if (isObject(metadata)) {
      problems.push(...unknownKeys(metadata, METADATA, ['metadata'], 'in metadata'));
      problems.push(
        ...stringMap(metadata['labels'], 'labels'),
        ...stringMap(metadata['annotations'], 'annotations'),
      );
    }
    if (spec !== undefined && !isObject(spec)) {
      problems.push({ path: 'spec', message: 'spec must be a mapping' });
    } else if (spec !== undefined && row) {
      problems.push(...unknownKeys(spec, new Set(row.specFields), ['spec'], `in the spec of a ${row.kind}`));
    }
    return problems;
  };
}

/** Runs every validator and joins their problems (the first of equal path and message only). */
export function validateWith(object: JsonObject, validators: readonly ObjectValidator[]): ObjectProblem[] {
  const seen = new Set<string>();
  const out: ObjectProblem[] = [];
  for (const validator of validators) {
    for (const p of validator(object)) {
      const id = `${p.path}\n${p.message}`;
      if (!seen.has(id)) out.push({ path: p.path, message: p.message });
      seen.add(id);
    }
  }
  return out;
}

/** The changes a kind does not allow an edit to make (e.g. anything but labels on a Namespace). */
export function outsideEditable(changes: readonly FieldChange[], kind: WritableKind): ObjectProblem[] {
  const editable = kind.editable;
  if (!editable) return [];
  return changes
    .filter((c) => !editable.some((prefix) => isUnder(c.path, prefix)))
    .map((c) => ({
      path: c.path,
      message: `only ${editable.join(', ')} may be changed on a ${kind.kind} here; ${c.path} may not`,
    }));
}
