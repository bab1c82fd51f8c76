/**
 * TraceQL's `=~` and `!~` take Go regular expressions (RE2 syntax) and, like Tempo, match the whole value. This
 * module translates the RE2 syntax people type into an equivalent JavaScript RegExp (unicode mode), so that the
 * demo mesh accepts and refuses the same patterns as Tempo does, within reason: RE2's leading flags `(?i)`, `(?s)`,
 * `(?m)`; `(?P<name>…)`; `\A`, `\z`, `\Q…\E`; POSIX classes `[[:alpha:]]`; `\pL` and script names `\p{Greek}`;
 * octal escapes; escaped punctuation anywhere; literal `{` and `]`; `.` and `\s` as RE2 defines them. Lookaround
 * and backreferences, which RE2 does not have, are refused.
 */

/** The ASCII ranges of RE2's POSIX classes, written for a JavaScript character class. */
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** RE2's `\s` is ASCII only: tab, newline, form feed, carriage return and space (no vertical tab). */
const RE2_SPACE = '\\t\\n\\f\\r ';

/**
 * Compiles a Go (RE2) regular expression into a RegExp that matches the whole string, as Tempo matches `=~`.
 * Throws an Error whose message reads like Go's (`error parsing regexp: …`) when the pattern is not valid.
 */
export function compileRe2(pattern: string): RegExp {
  let body = pattern;
  let flags = '';
  const leading = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (leading) {
    flags = [...new Set(leading[1])].join('');
    if (/[^ims]/.test(flags)) throw invalid(`invalid or unsupported Perl syntax: \`${leading[0]}\``);
    body = pattern.slice(leading[0].length);
  }
  const translated = translate(body, flags.includes('s'));
  const source = flags === '' ? `^(?:${translated})$` : `^(?${flags}:${translated})$`;
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    const reason =
      error instanceof Error ? (error.message.split(': ').pop() ?? error.message) : String(error);
    throw invalid(`${reason.toLowerCase()}: \`${pattern}\``);
  }
}

function invalid(reason: string): Error {
  return new Error(`error parsing regexp: ${reason}`);
}

/** `\u{…}` for any character, so that punctuation needs no escaping rule of its own. */
function literal(char: string): string {
  return /^[\p{L}\p{N}_ ]$/u.test(char) ? char : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`;
}

function translate(body: string, dotAll: boolean): string {
  let out = '';
  let i = 0;
  let inClass = false;
  let classStart = false;
  while (i < body.length) {
    const char = body[i] ?? '';
    const rest = body.slice(i);
    if (char === '\\') {
      const [text, length] = escape(rest, inClass);
      out += text;
      i += length;
      classStart = false;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest);
      if (posix) {
        const name = posix[2] ?? '';
        const ranges = Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
        if (ranges === undefined || posix[1] === '^') {
          throw invalid(`invalid character class range: \`${posix[0]}\``);
        }
        out += ranges;
        i += posix[0].length;
      } else {
        if (char === ']' && !classStart) inClass = false;
        out += char === '[' || (char === ']' && classStart) ? `\\${char}` : char;
        i++;
      }
      classStart = false;
      continue;
    }
    const repetition = /^\{\d+(?:,\d*)?\}/.exec(rest);
    if (char === '[') {
      inClass = true;
      classStart = true;
      const negated = body[i + 1] === '^';
      out += negated ? '[^' : '[';
      i += negated ? 2 : 1;
      continue;
    }
    if (/^\(\?(?:=|!|<=|<!)/.test(rest))
      throw invalid(`invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\``);
    if (rest.startsWith('(?P<')) {
      out += '(?<';
      i += 4;
    } else if (repetition) {
      out += repetition[0];
      i += repetition[0].length;
    } else {
      if (char === '.') out += dotAll ? '[\\s\\S]' : '[^\\n]';
      else out += char === '{' || char === '}' || char === ']' ? `\\${char}` : char;
      i++;
    }
  }
  return out;
}

/** Translates the escape at the start of `rest`; returns the JavaScript text and how many characters it used. */
function escape(rest: string, inClass: boolean): [string, number] {
  const next = rest[1];
  if (next === undefined) throw invalid('trailing backslash at end of expression: ``');
  if (next === 'Q') {
    const end = rest.indexOf('\\E', 2);
    const text = end < 0 ? rest.slice(2) : rest.slice(2, end);
    return [[...text].map(literal).join(''), end < 0 ? rest.length : end + 2];
  }
  if (next === 'A' && !inClass) return ['(?<![\\s\\S])', 2];
  if (next === 'z' && !inClass) return ['(?![\\s\\S])', 2];
  if (next === 'a') return ['\\x07', 2];
  if (next === 's') return [inClass ? RE2_SPACE : `[${RE2_SPACE}]`, 2];
  if (next === 'S' && !inClass) return [`[^${RE2_SPACE}]`, 2];
  if (/[1-7]/.test(next) && !/[0-7]/.test(rest[2] ?? ''))
    throw invalid(`invalid escape sequence: \`\\${next}\``);
  if (/[0-7]/.test(next)) {
    const digits = /^[0-7]{1,3}/.exec(rest.slice(1))?.[0] ?? '0';
    return [literal(String.fromCodePoint(Number.parseInt(digits, 8))), 1 + digits.length];
  }
  if (next === 'x' && rest[2] === '{') {
    const hex = /^\\x\{([0-9a-fA-F]{1,6})\}/.exec(rest);
    if (!hex) throw invalid(`invalid escape sequence: \`${rest.slice(0, 3)}\``);
    return [`\\u{${hex[1]}}`, hex[0].length];
  }
  if (next === 'p' || next === 'P') {
    const named = /^\\[pP](?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(rest);
    if (!named) throw invalid(`invalid character class range: \`${rest.slice(0, 3)}\``);
    const negate = (next === 'P') !== (named[1] === '^');
    return [`\\${negate ? 'P' : 'p'}{${propertyName(named[2] ?? named[3] ?? '')}}`, named[0].length];
  }
  // RE2 lets any punctuation be escaped, inside a class or not; unicode-mode JavaScript allows only some.
  if (/[!-/:-@[-`{-~]/.test(next)) return [literal(next), 2];
  return [`\\${next}`, 2];
}

/** RE2 names scripts bare (`\p{Greek}`); JavaScript wants `Script=Greek` for those. */
function propertyName(name: string): string {
  try {
    new RegExp(`\\p{${name}}`, 'u');
    return name;
  } catch {
    return `Script=${name}`;
  }
}
