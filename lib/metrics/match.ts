/**
 * Label matching with PromQL's semantics, for sources that hold series in memory (the demo mesh) and must select
 * exactly what Prometheus would: matchers are ANDed, a missing label has the value `""`, and regexes are RE2,
 * anchored at both ends, with `.` matching newlines (Prometheus compiles `^(?s:value)$`). Regexes are translated
 * from RE2 to JavaScript here; the few RE2 constructs JavaScript cannot express throw a `RangeError`.
 */
import type { LabelMatcher, Labels } from './types';

/** True when the series with these labels satisfies every matcher. */
export function matchesLabels(labels: Labels, matchers: readonly LabelMatcher[]): boolean {
  return matchers.every((matcher) => matcherTest(matcher)(labels[matcher.label] ?? ''));
}

/**
 * Compiles matchers once for many series. Throws a `RangeError` for an unknown operator or a regex that is not
 * valid RE2 (or uses an RE2 feature JavaScript lacks), so a caller can refuse the query before reading anything.
 */
export function compileMatchers(matchers: readonly LabelMatcher[]): (labels: Labels) => boolean {
  const tests = matchers.map((matcher) => ({ label: matcher.label, test: matcherTest(matcher) }));
  return (labels) => tests.every(({ label, test }) => test(labels[label] ?? ''));
}

function matcherTest(matcher: LabelMatcher): (value: string) => boolean {
  const { op, value } = matcher;
  if (op === '=') return (v) => v === value;
  if (op === '!=') return (v) => v !== value;
  if (op === '=~' || op === '!~') {
    const regex = anchoredRegex(value);
    return op === '=~' ? (v) => regex.test(v) : (v) => !regex.test(v);
  }
  throw new RangeError(`invalid match operator ${JSON.stringify(op)}`);
}

const CACHE_LIMIT = 512;
const cache = new Map<string, RegExp>();

/**
 * The JavaScript equivalent of Prometheus's `^(?s:source)$` for an RE2 `source`. Cached, since the same few
 * regexes are evaluated against every series of every query.
 */
export function anchoredRegex(source: string): RegExp {
  const cached = cache.get(source);
  if (cached) return cached;
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${re2ToJs(source)})$`, 'su');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RangeError(`invalid regex ${JSON.stringify(source)}: ${reason}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, regex);
  return regex;
}

/** Characters JavaScript's `u` mode lets you escape outside a class (anything else escaped is an error there). */
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/');
/** Inside a class, these keep their backslash; other escaped punctuation becomes the plain character. */
const JS_CLASS_SYNTAX = new Set('\\]^-[');
/** Escapes with the same meaning in RE2 and JavaScript. */
const SAME_ESCAPES = new Set('dDsSwWbBntrfv');
/** RE2's POSIX classes (ASCII), for use inside brackets. */
const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Translates RE2 syntax to JavaScript (`u` and `s` flags) construct by construct. */
function re2ToJs(source: string): string {
  let out = '';
  let inClass = false;
  // Per open group: how many `(?flags:` groups were opened for RE2's `(?flags)` and must close with it.
  const pendingCloses: number[] = [0];
  let atGroupStart = true;
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    const groupStart = atGroupStart;
    atGroupStart = false;
    if (c === '\\') {
      const [text, next] = translateEscape(source, i, inClass);
      out += text;
      i = next;
    } else if (inClass) {
      if (source.startsWith('[:', i)) {
        const end = source.indexOf(':]', i + 2);
        const name = end < 0 ? undefined : source.slice(i + 2, end);
        const expansion = name === undefined ? undefined : POSIX_CLASSES[name];
        if (expansion === undefined) throw new RangeError(`unsupported character class at ${i}`);
        out += expansion;
        i = end + 2;
        continue;
      }
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
      i++;
    } else if (c === '[') {
      inClass = true;
      const negated = source[i + 1] === '^';
      out += negated ? '[^' : '[';
      i += negated ? 2 : 1;
      // RE2 reads a `]` right after the opening bracket as a literal.
      if (source[i] === ']') {
        out += '\\]';
        i++;
      }
    } else if (c === '(') {
      const [text, next, closes] = translateGroupStart(source, i);
      if (closes > 0) {
        // `x(?i)y|z` would need a rewrite of the alternation; flags that open a group are what people write.
        if (!groupStart) throw new RangeError(`unsupported (?flags) in the middle of a group at ${i}`);
        pendingCloses[pendingCloses.length - 1] = (pendingCloses.at(-1) ?? 0) + closes;
      } else {
        pendingCloses.push(0);
      }
      atGroupStart = true;
      out += text;
      i = next;
    } else if (c === ')') {
      out += ')'.repeat(pendingCloses.pop() ?? 0) + ')';
      if (pendingCloses.length === 0) throw new RangeError(`unexpected ) at ${i}`);
      i++;
    } else if (c === '{') {
      const repeat = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i))?.[0];
      out += repeat ?? '\\{';
      i += repeat?.length ?? 1;
    } else {
      out += c === '}' ? '\\}' : c;
      i++;
    }
  }
  return out + ')'.repeat(pendingCloses.reduce((sum, n) => sum + n, 0));
}

