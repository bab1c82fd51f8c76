import { describe, expect, it } from 'vitest';
import { buildTraceQL, traceqlDuration, traceqlString } from './traceql';

/**
 * Splits TraceQL into its skeleton and its string literals the way Tempo's lexer does (Go's quoting rules), so a
 * test can check that a value stayed inside its literal and did not change the query's structure.
 */
function lex(query: string): { skeleton: string; literals: string[] } {
  const literals: string[] = [];
  let skeleton = '';
  let i = 0;
  while (i < query.length) {
    if (query[i] !== '"') {
      skeleton += query[i];
      i++;
      continue;
    }
    let end = i + 1;
    while (end < query.length && query[end] !== '"') end += query[end] === '\\' ? 2 : 1;
    if (end >= query.length) throw new Error(`unterminated literal in ${query}`);
    literals.push(JSON.parse(query.slice(i, end + 1)) as string);
    skeleton += '"…"';
    i = end + 1;
  }
  return { skeleton, literals };
}

describe('traceqlString', () => {
  it('escapes double quotes and backslashes', () => {
    expect(traceqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('escapes control characters, which Go forbids raw inside a literal', () => {
    expect(traceqlString('a\nb\tc\u0001')).toBe('"a\\nb\\tc\\u0001"');
  });

  it.each(['x" } || { true', 'x\\" } || { true', '"', '\\', 'end\\', 'ünïcödé 🚀', 'a\r\nb'])(
    'keeps %j inside one literal that decodes back to it',
    (value) => {
      const { skeleton, literals } = lex(traceqlString(value));
      expect(skeleton).toBe('"…"');
      expect(literals).toEqual([value]);
    },
  );
});

describe('traceqlDuration', () => {
  it('writes whole milliseconds as ms and fractions as whole microseconds', () => {
    expect(traceqlDuration(500)).toBe('500ms');
    expect(traceqlDuration(0)).toBe('0ms');
    expect(traceqlDuration(1.5)).toBe('1500us');
  });

  it('refuses negative and non-finite values', () => {
    expect(() => traceqlDuration(-1)).toThrow(RangeError);
    expect(() => traceqlDuration(Number.NaN)).toThrow(RangeError);
    expect(() => traceqlDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('buildTraceQL', () => {
  it('matches every trace for an empty filter, ignoring empty strings', () => {
    expect(buildTraceQL({})).toBe('{}');
    expect(buildTraceQL({ service: '', namespace: '', errorsOnly: false })).toBe('{}');
  });

  it('joins every condition inside one span set', () => {
    expect(
      buildTraceQL({
        service: 'reviews.bookinfo',
        errorsOnly: true,
        minDurationMs: 500,
        maxDurationMs: 2000,
      }),
    ).toBe(
      '{ resource.service.name = "reviews.bookinfo" && status = error && duration >= 500ms && duration <= 2000ms }',
    );
  });

  it('matches a namespace or workload on any of the Istio attributes that can carry it', () => {
    expect(buildTraceQL({ namespace: 'bookinfo' })).toBe(
      '{ (span.istio.namespace = "bookinfo" || span.istio.source_namespace = "bookinfo" || ' +
        'span.istio.destination_namespace = "bookinfo" || resource.k8s.namespace.name = "bookinfo") }',
    );
    expect(buildTraceQL({ workload: 'reviews-v1' })).toBe(
      '{ (span.istio.source_workload = "reviews-v1" || span.istio.destination_workload = "reviews-v1" || ' +
        'resource.k8s.deployment.name = "reviews-v1") }',
    );
  });

  it('keeps a hostile service name from changing the query', () => {
    const hostile = 'x" } || { true';
    const { skeleton, literals } = lex(buildTraceQL({ service: hostile, errorsOnly: true }));
    expect(skeleton).toBe('{ resource.service.name = "…" && status = error }');
    expect(literals).toEqual([hostile]);
  });

  it('escapes every value, namespace and workload included', () => {
    const evil = 'a" || span.x = "';
    const { literals, skeleton } = lex(buildTraceQL({ service: evil, namespace: evil, workload: evil }));
    expect(literals).toHaveLength(8);
    expect(literals.every((literal) => literal === evil)).toBe(true);
    expect(skeleton).not.toContain('span.x');
  });
});
