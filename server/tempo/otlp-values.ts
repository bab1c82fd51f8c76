import type { AttributeValue, Attributes, SpanKind, SpanStatus, SpanStatusCode } from '@/lib/traces/types';
import { isObject } from './json-shape';

/**
 * OTLP/JSON values as Tempo writes them. Tempo's JSON comes from protobuf marshalling, so the same field may be an
 * enum name or its number (`"SPAN_KIND_SERVER"` / `2`) and a 64-bit integer is a string (`"intValue": "42"`).
 */

const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_CODES: readonly SpanStatusCode[] = ['unset', 'ok', 'error'];

/** A span kind from its enum name (`SPAN_KIND_CLIENT`) or number (3). Unknown or missing gives `unspecified`. */
export function parseKind(value: unknown): SpanKind {
  return enumValue(value, 'SPAN_KIND_', KINDS) ?? 'unspecified';
}

/** A span status from `{code, message}`, the code as enum name (`STATUS_CODE_ERROR`) or number (2). */
export function parseStatus(value: unknown): SpanStatus {
  if (!isObject(value)) return { code: 'unset' };
  const code = enumValue(value.code, 'STATUS_CODE_', STATUS_CODES) ?? 'unset';
  const message = value.message;
  return typeof message === 'string' && message !== '' ? { code, message } : { code };
}

/**
 * An OTLP `AnyValue` (`{stringValue}`, `{intValue}`, `{doubleValue}`, `{boolValue}`, `{arrayValue}`,
 * `{kvlistValue}`, `{bytesValue}`) as a flat attribute value; undefined for an empty or unknown value.
 */
export function parseAnyValue(value: unknown): AttributeValue | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if ('intValue' in value) return parseInt64(value.intValue);
  if ('doubleValue' in value) return parseDouble(value.doubleValue);
  if (typeof value.bytesValue === 'string') return value.bytesValue;
  if (isObject(value.arrayValue)) return JSON.stringify(listOf(value.arrayValue.values).map(parseAnyValue));
  if (isObject(value.kvlistValue)) return JSON.stringify(parseAttributes(value.kvlistValue.values));
  return undefined;
}

/** A list of OTLP `{key, value}` pairs as a flat record; entries without a key or a usable value are dropped. */
export function parseAttributes(list: unknown): Attributes {
  const entries: [string, AttributeValue][] = [];
  for (const item of listOf(list)) {
    if (!isObject(item) || typeof item.key !== 'string') continue;
    const value = parseAnyValue(item.value);
    if (value !== undefined) entries.push([item.key, value]);
  }
  // fromEntries defines own properties, so a key like `__proto__` cannot reach the prototype.
  return Object.fromEntries(entries);
}

function parseInt64(value: unknown): AttributeValue | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  // Beyond 2^53 a number would silently change the value; keep the exact digits instead.
  return Number.isSafeInteger(n) ? n : value;
}

function parseDouble(value: unknown): AttributeValue | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  // Protobuf JSON writes NaN and the infinities as strings; they stay strings so that the model remains JSON.
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

function enumValue<T>(value: unknown, prefix: string, names: readonly T[]): T | undefined {
  if (typeof value === 'number') return names[value];
  if (typeof value !== 'string') return undefined;
  const name = value.startsWith(prefix) ? value.slice(prefix.length).toLowerCase() : value.toLowerCase();
  return names.find((candidate) => candidate === name);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
