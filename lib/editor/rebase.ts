/**
 * Rebasing an edit after a 409: someone changed the object since the edit started. The edit's own changes
 * (base -> yours) are replayed on top of the live object (theirs) when no change of theirs touches the same field
 * (a path, its parents or its children); a field both set to the same value is no clash. Otherwise nothing is
 * merged: the editor loads theirs and shows yours beside it, for the person to redo by hand.
 */
import { diffObjects, jsonEqual, withoutServerFields } from '@/lib/write/diff';
import { isUnder, parsePath, type PathSegment } from '@/lib/write/field-path';
import type { FieldChange, JsonObject } from '@/lib/write/types';
import { isJsonObject } from './lens';

/** A rebase: the merged object, or the fields both sides changed. */
export type RebaseResult =
  | {
      ok: true;
      /** Theirs with your changes on top, without server-managed fields. */
      merged: JsonObject;
      /** Your changes that were replayed. */
      replayed: FieldChange[];
    }
  | { ok: false; clashes: string[] };

function overlaps(a: string, b: string): boolean {
  return isUnder(a, b) || isUnder(b, a);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Applies one change to `root` in place; false when its path cannot be followed. */
function applyChange(root: JsonObject, change: FieldChange): boolean {
  const path = parsePath(change.path);
  if (path === undefined || path.length === 0) return false;
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) {
    node = childOf(node, segment);
    if (node === undefined) return false;
  }
  const last = path[path.length - 1] as PathSegment;
  if (Array.isArray(node) && typeof last === 'number') {
    if (change.op === 'remove') {
      if (last >= node.length) return false;
      node.splice(last, 1);
    } else {
      if (last > node.length) return false;
      node[last] = clone(change.after);
    }
    return true;
  }
  if (isJsonObject(node) && typeof last === 'string') {
    if (change.op === 'remove') delete node[last];
    else node[last] = clone(change.after);
    return true;
  }
  return false;
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (Array.isArray(node) && typeof segment === 'number') return node[segment];
  if (isJsonObject(node) && typeof segment === 'string') return node[segment];
  return undefined;
}

/** Array removals go last-first, so that earlier indexes stay where the diff saw them. */
function replayOrder(changes: readonly FieldChange[]): FieldChange[] {
  const removals = changes.filter((c) => c.op === 'remove').reverse();
  return [...changes.filter((c) => c.op !== 'remove'), ...removals];
}

/**
 * Replays `base -> yours` on top of `theirs`. `base` is the object the edit started from (null for a new object),
 * `theirs` the live object now (null when it was deleted: nothing to rebase onto).
 */
export function rebase(base: JsonObject | null, yours: JsonObject, theirs: JsonObject | null): RebaseResult {
  if (theirs === null) return { ok: false, clashes: ['the object was deleted'] };
  const mine = diffObjects(base, yours);
  const others = diffObjects(base, theirs);
  const clashes = mine
    .filter((m) =>
      others.some((o) => overlaps(m.path, o.path) && !(m.path === o.path && jsonEqual(m.after, o.after))),
    )
    .map((m) => m.path);
  if (clashes.length > 0) return { ok: false, clashes };
  const merged = clone(withoutServerFields(theirs));
  const replayed: FieldChange[] = [];
  for (const change of replayOrder(mine)) {
    const already = others.some((o) => o.path === change.path && jsonEqual(o.after, change.after));
    if (already) continue;
    if (!applyChange(merged, change)) return { ok: false, clashes: [change.path] };
    replayed.push(change);
  }
  return { ok: true, merged, replayed };
}
