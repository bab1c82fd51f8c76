/**
 * How a form edits a Kubernetes object without losing what it does not show: each form field is a lens (read the
 * value from the object's part, write a changed value back), and a part is patched only where the form's value
 * differs from what the part already says. A field the person did not touch keeps its exact representation
 * (`percent` stays `percent`, key order stays), and every field the form does not know is carried over untouched.
 */
import { jsonEqual } from '@/lib/write/diff';
import type { JsonObject } from '@/lib/write/types';

/** One form field over a part of an object: how to read it and how to write a changed value into a copy. */
export interface Lens<V> {
  read: (raw: JsonObject) => V;
  /** Writes `value` into `target` (a shallow copy of `raw`); must not mutate `raw` or its children. */
  write: (target: JsonObject, value: V, raw: JsonObject) => void;
}

/** A table of lenses, one per field of the form `F`. */
export type Lenses<F> = { [K in keyof F]: Lens<F[K]> };

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a JSON object, else an empty one. */
export function objectAt(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** `value` when it is an array of JSON objects (other items left out), else an empty list. */
export function objectsAt(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** `value` when it is a list of strings (other items left out), else an empty list. */
export function stringsAt(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `value` when it is a string, else `''`. */
export function stringAt(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `value` when it is a finite number, else null. */
export function numberAt(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Sets `key`, or deletes it when `value` is undefined. */
export function put(target: JsonObject, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** Reads the form of a part through its lenses. */
export function readWith<F>(raw: JsonObject, lenses: Lenses<F>): F {
  const form = {} as F;
  for (const key of Object.keys(lenses) as (keyof F)[]) form[key] = lenses[key].read(raw);
  return form;
}

/** A copy of `raw` with the fields whose form value changed written back; untouched fields stay as they were. */
export function patchWith<F>(raw: JsonObject, form: F, lenses: Lenses<F>): JsonObject {
  const target: JsonObject = { ...raw };
  for (const key of Object.keys(lenses) as (keyof F)[]) {
    const lens = lenses[key];
    if (!jsonEqual(form[key], lens.read(raw))) lens.write(target, form[key], raw);
  }
  return target;
}

/** A lens over a string field that is deleted when empty. */
export function textLens(key: string): Lens<string> {
  return {
    read: (raw) => stringAt(raw[key]),
    write: (target, value) => put(target, key, value === '' ? undefined : value),
  };
}

/** A lens over a string list that is deleted when empty. */
export function listLens(key: string): Lens<string[]> {
  return {
    read: (raw) => stringsAt(raw[key]),
    write: (target, value) => put(target, key, value.length === 0 ? undefined : value),
  };
}

/** A lens over a number field that is deleted when null. */
export function numberLens(key: string): Lens<number | null> {
  return {
    read: (raw) => numberAt(raw[key]),
    write: (target, value) => put(target, key, value ?? undefined),
  };
}

/** The raw part a form item was read from, so that writing it back keeps its other fields. */
export interface HasRaw {
  raw: JsonObject;
}

/**
 * A lens over a list of sub-parts (`http`, `route`, `rules`…), each item read and patched with `item`; the list is
 * deleted when empty. A new item (added by the form) starts from `raw: {}`.
 */
export function itemsLens<I extends HasRaw>(
  key: string,
  item: { read: (raw: JsonObject) => I; patch: (form: I) => JsonObject },
): Lens<I[]> {
  return {
    read: (raw) => objectsAt(raw[key]).map(item.read),
    write: (target, value) => put(target, key, value.length === 0 ? undefined : value.map(item.patch)),
  };
}
