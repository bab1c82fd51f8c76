import { describe, expect, it } from 'vitest';
import type { TraceQLField, TraceQLSpanset, TraceQLStatic } from './traceql-ast';
import { parseTraceQL, TraceQLError } from './traceql-parse';
import { buildTraceQL } from './traceql';

const value = (v: TraceQLStatic): TraceQLField => ({ type: 'static', value: v });
const str = (v: string): TraceQLField => value({ type: 'string', value: v });
const num = (v: number): TraceQLField => value({ type: 'number', value: v });
const dur = (ms: number): TraceQLField => value({ type: 'duration', ms });
const attr = (scope: 'span' | 'resource' | 'any', key: string): TraceQLField => ({
  type: 'attribute',
  scope,
  key,
});
const intrinsic = (name: 'name' | 'status' | 'kind' | 'duration' | 'statusMessage'): TraceQLField => ({
  type: 'intrinsic',
  name,
});
const eq = (left: TraceQLField, right: TraceQLField): TraceQLField => ({
  type: 'compare',
  op: '=',
  left,
  right,
});
const and = (left: TraceQLField, right: TraceQLField): TraceQLField => ({
  type: 'logical',
  op: '&&',
  left,
  right,
});
const or = (left: TraceQLField, right: TraceQLField): TraceQLField => ({
  type: 'logical',
  op: '||',
  left,
  right,
});
const filter = (expr: TraceQLField): TraceQLSpanset => ({ type: 'filter', expr });
const TRUE = value({ type: 'boolean', value: true });
const ERROR = value({ type: 'status', value: 'error' });

/** The condition of a query that is one span set. */
function condition(query: string): TraceQLField {
  const { spansets } = parseTraceQL(query);
  if (spansets.type !== 'filter') throw new Error(`not one span set: ${query}`);
  return spansets.expr;
}

