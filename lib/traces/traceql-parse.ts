/**
 * A parser for the subset of TraceQL the demo mesh answers like Tempo: span sets `{ … }` combined with `&&` and `||`,
 * conditions over intrinsics and attributes, and a trailing `| select(…)`. Precedence follows Tempo's grammar
 * (`pkg/traceql/expr.y`): `!` and unary `-` bind tightest, then comparisons, then `&&` and `||`, which share one
 * level and group from the left (`a || b && c` is `(a || b) && c`, in span sets as between them). Structural
 * operators, arithmetic and pipeline stages other than `select` are refused with a {@link TraceQLError}.
 */
import { errorAt, lexTraceQL, type Token } from './traceql-lex';
import { compileRe2 } from './traceql-regex';
import type {
  TraceQLComparison,
  TraceQLField,
  TraceQLIntrinsic,
  TraceQLQuery,
  TraceQLSpanset,
  TraceQLStatic,
} from './traceql-ast';

export { TraceQLError } from './traceql-lex';
export type { TraceQLField, TraceQLQuery, TraceQLSpanset, TraceQLStatic } from './traceql-ast';

const TRUE: TraceQLField = { type: 'static', value: { type: 'boolean', value: true } };

/** The keywords that are values. */
// prettier-ignore
const STATICS: Readonly<Record<string, TraceQLStatic>> = {
  true: { type: 'boolean', value: true }, false: { type: 'boolean', value: false }, nil: { type: 'nil' },
  ok: { type: 'status', value: 'ok' }, error: { type: 'status', value: 'error' },
  unset: { type: 'status', value: 'unset' },
  server: { type: 'kind', value: 'server' }, client: { type: 'kind', value: 'client' },
  internal: { type: 'kind', value: 'internal' }, producer: { type: 'kind', value: 'producer' },
  consumer: { type: 'kind', value: 'consumer' }, unspecified: { type: 'kind', value: 'unspecified' },
};

/** Intrinsics by the names Tempo accepts: the original ones and the newer scoped ones. */
// prettier-ignore
const INTRINSICS: Readonly<Record<string, TraceQLIntrinsic>> = {
  name: 'name', 'span:name': 'name',
  status: 'status', 'span:status': 'status',
  statusMessage: 'statusMessage', 'span:statusMessage': 'statusMessage',
  kind: 'kind', 'span:kind': 'kind',
  duration: 'duration', 'span:duration': 'duration',
  'span:id': 'spanId', 'span:parentID': 'parentId', 'trace:id': 'traceId',
  rootName: 'rootName', 'trace:rootName': 'rootName',
  rootServiceName: 'rootService', 'trace:rootService': 'rootService',
  traceDuration: 'traceDuration', 'trace:duration': 'traceDuration',
};

