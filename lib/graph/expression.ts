/**
 * Find and hide expressions for the graph page: `errorRate > 5%`, `ns = bookinfo and name = reviews*`, `!mtls`,
 * `not (kind = waypoint or health = idle)`. Pure: {@link parseExpression} never throws; a malformed expression comes
 * back as an error with the column where it went wrong, for the page to show next to the input.
 *
 * Each field says what it can be asked of (nodes, edges or both). An expression applies to a kind of element only
 * when every field it names exists there, so `!mtls` tests edges only and never matches every node by accident.
 */

/** The kinds of element an expression is tested against. */
export type Target = 'node' | 'edge';

/** A value an element offers for a field; `undefined` when it has none (an L4 edge's p95). */
export type FieldValue = string | number | boolean | null | undefined;

/** The canonical field names, with their types, targets and meaning when named bare (`mtls`, `!vs`). */
export const FIELDS = {
  name: { type: 'text', on: ['node'], aliases: [], help: 'workload, app or service name; * is a wildcard' },
  ns: { type: 'text', on: ['node'], aliases: ['namespace'], help: 'namespace' },
  kind: { type: 'text', on: ['node'], aliases: [], help: 'workload, app, service, waypoint, gateway…' },
  dataplane: { type: 'text', on: ['node'], aliases: ['mode'], help: 'ambient, sidecar or none' },
  app: { type: 'text', on: ['node'], aliases: [], help: 'the app label' },
  version: { type: 'text', on: ['node'], aliases: [], help: 'the version label' },
  waypoint: { type: 'text', on: ['node'], aliases: [], help: 'the waypoint that serves it; bare: has one' },
  health: { type: 'text', on: ['node', 'edge'], aliases: [], help: 'healthy, degraded, failing, idle' },
  protocol: { type: 'text', on: ['edge'], aliases: [], help: 'http, grpc or tcp' },
  layer: { type: 'text', on: ['edge'], aliases: [], help: 'L4 or L7' },
  rps: { type: 'number', on: ['node', 'edge'], aliases: [], help: 'requests per second (node: inbound)' },
  errorRate: {
    type: 'number',
    on: ['node', 'edge'],
    aliases: ['error', 'errors', 'err'],
    help: 'failed share 0..1 or as 5% (node: inbound)',
  },
  p50: { type: 'number', on: ['edge'], aliases: [], help: 'median latency in ms' },
  p95: { type: 'number', on: ['edge'], aliases: ['latency'], help: '95th percentile latency in ms' },
  p99: { type: 'number', on: ['edge'], aliases: [], help: '99th percentile latency in ms' },
  bytes: { type: 'number', on: ['edge'], aliases: [], help: 'bytes per second' },
  mtls: { type: 'number', on: ['edge'], aliases: [], help: 'mTLS share 0..1; bare: all of it is mTLS' },
  l7policy: { type: 'flag', on: ['node'], aliases: ['authz'], help: 'an L7 AuthorizationPolicy applies' },
  vs: { type: 'flag', on: ['node'], aliases: ['virtualservice'], help: 'a VirtualService routes to it' },
} as const satisfies Record<
  string,
  { type: 'text' | 'number' | 'flag'; on: Target[]; aliases: string[]; help: string }
>;

/** A canonical field name. */
export type FieldName = keyof typeof FIELDS;

/** What an element offers to expressions: a value per field it has. */
export type Subject = Partial<Record<FieldName, FieldValue>>;

export type Comparator = '=' | '!=' | '>' | '>=' | '<' | '<=';

/** A parsed expression. */
export type Expr =
  | { op: 'and' | 'or'; left: Expr; right: Expr }
  | { op: 'not'; operand: Expr }
  | { op: 'bare'; field: FieldName }
  | { op: 'compare'; field: FieldName; comparator: Comparator; value: number }
  | { op: 'match'; field: FieldName; negate: boolean; pattern: RegExp; text: string };

