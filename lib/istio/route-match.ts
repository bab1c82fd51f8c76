/**
 * Matching helpers shared by VirtualService and HTTPRoute: Istio `StringMatch` (exact, prefix, RE2 regex, anchored
 * like Envoy's full match), and splitting a request path into path and query parameters.
 */

/** Istio's `StringMatch`: one of exact, prefix, regex. */
export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

const REGEX_CACHE = new Map<string, RegExp | null>();

/** A compiled, fully anchored regex (RE2 syntax is close enough to JS for route patterns); null when invalid. */
export function anchoredRegex(source: string, ignoreCase = false): RegExp | null {
  const key = `${ignoreCase ? 'i' : '-'}${source}`;
  let regex = REGEX_CACHE.get(key);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${source})$`, ignoreCase ? 'iu' : 'u');
    } catch {
      regex = null;
    }
    if (REGEX_CACHE.size > 1_000) REGEX_CACHE.clear();
    REGEX_CACHE.set(key, regex);
  }
  return regex;
}

/** True when `value` satisfies the StringMatch; an absent value never matches, an empty StringMatch always does. */
export function stringMatches(match: StringMatch, value: string | undefined, ignoreCase = false): boolean {
  if (value === undefined) return false;
  const fold = (text: string): string => (ignoreCase ? text.toLowerCase() : text);
  if (match.exact !== undefined) return fold(value) === fold(match.exact);
  if (match.prefix !== undefined) return fold(value).startsWith(fold(match.prefix));
  if (match.regex !== undefined) return anchoredRegex(match.regex, ignoreCase)?.test(value) ?? false;
  return true;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The path without its query string, and the query parameters. */
export function splitPath(path: string): { path: string; query: Record<string, string> } {
  const at = path.indexOf('?');
  if (at < 0) return { path, query: {} };
  const query: Record<string, string> = {};
  for (const part of path.slice(at + 1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    query[key] = eq < 0 ? '' : decode(part.slice(eq + 1));
  }
  return { path: path.slice(0, at), query };
}

/** Shares proportional to weights; when every weight is 0 or absent, equal shares. */
export function sharesOf(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => (total > 0 ? w / total : 1 / weights.length));
}
