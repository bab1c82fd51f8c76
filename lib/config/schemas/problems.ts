/**
 * Zod issues as {@link SchemaProblem}s: one problem per unknown field, paths written the way a person reads them
 * (`spec.http[0].route[1].weight`), messages in plain words ("required", "must be one of …").
 */
import type { z } from 'zod';
import type { SchemaProblem } from '../types';

/** A problem, and whether it is only an unknown field (the rest of the object is still well formed). */
export interface SchemaIssue extends SchemaProblem {
  unknownField: boolean;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `['spec', 'http', 0, 'route']` -> `spec.http[0].route`; keys that are not plain words are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && PLAIN_KEY.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function typeName(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fractional number';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

/** The message of one issue in plain words. */
function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'required';
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${typeName(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** Every issue of a failed parse, unknown keys split into one problem each. */
export function issuesOf(error: z.ZodError): SchemaIssue[] {
  return error.issues.flatMap((issue): SchemaIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: `unknown field ${JSON.stringify(key)}`,
        unknownField: true,
      }));
    }
    return [{ path: formatPath(issue.path), message: messageOf(issue), unknownField: false }];
  });
}
