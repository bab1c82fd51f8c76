/**
 * The lexer of the TraceQL subset the demo mesh understands, following Tempo's (`pkg/traceql/lexer.go`): Go's
 * string quoting, durations as Go or Prometheus write them, and attribute names that run until whitespace or one of
 * `{}()=~!<>&|^,` (so `span.http.status_code` and `.k8s.pod-name` are one name each).
 */

/**
 * A TraceQL query that cannot be parsed. The message reads like Tempo's: `parse error at line 1, col 14: syntax
 * error: unexpected }, expecting a field or a value`.
 */
export class TraceQLError extends Error {
  override readonly name = 'TraceQLError';
  /** 1-based line of the offending text. */
  readonly line: number;
  /** 1-based column (in characters) of the offending text. */
  readonly col: number;

  constructor(reason: string, line: number, col: number) {
    super(`parse error at line ${line}, col ${col}: ${reason}`);
    this.line = line;
    this.col = col;
  }
}

/** Where an attribute is looked up; `any` is the unscoped `.key` (span first, then resource). */
export type AttributeScope = 'span' | 'resource' | 'any' | 'parent' | 'event' | 'link' | 'instrumentation';

/** One token; `offset` is the index of its first character in the query, `text` its source text. */
export type Token = { offset: number; text: string } & (
  | { kind: 'symbol' }
  | { kind: 'word' }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'duration'; ms: number }
  | { kind: 'attribute'; scope: AttributeScope; key: string }
  | { kind: 'eof' }
);

/** Operators and punctuation, longest first so that `>>` wins over `>`. */
// prettier-ignore
const SYMBOLS = [
  '!>>', '!<<', '&>>', '&<<',
  '&&', '||', '=~', '!=', '!~', '>=', '<=', '>>', '<<', '!>', '!<', '&~', '&>', '&<',
  '{', '}', '(', ')', ',', '|', '=', '>', '<', '!', '~', '+', '-', '*', '/', '%', '^',
];

/** Words that scope an attribute right before a `.` (only `span.` and `resource.` are evaluated). */
const SCOPES = new Set(['span', 'resource', 'parent', 'event', 'link', 'instrumentation']);
/** Words that scope an intrinsic right before a `:` (`span:name`, `trace:duration`). */
const INTRINSIC_SCOPES = new Set(['span', 'trace', 'event', 'link', 'instrumentation']);

/** Milliseconds per duration unit (Go's units plus Prometheus's `d`, `w`, `y`). */
// prettier-ignore
const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000,
  d: 86_400_000, w: 604_800_000, y: 31_536_000_000,
};

const DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h|d|w|y))+$/;
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w|y)/g;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[\p{L}_][\p{L}\p{N}_]*/u;
/** Go's one-letter escapes in interpreted string literals. */
// prettier-ignore
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"',
};

/** The 1-based line and column of a character of the query. */
export function positionAt(query: string, offset: number): { line: number; col: number } {
  const before = query.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: [...before.slice(lineStart)].length + 1 };
}

/** A {@link TraceQLError} at a character of the query. */
export function errorAt(query: string, offset: number, reason: string): TraceQLError {
  const { line, col } = positionAt(query, offset);
  return new TraceQLError(reason, line, col);
}

/** True for the characters an unquoted attribute name may contain (Tempo's `isAttributeRune`). */
function isAttributeChar(char: string | undefined): boolean {
  return char !== undefined && !/\s/u.test(char) && !'{}()=~!<>&|^,'.includes(char);
}

