/**
 * The YAML tab's text and the object it holds: the object rendered as a person reads it, and the text read back
 * with the same checks the write path makes before anything reaches the API server (lib/write/manifest.ts, then the
 * schemas), so problems show in the editor, placed by line and column, as the person types.
 */
import { LineCounter, parseDocument, stringify } from 'yaml';
import { locateProblems, parseManifest } from '@/lib/write/manifest';
import { defaultValidator } from '@/lib/write/schema-validator';
import type { EditTarget, JsonObject, WriteProblem } from '@/lib/write/types';
import { validateWith } from '@/lib/write/validate';
import { locatorOf } from '@/lib/write/yaml-locate';
import { isJsonObject } from './lens';

/** The object as the YAML tab shows it (no line folding, key order kept). */
export function yamlOf(object: JsonObject): string {
  return stringify(object, { lineWidth: 0 });
}

/** What a text holds: the mapping it parses to (even when invalid), and every problem with its place. */
export interface TextCheck {
  /** The object in the text when it parses to one mapping, whatever its problems; else null. */
  object: JsonObject | null;
  problems: WriteProblem[];
}

/** The mapping a YAML text parses to, or null (malformed, empty, a list…). */
export function objectOfText(text: string): JsonObject | null {
  const doc = parseDocument(text, { prettyErrors: false, schema: 'core' });
  if (doc.errors.length > 0) return null;
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Checks a text as the write path will: one document, the edit's kind, apiVersion, namespace and name, then the
 * kind's schema (or the known-field check). Problems carry 1-based line and column where they have a place.
 */
export function checkText(text: string, target: EditTarget): TextCheck {
  const object = objectOfText(text);
  const manifest = parseManifest(text, target);
  if (manifest.ok) {
    const problems = validateWith(manifest.object, [defaultValidator()]);
    return { object, problems: locateProblems(problems, manifest.locate) };
  }
  if (object === null) return { object, problems: manifest.problems };
  // The write path stops at the first failed step; the editor shows the schema's problems too, so that the person
  // sees everything at once (a field already named by the manifest check is not named twice).
  const lines = new LineCounter();
  const locate = locatorOf(parseDocument(text, { lineCounter: lines, schema: 'core' }), lines);
  const named = new Set(manifest.problems.map((p) => p.path));
  const more = validateWith(object, [defaultValidator()]).filter((p) => !named.has(p.path));
  return { object, problems: [...manifest.problems, ...locateProblems(more, locate)] };
}
