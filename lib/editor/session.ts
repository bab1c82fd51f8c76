/**
 * One edit, as a reducer: what it started from (the base: the live object and its resourceVersion, or nothing for
 * a new object), the YAML being edited (the source of truth; the form writes it through the object), the object
 * that text holds, and which text was last previewed, so that Apply is offered only for the text the person saw
 * previewed.
 */
import { withoutServerFields } from '@/lib/write/diff';
import type { EditTarget, JsonObject } from '@/lib/write/types';
import { objectAt } from './lens';
import { objectOfText, yamlOf } from './yaml-text';

/** What an edit started from. */
export interface EditBase {
  /** The live object when the edit started (server fields kept), or null for a new object. */
  object: JsonObject | null;
  /** Its `metadata.resourceVersion`: apply is conditioned on it. Undefined for a new object. */
  resourceVersion: string | undefined;
}

/** The state of one edit. */
export interface EditSession {
  target: EditTarget;
  base: EditBase;
  /** The YAML being edited. */
  text: string;
  /** The object the text holds, or null while it does not parse to one mapping. */
  object: JsonObject | null;
  /** The text of the last successful preview; Apply is enabled while it equals `text`. */
  previewed: string | null;
}

/** A change to an edit. */
export type SessionAction =
  | { type: 'form'; object: JsonObject }
  | { type: 'text'; text: string }
  | { type: 'previewed'; text: string | null }
  /** Start over from this live object (after a conflict that cannot be rebased, or a write). */
  | { type: 'base'; live: JsonObject | null; edit?: JsonObject }
  /** A write left this object stored (null: deleted). */
  | { type: 'written'; stored: JsonObject | null };

/** The resourceVersion of an object, if it has one. */
export function resourceVersionOf(object: JsonObject | null): string | undefined {
  const rv = objectAt(object?.['metadata'])['resourceVersion'];
  return typeof rv === 'string' ? rv : undefined;
}

/** The name of an object, if it has one. */
export function nameOf(object: JsonObject | null): string | undefined {
  const name = objectAt(object?.['metadata'])['name'];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function baseOf(live: JsonObject | null): EditBase {
  return { object: live, resourceVersion: resourceVersionOf(live) };
}

function withObject(session: EditSession, object: JsonObject): EditSession {
  const shown = withoutServerFields(object);
  return { ...session, object: shown, text: yamlOf(shown) };
}

/** A new edit: of `live` (or a new object when null), starting from `start` (the live object, a draft, a skeleton). */
export function startSession(target: EditTarget, live: JsonObject | null, start: JsonObject): EditSession {
  return withObject({ target, base: baseOf(live), text: '', object: null, previewed: null }, start);
}

/** The reducer of an edit. */
export function sessionReducer(session: EditSession, action: SessionAction): EditSession {
  switch (action.type) {
    case 'form':
      return { ...session, object: action.object, text: yamlOf(action.object) };
    case 'text':
      return action.text === session.text
        ? session
        : { ...session, text: action.text, object: objectOfText(action.text) };
    case 'previewed':
      return { ...session, previewed: action.text };
    case 'base': {
      const next = { ...session, base: baseOf(action.live), previewed: null };
      const edit = action.edit ?? action.live;
      return edit === null ? next : withObject(next, edit);
    }
    case 'written': {
      const name = nameOf(action.stored) ?? session.target.name;
      const target = { ...session.target, ...(name !== undefined ? { name } : {}) };
      const next: EditSession = { ...session, target, base: baseOf(action.stored), previewed: null };
      return action.stored === null ? next : withObject(next, action.stored);
    }
  }
}

/** True when the text was previewed as it is now: Apply may be offered. */
export function isPreviewCurrent(session: EditSession): boolean {
  return session.previewed !== null && session.previewed === session.text;
}

/** True for an edit of an object that does not exist yet (a create). */
export function isNewObject(session: EditSession): boolean {
  return session.base.object === null;
}