describe('parseTraceQL: valid queries', () => {
  it.each<[string, TraceQLField]>([
    [
      '{ resource.service.name = "reviews" && status = error }',
      and(eq(attr('resource', 'service.name'), str('reviews')), eq(intrinsic('status'), ERROR)),
    ],
    [
      '{ span.http.status_code >= 500 }',
      { type: 'compare', op: '>=', left: attr('span', 'http.status_code'), right: num(500) },
    ],
    ['{ duration > 500ms }', { type: 'compare', op: '>', left: intrinsic('duration'), right: dur(500) }],
    ['{ span.istio.source_workload = "a" }', eq(attr('span', 'istio.source_workload'), str('a'))],
    ['{ .k8s.pod-name = "p" }', eq(attr('any', 'k8s.pod-name'), str('p'))],
    ['{ resource.k8s.deployment.name="r"}', eq(attr('resource', 'k8s.deployment.name'), str('r'))],
    ['{ span."foo bar" = 1 }', eq(attr('span', 'foo bar'), num(1))],
    ['{ span:name = "x" }', eq(intrinsic('name'), str('x'))],
    ['{ span:status = error }', eq(intrinsic('status'), ERROR)],
    ['{ span:kind = server }', eq(intrinsic('kind'), value({ type: 'kind', value: 'server' }))],
    ['{ span:duration = 1s }', eq(intrinsic('duration'), dur(1000))],
    ['{ span:statusMessage = "" }', eq(intrinsic('statusMessage'), str(''))],
    ['{ kind = unspecified }', eq(intrinsic('kind'), value({ type: 'kind', value: 'unspecified' }))],
    ['{ .a = nil }', eq(attr('any', 'a'), value({ type: 'nil' }))],
    ['{ .a = false }', eq(attr('any', 'a'), value({ type: 'boolean', value: false }))],
    ['{ status = unset }', eq(intrinsic('status'), value({ type: 'status', value: 'unset' }))],
    ['{ .x > -1.5 }', { type: 'compare', op: '>', left: attr('any', 'x'), right: num(-1.5) }],
    ['{ .x = -3 }', eq(attr('any', 'x'), num(-3))],
    ['{ .x = 2.5e3 }', eq(attr('any', 'x'), num(2500))],
    ['{ true }', TRUE],
    // Tempo gives `&&` and `||` one precedence, grouped from the left.
    [
      '{ .a = 1 || .b = 2 && .c = 3 }',
      and(or(eq(attr('any', 'a'), num(1)), eq(attr('any', 'b'), num(2))), eq(attr('any', 'c'), num(3))),
    ],
    [
      '{ .a = 1 || (.b = 2 && .c = 3) }',
      or(eq(attr('any', 'a'), num(1)), and(eq(attr('any', 'b'), num(2)), eq(attr('any', 'c'), num(3)))),
    ],
    ['{ !(.a = 1) }', { type: 'not', operand: eq(attr('any', 'a'), num(1)) }],
    ['{ !.flag }', { type: 'not', operand: attr('any', 'flag') }],
    ['/* why */ { .a = 1 } // trailing', eq(attr('any', 'a'), num(1))],
  ])('%s', (query, expected) => {
    expect(condition(query)).toEqual(expected);
  });

  it.each([
    ['500ms', 500],
    ['1.5s', 1500],
    ['1500us', 1.5],
    ['1234us', 1.234],
    ['1µs', 0.001],
    ['10ns', 0.00001],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['-1ms', -1],
  ])('reads the duration %s as %d ms', (literal, ms) => {
    expect(condition(`{ duration > ${literal} }`)).toMatchObject({ right: dur(ms) });
  });

  it.each([
    ['"a\\"b\\\\c"', 'a"b\\c'],
    ['"line\\nnext\\ttab\\r"', 'line\nnext\ttab\r'],
    ['"\\u00e9\\U0001F680"', 'é🚀'],
    ['"\\x41\\101\\xc3\\xa9"', 'AAé'],
    ['`raw \\n "quotes"`', 'raw \\n "quotes"'],
    ['`two\nlines`', 'two\nlines'],
    ['"ünïcödé 🚀"', 'ünïcödé 🚀'],
  ])('unquotes %s as Go does', (literal, expected) => {
    expect(condition(`{ .a = ${literal} }`)).toEqual(eq(attr('any', 'a'), str(expected)));
  });

  it('treats a blank query as {}', () => {
    for (const query of ['', '   ', '\n\t', '{}', '{ }']) {
      expect(parseTraceQL(query)).toEqual({ spansets: filter(TRUE), select: [] });
    }
  });

  it('combines span sets with && and ||, left to right, and with parentheses', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((key) => filter(eq(attr('any', key), num(1))));
    expect(parseTraceQL('{ .a = 1 } && { .b = 1 } || { .c = 1 }').spansets).toEqual({
      type: 'combine',
      op: '||',
      left: { type: 'combine', op: '&&', left: a, right: b },
      right: c,
    });
    expect(parseTraceQL('{ .a = 1 } && ({ .b = 1 } || { .c = 1 })').spansets).toEqual({
      type: 'combine',
      op: '&&',
      left: a,
      right: { type: 'combine', op: '||', left: b, right: c },
    });
  });

  it('accepts select stages and keeps their fields', () => {
    const query = parseTraceQL('{ .foo = "x" } | select(span.http.url)');
    expect(query).toEqual({
      spansets: filter(eq(attr('any', 'foo'), str('x'))),
      select: [attr('span', 'http.url')],
    });
    expect(parseTraceQL('{} | select(.a, duration) | select(name)').select).toEqual([
      attr('any', 'a'),
      intrinsic('duration'),
      intrinsic('name'),
    ]);
  });

  it('compiles regular expressions anchored at both ends', () => {
    const node = condition('{ name =~ "GET .*" }');
    expect(node).toMatchObject({ type: 'regex', negated: false, pattern: 'GET .*' });
    const regex = node.type === 'regex' ? node.regex : /never/;
    expect(regex.test('GET /productpage')).toBe(true);
    expect(regex.test('POST GET /')).toBe(false);
    expect(condition('{ .x !~ "a|b" }')).toMatchObject({
      type: 'regex',
      negated: true,
      left: attr('any', 'x'),
    });
  });

  it('parses every shape buildTraceQL emits into the conditions of the filter', () => {
    const ns = (v: string): TraceQLField =>
      or(
        or(
          or(eq(attr('span', 'istio.namespace'), str(v)), eq(attr('span', 'istio.source_namespace'), str(v))),
          eq(attr('span', 'istio.destination_namespace'), str(v)),
        ),
        eq(attr('resource', 'k8s.namespace.name'), str(v)),
      );
    const full = buildTraceQL({
      service: 'reviews.bookinfo',
      namespace: 'book"info',
      workload: 'a\\b\nc',
      errorsOnly: true,
      minDurationMs: 1.5,
      maxDurationMs: 2000,
    });
    const conditions: TraceQLField[] = [];
    let node = condition(full);
    while (node.type === 'logical' && node.op === '&&') {
      conditions.unshift(node.right);
      node = node.left;
    }
    conditions.unshift(node);
    expect(conditions).toHaveLength(6);
    expect(conditions[0]).toEqual(eq(attr('resource', 'service.name'), str('reviews.bookinfo')));
    expect(conditions[1]).toEqual(ns('book"info'));
    expect(conditions[2]).toMatchObject({
      type: 'logical',
      op: '||',
      right: eq(attr('resource', 'k8s.deployment.name'), str('a\\b\nc')),
    });
    expect(conditions[3]).toEqual(eq(intrinsic('status'), ERROR));
    expect(conditions[4]).toEqual({
      type: 'compare',
      op: '>=',
      left: intrinsic('duration'),
      right: dur(1.5),
    });
    expect(conditions[5]).toEqual({
      type: 'compare',
      op: '<=',
      left: intrinsic('duration'),
      right: dur(2000),
    });
    for (const f of [
      {},
      { service: 's' },
      { namespace: 'n' },
      { workload: 'w' },
      { errorsOnly: true },
      { minDurationMs: 0 },
    ]) {
      expect(() => parseTraceQL(buildTraceQL(f))).not.toThrow();
    }
  });
});