/** `(?flags)` becomes an opening `(?flags:` closed with the enclosing group; `(?P<name>` becomes `(?<name>`. */
function translateGroupStart(source: string, i: number): [text: string, next: number, closes: number] {
  const rest = source.slice(i);
  const setFlags = /^\(\?([a-zA-Z-]+)\)/.exec(rest);
  if (setFlags) return [`(?${jsFlags(setFlags[1] ?? '')}:`, i + setFlags[0].length, 1];
  const scopedFlags = /^\(\?([a-zA-Z-]+):/.exec(rest);
  if (scopedFlags) return [`(?${jsFlags(scopedFlags[1] ?? '')}:`, i + scopedFlags[0].length, 0];
  if (rest.startsWith('(?P<')) return ['(?<', i + 4, 0];
  return ['(', i + 1, 0];
}

function jsFlags(flags: string): string {
  if (!/^[ims]*(?:-[ims]*)?$/.test(flags)) throw new RangeError(`unsupported regex flags ${flags}`);
  // `s` is on already (Prometheus's `(?s:`); JavaScript refuses a flag that is both added and removed.
  return flags;
}

function translateEscape(source: string, i: number, inClass: boolean): [text: string, next: number] {
  const c = source[i + 1];
  if (c === undefined) throw new RangeError('trailing backslash');
  if (c === 'Q') {
    const end = source.indexOf('\\E', i + 2);
    const literal = source.slice(i + 2, end < 0 ? undefined : end);
    const escaped = [...literal].map((ch) => (JS_SYNTAX.has(ch) || ch === '-' ? `\\${ch}` : ch)).join('');
    return [escaped, end < 0 ? source.length : end + 2];
  }
  if (c === 'x') {
    const braced = /^\\x\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i));
    if (braced) return [`\\u{${braced[1] ?? ''}}`, i + braced[0].length];
    return [`\\x${source.slice(i + 2, i + 4)}`, i + 4];
  }
  if (c === 'p' || c === 'P') return translateUnicodeClass(source, i, c);
  if (!inClass && c === 'A') return ['^', i + 2];
  if (!inClass && c === 'z') return ['$', i + 2];
  if (c === 'a') return ['\\x07', i + 2];
  if (SAME_ESCAPES.has(c)) return [`\\${c}`, i + 2];
  if (/[0-9A-Za-z]/.test(c)) throw new RangeError(`unsupported escape \\${c}`);
  const keep = inClass ? JS_CLASS_SYNTAX.has(c) || JS_SYNTAX.has(c) : JS_SYNTAX.has(c);
  return [keep ? `\\${c}` : c, i + 2];
}

/** `\pL`, `\p{Lu}`, `\p{Greek}`, `\p{^Greek}` -> JavaScript's `\p{L}`, `\p{Lu}`, `\p{Script=Greek}`, `\P{…}`. */
function translateUnicodeClass(source: string, i: number, p: 'p' | 'P'): [text: string, next: number] {
  const match = /^\\[pP](?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(source.slice(i));
  if (!match) throw new RangeError(`invalid unicode class at ${i}`);
  const name = match[2] ?? match[3] ?? '';
  const negated = (match[1] === '^') !== (p === 'P');
  const property = /^[A-Z][a-z]?$/.test(name) || name === 'Any' ? name : `Script=${name}`;
  return [`\\${negated ? 'P' : 'p'}{${property}}`, i + match[0].length];
}
