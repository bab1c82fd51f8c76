import { SourceError } from '@/lib/source-error';

/** A parsed JSON object whose fields are still unchecked. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `bad_response` error of a Tempo answer that parsed as JSON but has the wrong shape. */
export function badShape(operation: string, detail: string): SourceError {
  return new SourceError('tempo', 'bad_response', `tempo ${operation}: unexpected answer (${detail})`);
}

/** The array at `key`: missing or null gives `[]` (Tempo omits empty fields); any other non-array throws. */
export function arrayField(obj: JsonObject, key: string, operation: string): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badShape(operation, `"${key}" is not an array`);
  return value;
}

/** The string at `key`, or `fallback` when it is missing or not a string. */
export function stringField(obj: JsonObject, key: string, fallback: string): string {
  const value = obj[key];
  return typeof value === 'string' ? value : fallback;
}
