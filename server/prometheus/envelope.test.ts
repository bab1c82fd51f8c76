import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSourceError, type SourceError } from '@/lib/source-error';
import type { UpstreamResponse } from '@/server/http/upstream';
import { parseEnvelope } from './envelope';
import { parseQueryResponse, parseSampleValue } from './query-data';

const ctx = { operation: 'query', url: new URL('http://prom.example/prometheus/api/v1/query?query=secret') };

function fixture(name: string, status = 200, contentType = 'application/json'): UpstreamResponse {
  return {
    status,
    contentType,
    body: readFileSync(new URL(`__fixtures__/${name}`, import.meta.url), 'utf8'),
  };
}

function failure(res: UpstreamResponse): SourceError {
  try {
    parseQueryResponse(res, ctx);
  } catch (error) {
    if (isSourceError(error)) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('parseQueryResponse on success', () => {
  it('reads a vector into samples with number values and the labels as given', () => {
    const { data, warnings } = parseQueryResponse(fixture('vector.json'), ctx);
    expect(data.resultType).toBe('vector');
    if (data.resultType !== 'vector') return;
    expect(data.result).toHaveLength(5);
    expect(data.result[2]).toEqual({
      labels: { destination_workload: 'reviews-v1', response_code: '200' },
      value: 2.148,
    });
    expect(warnings).toEqual([]);
  });

  it('reads a matrix into series of [unix seconds, value] points', () => {
    const { data } = parseQueryResponse(fixture('matrix.json'), ctx);
    expect(data).toEqual({
      resultType: 'matrix',
      result: [
        {
          labels: { destination_workload: 'reviews-v1' },
          points: [
            [1795289468, 0.37316666666666665],
            [1795289470, 0.7065],
          ],
        },
        {
          labels: { destination_workload: 'reviews-v2' },
          points: [
            [1795289468, 0.18658333333333332],
            [1795289470, 0.35325],
          ],
        },
      ],
    });
  });

  it('reads scalars and strings with their evaluation time', () => {
    expect(parseQueryResponse(fixture('scalar.json'), ctx).data).toEqual({
      resultType: 'scalar',
      result: { time: 1795289379.683, value: 3.879 },
    });
    expect(parseQueryResponse(fixture('string.json'), ctx).data).toEqual({
      resultType: 'string',
      result: { time: 1795289379.684, value: 'hello' },
    });
  });

  it('reads +Inf, -Inf and NaN as numbers', () => {
    const { data } = parseQueryResponse(fixture('nan-inf.json'), ctx);
    const values = data.resultType === 'vector' ? data.result.map((s) => [s.labels.k, s.value]) : [];
    expect(values).toEqual([
      ['inf', Number.POSITIVE_INFINITY],
      ['minus_inf', Number.NEGATIVE_INFINITY],
      ['nan', Number.NaN],
    ]);
  });

  it('passes warnings on, in order', () => {
    const { warnings } = parseQueryResponse(fixture('warnings.json'), ctx);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toBe('partial response: store 10.0.0.7:10901 unavailable');
  });

  it('leaves native histogram samples out and says so in a warning', () => {
    const { data, warnings } = parseQueryResponse(fixture('native-histogram.json'), ctx);
    expect(data.resultType === 'vector' && data.result).toEqual([{ labels: { job: 'a' }, value: 1 }]);
    expect(warnings).toEqual(['native histogram series are not supported and were left out']);
  });
});

describe('parseQueryResponse on errors', () => {
  it.each([
    ['error-bad-data.json', 400, 'bad_query', 'parse error: unclosed left parenthesis'],
    ['error-execution.json', 422, 'execution', 'too many samples'],
    ['error-timeout.json', 503, 'timeout', 'query timed out'],
    ['error-canceled.json', 503, 'timeout', 'query was canceled'],
    ['error-internal.json', 500, 'unavailable', 'error getting series set'],
    ['error-unavailable.json', 500, 'unavailable', 'shutting down'],
  ])("maps %s (HTTP %i) to %s with Prometheus's message", (name, status, kind, text) => {
    const error = failure(fixture(name, status));
    expect(error).toMatchObject({ source: 'prometheus', kind, status });
    expect(error.message).toContain(text);
    expect(error.message).toMatch(
      /^prometheus query \(http:\/\/prom\.example\/prometheus\/api\/v1\/query\): /,
    );
  });

  it('reads credentials problems from the status, whatever the body', () => {
    expect(failure(fixture('error-bad-data.json', 401)).kind).toBe('unauthorized');
    expect(failure(fixture('login.html', 401, 'text/html')).kind).toBe('unauthorized');
    expect(failure(fixture('foreign.json', 403)).kind).toBe('forbidden');
  });

  it('calls an answer that is not the Prometheus API a bad_response naming the URL, never echoing the body', () => {
    for (const [name, status, type] of [
      ['login.html', 200, 'text/html; charset=utf-8'],
      ['not-found.txt', 404, 'text/plain; charset=utf-8'],
      ['foreign.json', 200, 'application/json'],
      ['truncated.json', 200, 'application/json'],
    ] as const) {
      const error = failure(fixture(name, status, type));
      expect(error).toMatchObject({ kind: 'bad_response', status });
      expect(error.message).toContain('http://prom.example/prometheus/api/v1/query');
      expect(error.message).not.toMatch(/secret|oauth2|page not found|details-v1/);
    }
    expect(failure(fixture('login.html', 200, 'text/html')).message).toContain('got HTML');
  });

  it("keeps the HTTP meaning of a proxy's 5xx page", () => {
    expect(failure(fixture('login.html', 502, 'text/html')).kind).toBe('unavailable');
    expect(failure(fixture('not-found.txt', 504, 'text/plain')).kind).toBe('timeout');
  });

  it('names the bad field of a malformed success answer', () => {
    const body = '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}}';
    const error = failure({ status: 200, contentType: 'application/json', body });
    expect(error).toMatchObject({ kind: 'bad_response' });
    expect(error.message).toContain('data.result[0].value is not a [time, "value"] pair');
    const unknown = '{"status":"success","data":{"resultType":"table","result":[]}}';
    expect(failure({ status: 200, contentType: 'application/json', body: unknown }).message).toContain(
      'table',
    );
  });
});

describe('parseEnvelope', () => {
  it("returns any endpoint's data unchecked", () => {
    expect(parseEnvelope(fixture('buildinfo.json'), ctx).data).toMatchObject({ version: '2.42.0+ds' });
  });
});

describe('parseSampleValue', () => {
  it('accepts what Prometheus writes and nothing else', () => {
    expect(parseSampleValue('1e+21')).toBe(1e21);
    expect(parseSampleValue('-0.5')).toBe(-0.5);
    expect(parseSampleValue('+Inf')).toBe(Number.POSITIVE_INFINITY);
    for (const bad of ['', ' ', 'abc', 1, null, undefined]) expect(parseSampleValue(bad)).toBeUndefined();
  });
});
