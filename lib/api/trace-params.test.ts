import { describe, expect, it } from 'vitest';
import { ParamError } from './params';
import { parseSpanDuration, parseTraceSearchParams, SEARCH_LIMITS } from './trace-params';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const parse = (query: string) => parseTraceSearchParams(new URLSearchParams(query), () => NOW);

function refusal(query: string): { parameter: string; message: string } {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof ParamError) return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error(`${query} was accepted`);
}

describe('parseTraceSearchParams', () => {
  it('defaults to every trace of the last 15 minutes, 50 at most', () => {
    expect(parse('')).toEqual({
      traceql: null,
      filter: {},
      windowSeconds: 900,
      end: null,
      limit: SEARCH_LIMITS.default,
    });
  });

  it('reads the structured fields into a filter', () => {
    const params = parse(
      'service=reviews.bookinfo&namespace=bookinfo&workload=reviews-v2&errors=true&minDuration=250ms&maxDuration=2s&window=1h&limit=20&end=2026-11-21T11:00:00Z',
    );
    expect(params).toEqual({
      traceql: null,
      filter: {
        service: 'reviews.bookinfo',
        namespace: 'bookinfo',
        workload: 'reviews-v2',
        errorsOnly: true,
        minDurationMs: 250,
        maxDurationMs: 2000,
      },
      windowSeconds: 3600,
      end: new Date('2026-11-21T11:00:00Z'),
      limit: 20,
    });
  });

  it('takes raw TraceQL as typed, trimmed, with an empty filter', () => {
    expect(parse(`q=${encodeURIComponent('  { status = error }  ')}`)).toMatchObject({
      traceql: '{ status = error }',
      filter: {},
    });
  });

  it('keeps values with quotes and braces as data: escaping is the TraceQL builder’s job', () => {
    expect(parse(`service=${encodeURIComponent('a" || true || "')}`).filter).toEqual({
      service: 'a" || true || "',
    });
  });

  it.each([
    [
      'q=%7B%7D&service=reviews',
      'service',
      'service cannot be combined with q: give either TraceQL or the search fields',
    ],
    ['errors=yes', 'errors', 'errors must be true or false'],
    ['minDuration=fast', 'minDuration', 'minDuration must be a duration such as 250ms, 1.5s or 2m'],
    ['minDuration=2s&maxDuration=1s', 'maxDuration', 'maxDuration must not be shorter than minDuration'],
    ['limit=0', 'limit', `limit must be a whole number from 1 to ${SEARCH_LIMITS.max}`],
    ['limit=501', 'limit', `limit must be a whole number from 1 to ${SEARCH_LIMITS.max}`],
    ['window=5', 'window', 'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m'],
    ['service=%0Areviews', 'service', 'service must not contain control characters'],
    [`q=${'x'.repeat(4001)}`, 'q', 'q must be at most 4000 characters'],
    ['traceql=%7B%7D', 'traceql', 'unknown parameter "traceql"'],
  ])('refuses %s naming %s', (query, parameter, message) => {
    expect(refusal(query)).toEqual({ parameter, message });
  });
});

describe('parseSpanDuration', () => {
  it.each([
    ['250ms', 250],
    ['1.5s', 1500],
    ['100us', 0.1],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['500ns', 0.0005],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseSpanDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each(['', '5', '-1s', '1 s', '1d', 'ms'])('refuses %j', (text) => {
    expect(parseSpanDuration(text)).toBeUndefined();
  });
});
