/**
 * Reads the YAML of one edit into an object, or into problems that each name what is wrong and where: malformed
 * YAML, more than one document, a kind or apiVersion the edit is not for, another namespace than the one edited, a
 * missing or renamed name. Pure: the write path calls it first, before anything reaches the API server.
 */
import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { EditTarget, JsonObject, WriteProblem } from './types';
import {
  acceptedVersion,
  apiVersionsOf,
  writableKind,
  WRITABLE_KINDS,
  type WritableKind,
} from './writable-kinds';
import { locatorOf, positionAt, type Locator } from './yaml-locate';

/** A Kubernetes object as submitted: the fields every write needs are there and of the right type. */
export interface ManifestObject extends JsonObject {
  apiVersion: string;
  kind: string;
  metadata: JsonObject & { name: string; namespace?: string };
}

/** A manifest that can be written, with the table row and version it was matched to. */
export interface ParsedManifest {
  ok: true;
  object: ManifestObject;
  kind: WritableKind;
  /** The version of `apiVersion`, e.g. `v1`. */
  version: string;
  /** Finds a field path in the submitted text (for problems found later). */
  locate: Locator;
}

/** The manifest or its problems. */
export type ManifestResult = ParsedManifest | { ok: false; problems: WriteProblem[] };

/** More aliases than this is a "billion laughs" document, not a Kubernetes object. */
const MAX_ALIASES = 100;
const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(path: string, message: string, locate?: Locator): WriteProblem {
  const at = locate?.(path);
  return at ? { path, message, ...at } : { path, message };
}

/** Parses the text into exactly one YAML document, or the syntax problems with their places. */
function oneDocument(text: string): { doc: Document; lines: LineCounter } | WriteProblem[] {
  if (text.trim() === '') return [{ path: '', message: 'the YAML is empty: paste one object' }];
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, schema: 'core' });
  const errors = docs.flatMap((d) => d.errors);
  if (errors.length > 0) {
    return errors.slice(0, 10).map((e) => ({
      path: '',
      message: `malformed YAML: ${e.message.split('\n')[0] ?? e.code}`,
      ...positionAt(e.pos[0], lines),
    }));
  }
  // `a: 1\n---\n` has a second, empty document (a null scalar with no source): not an object.
  const filled = docs.filter(
    (d) =>
      d.contents !== null && !(isScalar(d.contents) && d.contents.value === null && d.contents.source === ''),
  );
  const second = filled[1];
  if (second !== undefined) {
    return [
      {
        path: '',
        message: `one object per edit: the text holds ${filled.length} YAML documents`,
        ...positionAt(second.range[0], lines),
      },
    ];
  }
  const doc = filled[0];
  if (!doc) return [{ path: '', message: 'the YAML is empty: paste one object' }];
  return { doc, lines };
}

/** Kind and apiVersion: the edit's kind, one the dashboard writes, at a version of its group. */
function checkType(
  value: JsonObject,
  expected: Partial<EditTarget>,
  locate: Locator,
): { kind: WritableKind; version: string } | WriteProblem[] {
  const { kind, apiVersion } = value;
  if (typeof kind !== 'string' || kind === '') return [problem('kind', 'kind is missing', locate)];
  if (expected.kind !== undefined && kind !== expected.kind) {
    return [problem('kind', `kind is ${kind}, but this edit is for a ${expected.kind}`, locate)];
  }
  const row = writableKind(kind);
  if (!row) {
    const known = WRITABLE_KINDS.map((k) => k.kind).join(', ');
    return [problem('kind', `the dashboard does not write ${kind} objects (it writes ${known})`, locate)];
  }
  const accepted = apiVersionsOf(row).join(', ');
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    return [problem('apiVersion', `apiVersion is missing: use one of ${accepted}`, locate)];
  }
  const version = acceptedVersion(row, apiVersion);
  if (version === undefined) {
    return [problem('apiVersion', `apiVersion ${apiVersion} is not one of ${accepted} for ${kind}`, locate)];
  }
  return { kind: row, version };
}

/** Name and namespace: present, valid, and those of the edit. Fills in a missing namespace. */
function checkMetadata(
  value: JsonObject,
  row: WritableKind,
  expected: Partial<EditTarget>,
  locate: Locator,
): WriteProblem[] {
  const metadata = value['metadata'];
  if (!isObject(metadata)) return [problem('metadata', 'metadata is missing or not a mapping', locate)];
  const { name, namespace } = metadata;
  const problems: WriteProblem[] = [];
  if (typeof name !== 'string' || name === '') {
    problems.push(problem('metadata.name', 'metadata.name is missing', locate));
  } else if (name.length > (row.namespaced ? 253 : 63) || !subdomain.test(name)) {
    const what = 'lower-case letters, digits, "-" and "."';
    problems.push(problem('metadata.name', `metadata.name "${name}" must be ${what}`, locate));
  } else if (expected.name !== undefined && name !== expected.name) {
    const message = `metadata.name is ${name}, but this edit is for ${expected.name} (renaming is not an edit)`;
    problems.push(problem('metadata.name', message, locate));
  }
  if (!row.namespaced) {
    if (namespace !== undefined) {
      problems.push(problem('metadata.namespace', `a ${row.kind} has no namespace`, locate));
    }
    if (typeof name === 'string' && expected.namespace !== undefined && name !== expected.namespace) {
      const message = `this edit is for the Namespace ${expected.namespace}, not ${name}`;
      problems.push(problem('metadata.name', message, locate));
    }
  } else if (namespace !== undefined && namespace !== expected.namespace) {
    const message = `metadata.namespace is ${String(namespace)}, but this edit is for namespace ${expected.namespace ?? '?'}`;
    problems.push(problem('metadata.namespace', message, locate));
  } else if (expected.namespace !== undefined) {
    metadata['namespace'] = expected.namespace;
  }
  return problems;
}

/**
 * Parses the YAML of one edit. `expected` is what the edit is for: the object must be of that kind (when given),
 * in that namespace (a missing `metadata.namespace` is filled in), and carry that name (when given).
 */
export function parseManifest(
  text: string,
  expected: Partial<EditTarget> & { namespace: string },
): ManifestResult {
  const parsed = oneDocument(text);
  if (Array.isArray(parsed)) return { ok: false, problems: parsed };
  const locate = locatorOf(parsed.doc, parsed.lines);
  let value: unknown;
  try {
    value = parsed.doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('', `malformed YAML: ${message}`, locate)] };
  }
  if (!isObject(value)) {
    return {
      ok: false,
      problems: [problem('', 'the YAML must be one object (a mapping), not a list or a value', locate)],
    };
  }
  const type = checkType(value, expected, locate);
  if (Array.isArray(type)) return { ok: false, problems: type };
  const problems = checkMetadata(value, type.kind, expected, locate);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, object: value as ManifestObject, kind: type.kind, version: type.version, locate };
}

/** Places problems found on the object (path only) in the text. */
export function locateProblems(
  problems: readonly { path: string; message: string }[],
  locate: Locator,
): WriteProblem[] {
  return problems.map((p) => problem(p.path, p.message, locate));
}