describe('parseTraceQL: errors', () => {
  it.each<[string, string, number, number, RegExp]>([
    ['unclosed brace', '{ .a = 1', 1, 9, /unexpected end of query, expecting an operator or \}/],
    ['unclosed parenthesis', '{ (.a = 1 }', 1, 11, /unexpected \}, expecting an operator or \)/],
    ['unknown operator ==', '{ .a == 1 }', 1, 7, /syntax error: unexpected =, expecting a field or a value/],
    ['unknown operator <>', '{ .a <> 1 }', 1, 7, /unexpected >/],
    ['unknown operator ~=', '{ .a ~= "x" }', 1, 6, /unexpected ~/],
    ['bad regex', '{ .a =~ "(" }', 1, 9, /error parsing regexp: .*`\(`/],
    ['lookahead (not RE2)', '{ .a =~ "a(?=b)" }', 1, 9, /invalid or unsupported Perl syntax/],
    ['regex against a number', '{ .a =~ 5 }', 1, 9, /right side of =~ must be a string/],
    ['unterminated string', '{ .a = "abc }', 1, 8, /string literal not terminated/],
    ['unterminated raw string', '{ .a = `abc }', 1, 8, /raw string literal not terminated/],
    ['newline in a string', '{ .a = "ab\ncd" }', 1, 8, /string literal not terminated/],
    ['invalid escape', '{ .a = "\\q" }', 1, 9, /invalid escape sequence/],
    ['surrogate escape', '{ .a = "\\ud800" }', 1, 9, /invalid Unicode code point/],
    ['missing value', '{ .a = }', 1, 8, /unexpected \}, expecting a field or a value/],
    ['missing value before &&', '{ .a = && .b = 1 }', 1, 8, /unexpected &&/],
    ['missing value at the end', '{ .a >', 1, 7, /unexpected end of query/],
    ['position on a later line', '{\n  .a = 1 &&\n  .b = }', 3, 8, /unexpected \}/],
    ['columns count characters', '{ .ü = "é" && @ }', 1, 15, /unexpected character "@"/],
    ['unknown identifier', '{ foo = 1 }', 1, 3, /unexpected IDENTIFIER foo/],
    ['empty attribute name', '{ . foo }', 1, 3, /unexpected END_ATTRIBUTE, expecting IDENTIFIER/],
    ['two fields in a row', '{ .foo .bar }', 1, 8, /unexpected attribute \.bar, expecting an operator or \}/],
    ['no braces', '.a = 1', 1, 1, /unexpected attribute \.a, expecting \{ or \(/],
    ['extra brace', '{ .a = 1 } }', 1, 12, /unexpected \}, expecting &&, \|\|, \| or the end of the query/],
    [
      'descendant',
      '{ .a = 1 } >> { .b = 2 }',
      1,
      12,
      /structural operators are not supported by the demo trace source/,
    ],
    ['child', '{ .a } > { .b }', 1, 8, /structural operators are not supported/],
    ['sibling', '{ .a } ~ { .b }', 1, 8, /structural operators are not supported/],
    ['not-ancestor', '{} !<< {}', 1, 4, /structural operators are not supported/],
    ['count stage', '{ } | count() > 2', 1, 7, /does not support the pipeline stage count\(\)/],
    ['by stage', '{ .a = 1 } | by(.b)', 1, 14, /does not support the pipeline stage by\(\)/],
    ['filter stage', '{ .a = 1 } | { .b = 2 }', 1, 14, /does not support the pipeline stage \{/],
    ['empty stage', '{ } |', 1, 6, /unexpected end of query, expecting a pipeline stage/],
    ['empty select', '{ } | select()', 1, 14, /unexpected \), expecting a field or a value/],
    ['arithmetic', '{ .a + 1 = 2 }', 1, 6, /arithmetic is not supported/],
    ['parent scope', '{ parent.a = 1 }', 1, 3, /parent\. attributes are not supported/],
    ['event intrinsic', '{ event:name = "x" }', 1, 3, /event:name is not supported/],
    ['childCount', '{ childCount > 1 }', 1, 3, /childCount is not supported/],
    ['stray character', '{ .a = 1 ; }', 1, 10, /unexpected character ";"/],
    ['unterminated comment', '{} /* open', 1, 4, /comment not terminated/],
    ['too deep', `{ ${'('.repeat(100)}.a = 1${')'.repeat(100)} }`, 1, 67, /nested more than 64 levels/],
  ])('%s: %j', (_, query, line, col, message) => {
    let error: unknown;
    try {
      parseTraceQL(query);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TraceQLError);
    expect(error).toMatchObject({ line, col });
    const text = (error as TraceQLError).message;
    expect(text.startsWith(`parse error at line ${line}, col ${col}: `)).toBe(true);
    expect(text).toMatch(message);
  });
});