/** The outcome of parsing: an expression (null for an empty input) or an error at a 1-based column. */
export type ParseResult =
  { ok: true; expr: Expr | null } | { ok: false; error: { message: string; column: number } };

interface Token {
  kind: 'lparen' | 'rparen' | 'not' | 'and' | 'or' | 'cmp' | 'word' | 'end';
  text: string;
  /** 0-based offset in the input. */
  at: number;
}

class ExpressionError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const ALIASES = new Map<string, FieldName>(
  (Object.keys(FIELDS) as FieldName[]).flatMap((name) => [
    [name.toLowerCase(), name] as const,
    ...FIELDS[name].aliases.map((alias) => [alias.toLowerCase(), name] as const),
  ]),
);

const KEYWORDS = new Map<string, Token['kind']>([
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
  ['&&', 'and'],
  ['||', 'or'],
]);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c, at: i++ });
    } else if (/[=!<>]/.test(c)) {
      const two = input.slice(i, i + 2);
      const text = ['==', '!=', '>=', '<='].includes(two) ? two : c;
      tokens.push({ kind: text === '!' ? 'not' : 'cmp', text: text === '==' ? '=' : text, at: i });
      i += text.length;
    } else if (c === '"' || c === "'") {
      const end = input.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError(`unclosed quote ${c}`, i);
      tokens.push({ kind: 'word', text: input.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (input.startsWith('&&', i) || input.startsWith('||', i)) {
      tokens.push({ kind: KEYWORDS.get(input.slice(i, i + 2)) ?? 'and', text: input.slice(i, i + 2), at: i });
      i += 2;
    } else {
      const word = /^[^\s()=!<>"'&|]+/.exec(input.slice(i))?.[0];
      if (word === undefined) throw new ExpressionError(`unexpected character ${JSON.stringify(c)}`, i);
      tokens.push({ kind: KEYWORDS.get(word.toLowerCase()) ?? 'word', text: word, at: i });
      i += word.length;
    }
  }
  tokens.push({ kind: 'end', text: '', at: input.length });
  return tokens;
}

const FIELD_LIST = Object.keys(FIELDS).join(', ');

/** Parses a number with an optional unit: `0.05`, `5%`, `200ms`, `1.5s` (ms). */
function parseNumber(text: string): number | null {
  const m = /^(-?\d+(?:\.\d+)?|-?\.\d+)(%|ms|s)?$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]?.toLowerCase();
  return unit === '%' ? n / 100 : unit === 's' ? n * 1000 : n;
}

function wildcard(text: string): RegExp {
  const escaped = text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    const next = this.peek();
    if (next.kind === 'rparen') throw new ExpressionError('")" without a matching "("', next.at);
    if (next.kind !== 'end')
      throw new ExpressionError(`expected "and" or "or" before "${next.text}"`, next.at);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.i] ?? { kind: 'end', text: '', at: 0 };
  }

  private take(): Token {
    const token = this.peek();
    this.i = Math.min(this.i + 1, this.tokens.length - 1);
    return token;
  }

  private or(): Expr {
    let left = this.and();
    while (this.peek().kind === 'or') {
      this.take();
      left = { op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.unary();
    while (this.peek().kind === 'and') {
      this.take();
      left = { op: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.peek().kind === 'not') {
      this.take();
      return { op: 'not', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const token = this.take();
    if (token.kind === 'lparen') {
      const inner = this.or();
      const close = this.take();
      if (close.kind !== 'rparen') throw new ExpressionError('missing ")" to close the "("', token.at);
      return inner;
    }
    if (token.kind === 'end') throw new ExpressionError('expected a field, e.g. errorRate > 5%', token.at);
    if (token.kind !== 'word') throw new ExpressionError(`expected a field before "${token.text}"`, token.at);
    const field = ALIASES.get(token.text.toLowerCase());
    if (field === undefined) {
      throw new ExpressionError(`unknown field "${token.text}" (fields: ${FIELD_LIST})`, token.at);
    }
    if (this.peek().kind !== 'cmp') return { op: 'bare', field };
    return this.comparison(field, this.take());
  }

  private comparison(field: FieldName, cmp: Token): Expr {
    const comparator = cmp.text as Comparator;
    const value = this.take();
    if (value.kind !== 'word') throw new ExpressionError(`expected a value after "${cmp.text}"`, value.at);
    const type = FIELDS[field].type;
    if (type === 'number') {
      const n = parseNumber(value.text);
      if (n === null) throw new ExpressionError(`${field} takes a number, not "${value.text}"`, value.at);
      return { op: 'compare', field, comparator, value: n };
    }
    if (comparator !== '=' && comparator !== '!=') {
      throw new ExpressionError(`${field} can only be compared with = or !=`, cmp.at);
    }
    if (type === 'flag') {
      const flag = /^(true|yes|1)$/i.test(value.text)
        ? true
        : /^(false|no|0)$/i.test(value.text)
          ? false
          : null;
      if (flag === null)
        throw new ExpressionError(`${field} is true or false, not "${value.text}"`, value.at);
      const bare: Expr = { op: 'bare', field };
      return flag === (comparator === '=') ? bare : { op: 'not', operand: bare };
    }
    return {
      op: 'match',
      field,
      negate: comparator === '!=',
      pattern: wildcard(value.text),
      text: value.text,
    };
  }
}

/** Parses a find or hide expression. Never throws: errors come back with a message and a 1-based column. */
export function parseExpression(input: string): ParseResult {
  if (input.trim() === '') return { ok: true, expr: null };
  try {
    return { ok: true, expr: new Parser(tokenize(input)).parse() };
  } catch (error) {
    if (error instanceof ExpressionError) {
      return { ok: false, error: { message: error.message, column: error.at + 1 } };
    }
    return { ok: false, error: { message: String(error), column: 1 } };
  }
}

/** The fields an expression names. */
export function fieldsOf(expr: Expr): Set<FieldName> {
  switch (expr.op) {
    case 'and':
    case 'or':
      return new Set([...fieldsOf(expr.left), ...fieldsOf(expr.right)]);
    case 'not':
      return fieldsOf(expr.operand);
    default:
      return new Set([expr.field]);
  }
}

/** True when every field the expression names exists on `target`, so that testing it there means something. */
export function appliesTo(expr: Expr, target: Target): boolean {
  return [...fieldsOf(expr)].every((field) => (FIELDS[field].on as readonly Target[]).includes(target));
}

function bare(field: FieldName, value: FieldValue): boolean {
  if (field === 'mtls') return typeof value === 'number' && value >= 1;
  if (typeof value === 'number') return value > 0;
  return value !== undefined && value !== null && value !== false && value !== '';
}

function compare(value: FieldValue, comparator: Comparator, wanted: number): boolean {
  if (typeof value !== 'number') return false;
  switch (comparator) {
    case '=':
      return value === wanted;
    case '!=':
      return value !== wanted;
    case '>':
      return value > wanted;
    case '>=':
      return value >= wanted;
    case '<':
      return value < wanted;
    case '<=':
      return value <= wanted;
  }
}

/** Tests an element. A field the element lacks makes its comparison false (and its `!=` false too). */
export function matches(expr: Expr, subject: Subject): boolean {
  switch (expr.op) {
    case 'and':
      return matches(expr.left, subject) && matches(expr.right, subject);
    case 'or':
      return matches(expr.left, subject) || matches(expr.right, subject);
    case 'not':
      return !matches(expr.operand, subject);
    case 'bare':
      return bare(expr.field, subject[expr.field]);
    case 'compare':
      return compare(subject[expr.field], expr.comparator, expr.value);
    case 'match': {
      const value = subject[expr.field];
      if (value === undefined) return false;
      return expr.pattern.test(String(value ?? '')) !== expr.negate;
    }
  }
}
