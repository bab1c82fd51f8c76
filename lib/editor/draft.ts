/**
 * The `draft` parameter of `/config/edit`: a whole object, as JSON, in base64url (RFC 4648 §5, no padding), so that
 * other pages (the graph's shortcuts: "deny this caller", "shift traffic") can open the editor on a prepared object.
 * Decoding never throws: a bad draft is a message for the person, naming what is wrong.
 */
import type { JsonObject } from '@/lib/write/types';
import { isJsonObject } from './lens';

/** A draft longer than this (characters of base64url) is refused: URLs that long break proxies. */
export const MAX_DRAFT_LENGTH = 48_000;

/** A decoded draft, or why it could not be read. */
export type DraftResult = { ok: true; object: JsonObject } | { ok: false; message: string };

/** UTF-8 text -> base64url without padding. */
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) -> UTF-8 text; throws on anything else. */
function fromBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded))
    throw new Error('it is not base64url (A–Z, a–z, 0–9, "-", "_")');
  const base64 = encoded.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (base64.length % 4 === 1) throw new Error('its length is not that of base64url text');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The `draft` value for an object: `JSON.stringify`, UTF-8, base64url without padding. */
export function encodeDraft(object: JsonObject): string {
  return toBase64Url(JSON.stringify(object));
}

/**
 * Reads a `draft` value: base64url of the UTF-8 JSON of one object with `apiVersion`, `kind` and `metadata`.
 * When `expected` gives a kind or namespace, the draft must agree with it.
 */
export function decodeDraft(
  encoded: string,
  expected: { kind?: string; namespace?: string } = {},
): DraftResult {
  const bad = (why: string): DraftResult => ({
    ok: false,
    message: `the draft in the link cannot be used: ${why}`,
  });
  if (encoded.length > MAX_DRAFT_LENGTH) return bad(`it is longer than ${MAX_DRAFT_LENGTH} characters`);
  let text: string;
  try {
    text = fromBase64Url(encoded.trim());
  } catch (error) {
    return bad(error instanceof Error ? error.message : 'it is not base64url');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad('it is not JSON');
  }
  if (!isJsonObject(value)) return bad('it is not one object');
  const { kind, apiVersion, metadata } = value;
  if (typeof kind !== 'string' || kind === '') return bad('it has no kind');
  if (typeof apiVersion !== 'string' || apiVersion === '') return bad('it has no apiVersion');
  if (!isJsonObject(metadata)) return bad('it has no metadata');
  if (expected.kind !== undefined && kind !== expected.kind) {
    return bad(`it is of kind ${kind}, but the link asks for ${expected.kind}`);
  }
  const namespace = metadata['namespace'];
  if (expected.namespace !== undefined && namespace !== undefined && namespace !== expected.namespace) {
    return bad(`it is in namespace ${String(namespace)}, but the link asks for ${expected.namespace}`);
  }
  return { ok: true, object: value };
}