/** Splits a query into tokens, ending with one `eof` token. Throws a {@link TraceQLError} on a malformed one. */
export function lexTraceQL(query: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;

  /** The name after `.`, `span.` etc., with Tempo's quoted parts (`span."foo bar"`). */
  const attributeKey = (scopeStart: number): string => {
    let key = '';
    while (pos < query.length) {
      const char = query[pos];
      if (char === '"') {
        const quote = pos++;
        for (;;) {
          const inner = query[pos++];
          if (inner === undefined) {
            throw errorAt(query, quote, 'unterminated quoted attribute name, expecting "');
          }
          if (inner === '"') break;
          if (inner === '\\') {
            const escaped = query[pos++];
            if (escaped !== '"' && escaped !== '\\') {
              throw errorAt(query, pos - 2, 'invalid escape sequence in attribute name');
            }
            key += escaped;
          } else key += inner;
        }
      } else if (isAttributeChar(char)) {
        key += char;
        pos++;
      } else break;
    }
    if (key === '') {
      throw errorAt(query, scopeStart, 'syntax error: unexpected END_ATTRIBUTE, expecting IDENTIFIER');
    }
    return key;
  };

  /** A double-quoted literal from `start`, unquoted with Go's rules (`\x` and octal escapes are UTF-8 bytes). */
  const quoted = (start: number): string => {
    let out = '';
    let bytes: number[] = [];
    const flush = (): void => {
      if (bytes.length > 0) out += new TextDecoder().decode(new Uint8Array(bytes));
      bytes = [];
    };
    pos++;
    for (;;) {
      const char = query[pos];
      if (char === undefined || char === '\n') throw errorAt(query, start, 'string literal not terminated');
      if (char === '"') {
        pos++;
        flush();
        return out;
      }
      if (char !== '\\') {
        flush();
        const point = String.fromCodePoint(query.codePointAt(pos) ?? 0);
        out += point;
        pos += point.length;
        continue;
      }
      const escape = query[pos + 1] ?? '';
      const simple = SIMPLE_ESCAPES[escape];
      const hexLength = { x: 2, u: 4, U: 8 }[escape];
      if (simple !== undefined) {
        flush();
        out += simple;
        pos += 2;
      } else if (hexLength !== undefined) {
        const digits = query.slice(pos + 2, pos + 2 + hexLength);
        if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) {
          throw errorAt(query, pos, 'invalid escape sequence in string');
        }
        const code = Number.parseInt(digits, 16);
        if (escape === 'x') bytes.push(code);
        else if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          throw errorAt(query, pos, 'escape sequence is an invalid Unicode code point');
        } else {
          flush();
          out += String.fromCodePoint(code);
        }
        pos += 2 + hexLength;
      } else if (/^[0-7]{3}$/.test(query.slice(pos + 1, pos + 4))) {
        const code = Number.parseInt(query.slice(pos + 1, pos + 4), 8);
        if (code > 0xff) throw errorAt(query, pos, 'octal escape value > 255');
        bytes.push(code);
        pos += 4;
      } else throw errorAt(query, pos, 'invalid escape sequence in string');
    }
  };

  while (pos < query.length) {
    const start = pos;
    const rest = query.slice(pos);
    const char = query[pos] ?? '';
    if (/\s/u.test(char)) {
      pos++;
    } else if (rest.startsWith('//')) {
      const end = query.indexOf('\n', pos);
      pos = end < 0 ? query.length : end;
    } else if (rest.startsWith('/*')) {
      const end = query.indexOf('*/', pos + 2);
      if (end < 0) throw errorAt(query, start, 'comment not terminated');
      pos = end + 2;
    } else if (char === '"') {
      const value = quoted(start);
      tokens.push({ kind: 'string', value, offset: start, text: query.slice(start, pos) });
    } else if (char === '`') {
      const end = query.indexOf('`', pos + 1);
      if (end < 0) throw errorAt(query, start, 'raw string literal not terminated');
      pos = end + 1;
      const value = query.slice(start + 1, end).replaceAll('\r', '');
      tokens.push({ kind: 'string', value, offset: start, text: query.slice(start, pos) });
    } else if (/\d/.test(char) || (char === '.' && /\d/.test(query[pos + 1] ?? ''))) {
      const number = NUMBER.exec(rest)?.[0] ?? char;
      // Tempo reads the characters up to the next space as a duration when they make one (`1.5s`, `1h30m`).
      const tail = /^[\dnsuµμmhdwy.]*/.exec(rest.slice(number.length))?.[0] ?? '';
      const asDuration = number + tail;
      if (tail !== '' && !/[eE]/.test(number) && DURATION.test(asDuration)) {
        let ms = 0;
        for (const [, value, unit] of asDuration.matchAll(DURATION_PART)) ms += durationPart(value, unit);
        pos += asDuration.length;
        tokens.push({ kind: 'duration', ms, offset: start, text: asDuration });
      } else {
        pos += number.length;
        const integer = /^\d+$/.test(number);
        tokens.push({ kind: 'number', value: Number(number), integer, offset: start, text: number });
      }
    } else if (char === '.') {
      pos++;
      tokens.push({ kind: 'attribute', scope: 'any', key: attributeKey(start), offset: start, text: '.' });
    } else if (WORD.test(rest)) {
      const word = WORD.exec(rest)?.[0] ?? '';
      pos += word.length;
      if (query[pos] === '.' && SCOPES.has(word)) {
        pos++;
        const key = attributeKey(start);
        tokens.push({
          kind: 'attribute',
          scope: word as AttributeScope,
          key,
          offset: start,
          text: `${word}.`,
        });
      } else if (query[pos] === ':' && INTRINSIC_SCOPES.has(word)) {
        const name = WORD.exec(query.slice(pos + 1))?.[0];
        if (name === undefined) {
          throw errorAt(query, pos + 1, `syntax error: expecting an intrinsic name after ${word}:`);
        }
        pos += 1 + name.length;
        tokens.push({ kind: 'word', offset: start, text: query.slice(start, pos) });
      } else tokens.push({ kind: 'word', offset: start, text: word });
    } else {
      const symbol = SYMBOLS.find((candidate) => rest.startsWith(candidate));
      if (symbol === undefined) {
        throw errorAt(query, start, `syntax error: unexpected character ${JSON.stringify(char)}`);
      }
      pos += symbol.length;
      tokens.push({ kind: 'symbol', offset: start, text: symbol });
    }
  }
  tokens.push({ kind: 'eof', offset: query.length, text: '' });
  return tokens;
}

/** One `<number><unit>` of a duration in milliseconds; small units divide so `1234us` is exactly `1.234`. */
function durationPart(value: string | undefined, unit: string | undefined): number {
  const n = Number(value);
  const perUnit = UNIT_MS[unit ?? ''] ?? Number.NaN;
  return perUnit < 1 ? n / Math.round(1 / perUnit) : n * perUnit;
}
