/**
 * Quoting of values that reach PromQL. Two layers, always in this order:
 * 1. for regex matchers (`=~`, `!~`) the value is RE2 source: {@link escapeRegex} makes a literal match it;
 * 2. every value, regex or not, is written as a PromQL double-quoted string: {@link quoteLabelValue}.
 * Builders in `builders.ts` apply layer 2 themselves; callers only ever choose layer 1.
 */

const STRING_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' };

/**
 * Escapes a value for the inside of a PromQL double-quoted string (Go escape rules): backslash, double quote,
 * newline and carriage return. Everything else, including `}` `#` and non-ASCII, is safe inside the quotes.
 */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n\r]/g, (c) => STRING_ESCAPES[c] ?? c);
}

/** The PromQL string literal for `value`, quotes included: `a"b` -> `"a\"b"`. */
export function quoteLabelValue(value: string): string {
  return `"${escapeLabelValue(value)}"`;
}

/** The RE2 metacharacters, as Go's `regexp.QuoteMeta` escapes them. */
const RE2_META = /[\\.+*?()|[\]{}^$]/g;

/** RE2 source that matches `value` literally: `v1.2 (beta)` -> `v1\.2 \(beta\)`. */
export function escapeRegex(value: string): string {
  return value.replace(RE2_META, '\\$&');
}

/** RE2 source that matches nothing at all (an empty character class), used for an empty list of values. */
export const MATCH_NOTHING_REGEX = '[^\\x00-\\x{10FFFF}]';

/**
 * RE2 source matching exactly one of `values`, literally: `['a.b', 'c']` -> `^(?:a\.b|c)$`. Prometheus anchors
 * regex matchers anyway; the explicit anchors keep the meaning when the source is used elsewhere. An empty list
 * matches nothing (so `=~` selects no series and `!~` keeps all of them).
 */
export function anyOfRegex(values: readonly string[]): string {
  if (values.length === 0) return MATCH_NOTHING_REGEX;
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}