/** Tempo words the demo knows but does not evaluate. */
const UNSUPPORTED = /^(?:childCount|parent|nestedSet\w+|\w+:\w+)$/;
/** Operators between span sets that relate spans by the trace's tree (`>>` descendant, `~` sibling, …). */
// prettier-ignore
const STRUCTURAL = new Set(['>', '>>', '<', '<<', '~', '!>', '!>>', '!<', '!<<', '!~', '&>', '&>>', '&<', '&<<', '&~']);
const COMPARISONS = new Set(['=', '!=', '>', '>=', '<', '<=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '^']);
const MAX_DEPTH = 64;
const FIELD = 'expecting a field or a value';

/**
 * Parses a TraceQL query of the supported subset. A blank query is `{}` (every span). Throws a `TraceQLError`
 * (`parse error at line L, col C: …`) for anything malformed or beyond the subset.
 */
export function parseTraceQL(query: string): TraceQLQuery {
  return new Parser(query).root();
}

class Parser {
  private readonly tokens: Token[];
  private readonly end: Token;
  private index = 0;
  private depth = 0;

  constructor(private readonly query: string) {
    this.tokens = lexTraceQL(query);
    this.end = this.tokens[this.tokens.length - 1] ?? { kind: 'eof', offset: query.length, text: '' };
  }

  root(): TraceQLQuery {
    if (this.peek().kind === 'eof') return { spansets: { type: 'filter', expr: TRUE }, select: [] };
    const spansets = this.spansets();
    const select: TraceQLField[] = [];
    while (this.is('|')) {
      this.next();
      const stage = this.next();
      if (stage.kind === 'eof') throw this.unexpected(stage, 'expecting a pipeline stage');
      if (stage.kind !== 'word' || stage.text !== 'select') {
        const name = stage.kind === 'word' ? `${stage.text}()` : stage.text;
        const reason = `the demo trace source does not support the pipeline stage ${name} (only select(…) is)`;
        throw errorAt(this.query, stage.offset, reason);
      }
      this.expect('(', 'expecting (');
      select.push(this.field());
      while (this.is(',')) {
        this.next();
        select.push(this.field());
      }
      this.expect(')', 'expecting , or )');
    }
    const end = this.peek();
    if (end.kind !== 'eof') throw this.unexpected(end, 'expecting &&, ||, | or the end of the query');
    return { spansets, select };
  }

  /** `A && B || C`: one precedence level, grouped from the left, as in Tempo. */
  private spansets(): TraceQLSpanset {
    let left = this.spanset();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'symbol' && STRUCTURAL.has(token.text)) {
        throw errorAt(
          this.query,
          token.offset,
          'structural operators are not supported by the demo trace source',
        );
      }
      if (!this.is('&&') && !this.is('||')) return left;
      const op = this.next().text as '&&' | '||';
      left = { type: 'combine', op, left, right: this.spanset() };
    }
  }

  private spanset(): TraceQLSpanset {
    const token = this.next();
    if (token.kind === 'symbol' && token.text === '(') {
      const inner = this.nested(() => this.spansets());
      this.expect(')', 'expecting &&, || or )');
      return inner;
    }
    if (token.kind !== 'symbol' || token.text !== '{') throw this.unexpected(token, 'expecting { or (');
    if (this.is('}')) {
      this.next();
      return { type: 'filter', expr: TRUE };
    }
    const expr = this.field();
    this.expect('}', 'expecting an operator or }');
    return { type: 'filter', expr };
  }

  /** Conditions joined by `&&` and `||` (same precedence, from the left). */
  private field(): TraceQLField {
    let left = this.comparison();
    while (this.is('&&') || this.is('||')) {
      const op = this.next().text as '&&' | '||';
      left = { type: 'logical', op, left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): TraceQLField {
    let left = this.operand();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'symbol') return left;
      if (COMPARISONS.has(token.text)) {
        this.next();
        left = { type: 'compare', op: token.text as TraceQLComparison, left, right: this.operand() };
      } else if (token.text === '=~' || token.text === '!~') {
        this.next();
        const at = this.peek();
        const right = this.operand();
        if (right.type !== 'static' || right.value.type !== 'string') {
          throw errorAt(
            this.query,
            at.offset,
            `the right side of ${token.text} must be a string (a regular expression)`,
          );
        }
        const pattern = right.value.value;
        left = { type: 'regex', negated: token.text === '!~', left, pattern, regex: this.regex(pattern, at) };
      } else return left;
    }
  }

  private regex(pattern: string, at: Token): RegExp {
    try {
      return compileRe2(pattern);
    } catch (error) {
      throw errorAt(this.query, at.offset, error instanceof Error ? error.message : String(error));
    }
  }

  /** A unary expression, refusing arithmetic right after it. */
  private operand(): TraceQLField {
    const operand = this.unary();
    const next = this.peek();
    if (next.kind === 'symbol' && ARITHMETIC.has(next.text)) {
      throw errorAt(this.query, next.offset, 'arithmetic is not supported by the demo trace source');
    }
    return operand;
  }

  private unary(): TraceQLField {
    const token = this.peek();
    if (token.kind === 'symbol' && token.text === '!') {
      this.next();
      return { type: 'not', operand: this.nested(() => this.unary()) };
    }
    if (token.kind === 'symbol' && token.text === '-') {
      this.next();
      const next = this.peek();
      if (next.kind === 'number') {
        this.next();
        return { type: 'static', value: { type: 'number', value: -next.value } };
      }
      if (next.kind === 'duration') {
        this.next();
        return { type: 'static', value: { type: 'duration', ms: -next.ms } };
      }
      return { type: 'negate', operand: this.nested(() => this.unary()) };
    }
    return this.primary();
  }

  private primary(): TraceQLField {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { type: 'static', value: { type: 'string', value: token.value } };
      case 'number':
        return { type: 'static', value: { type: 'number', value: token.value } };
      case 'duration':
        return { type: 'static', value: { type: 'duration', ms: token.ms } };
      case 'attribute':
        if (token.scope === 'span' || token.scope === 'resource' || token.scope === 'any') {
          return { type: 'attribute', scope: token.scope, key: token.key };
        }
        throw errorAt(
          this.query,
          token.offset,
          `${token.scope}. attributes are not supported by the demo trace source`,
        );
      case 'word': {
        const value = own(STATICS, token.text);
        if (value) return { type: 'static', value };
        const intrinsic = own(INTRINSICS, token.text);
        if (intrinsic) return { type: 'intrinsic', name: intrinsic };
        if (UNSUPPORTED.test(token.text)) {
          throw errorAt(this.query, token.offset, `${token.text} is not supported by the demo trace source`);
        }
        throw this.unexpected(token, FIELD);
      }
      case 'symbol':
        if (token.text === '(') {
          const inner = this.nested(() => this.field());
          this.expect(')', 'expecting an operator or )');
          return inner;
        }
        throw this.unexpected(token, FIELD);
      case 'eof':
        throw this.unexpected(token, FIELD);
    }
  }

  /** Bounds the recursion, so that a query of ten thousand `(` is an error rather than a stack overflow. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      const opening = this.tokens[this.index - 1] ?? this.peek();
      throw errorAt(this.query, opening.offset, `expression nested more than ${MAX_DEPTH} levels deep`);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.end;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private is(symbol: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.text === symbol;
  }

  private expect(symbol: string, expecting: string): void {
    if (!this.is(symbol)) throw this.unexpected(this.peek(), expecting);
    this.next();
  }

  private unexpected(token: Token, expecting: string): Error {
    return errorAt(this.query, token.offset, `syntax error: unexpected ${describe(token)}, ${expecting}`);
  }
}

/** A table's own entry (never `constructor` and friends from the prototype). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** How an error names a token, after Tempo's grammar: `IDENTIFIER`, `STRING`, or the symbol itself. */
function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of query';
    case 'symbol':
      return token.text;
    case 'word':
      return own(STATICS, token.text) || own(INTRINSICS, token.text)
        ? token.text
        : `IDENTIFIER ${token.text}`;
    case 'string':
      return 'STRING';
    case 'number':
      return token.integer ? 'INTEGER' : 'FLOAT';
    case 'duration':
      return 'DURATION';
    case 'attribute':
      return `attribute ${token.text}${token.key}`;
  }
}
