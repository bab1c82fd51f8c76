/**
 * The URL contract of `/config/edit`:
 *
 * - `?kind=VirtualService&ns=bookinfo&name=reviews`: edit the live object.
 * - `?new=1&kind=AuthorizationPolicy&ns=bookinfo`: a new object, from a skeleton.
 * - `&draft=<base64url JSON>` (draft.ts) with either: start from that object instead. With `name`, the live object
 *   stays the base (the preview diffs live -> draft, apply is conditioned on the live resourceVersion); without it,
 *   the draft is a new object (the page opens it as an edit of the live object when one of its name exists).
 *   The draft's own `metadata.namespace` names the namespace edited: `ns` is then only the shell's view, which links
 *   carry along (`ns=a,b`); `kind`, when given, must be the draft's.
 *
 * Parsing is pure and never throws: a link that cannot be used is a message.
 */
import { isNamespaceName } from '@/lib/view-state';
import type { JsonObject } from '@/lib/write/types';
import { decodeDraft } from './draft';
import { isJsonObject } from './lens';

/** The kinds the editor opens: the writable configuration kinds (docs/write-api.md), Namespace aside. */
export const EDITABLE_KINDS = [
  'VirtualService',
  'AuthorizationPolicy',
  'DestinationRule',
  'PeerAuthentication',
  'RequestAuthentication',
  'Gateway',
] as const;

/** A kind the editor opens. */
export type EditableKind = (typeof EDITABLE_KINDS)[number];

/** The kinds with a form; the others are edited as YAML only. */
export const FORM_KINDS: readonly EditableKind[] = ['VirtualService', 'AuthorizationPolicy'];

/** True for a kind the editor opens. */
export function isEditableKind(value: unknown): value is EditableKind {
  return typeof value === 'string' && (EDITABLE_KINDS as readonly string[]).includes(value);
}

/** What a link asks the editor for. */
export type EditRequest =
  | {
      ok: true;
      kind: EditableKind;
      namespace: string;
      /** The live object's name; null for a new object. */
      name: string | null;
      /** The object to start from instead of the live one (or the skeleton); null for none. */
      draft: JsonObject | null;
    }
  | { ok: false; message: string };

function draftField(draft: JsonObject | null, field: 'kind' | 'namespace'): string | undefined {
  if (draft === null) return undefined;
  const value = field === 'kind' ? draft['kind'] : (draft['metadata'] as JsonObject)['namespace'];
  return typeof value === 'string' ? value : undefined;
}

/** Reads the editor's URL parameters. */
export function parseEditParams(params: URLSearchParams): EditRequest {
  const fail = (message: string): EditRequest => ({ ok: false, message });
  const rawKind = params.get('kind') ?? undefined;
  const rawNs = params.get('ns') ?? undefined;
  const encoded = params.get('draft');
  let draft: JsonObject | null = null;
  if (encoded !== null) {
    const decoded = decodeDraft(encoded, rawKind !== undefined ? { kind: rawKind } : {});
    if (!decoded.ok) return fail(decoded.message);
    draft = decoded.object;
  }
  const kind = rawKind ?? draftField(draft, 'kind');
  const namespace = draftField(draft, 'namespace') ?? rawNs;
  if (kind === undefined) return fail('the link names no kind (kind=VirtualService, …)');
  if (!isEditableKind(kind)) {
    return fail(`the editor does not write ${kind} objects (it writes ${EDITABLE_KINDS.join(', ')})`);
  }
  if (namespace === undefined) return fail('the link names no namespace (ns=…)');
  if (!isNamespaceName(namespace)) return fail(`${JSON.stringify(namespace)} is not a namespace name`);
  const isNew = params.get('new') === '1';
  const name = params.get('name');
  if (!isNew && (name === null || name === '') && draft === null) {
    return fail('the link names no object: give name=… to edit one, or new=1 for a new one');
  }
  if (isNew && name !== null) return fail('the link gives both new=1 and a name: choose one');
  if (draft !== null && !isJsonObject(draft['metadata'])) return fail('the draft has no metadata');
  return { ok: true, kind, namespace, name: isNew || name === '' ? null : name, draft };
}

/** The editor's address for an existing object, a new one, or a draft (see the module's comment). */
export function editHref(target: {
  kind: string;
  namespace: string;
  name?: string | null;
  draft?: string;
}): string {
  const params = new URLSearchParams({ kind: target.kind, ns: target.namespace });
  if (target.name) params.set('name', target.name);
  else params.set('new', '1');
  if (target.draft !== undefined) params.set('draft', target.draft);
  return `/config/edit?${params.toString()}`;
}
