import { describe, expect, it } from 'vitest';
import { isSourceError } from '@/lib/source-error';
import { fixture } from './__fixtures__/load';
import { parseTraceV1, parseTraceV2 } from './parse-trace';

const TRACE_ID = '3149195ffb0bec05347b48efe8ecc1b0';
const ROOT = '4b23de25d1fb6641';

describe('parseTraceV2', () => {
  it('reads the recorded resourceSpans trace with base64 IDs', () => {
    const { spans, partial } = parseTraceV2({ trace: fixture('trace-resourcespans') });
    expect(partial).toBe(false);
    expect(spans).toHaveLength(6);
    expect(spans.every((s) => s.traceId === TRACE_ID)).toBe(true);
    const [root, child] = spans;
    expect(root).toMatchObject({
      spanId: ROOT,
      parentSpanId: null,
      name: 'vulture-68',
      service: 'tempo-vulture',
      kind: 'unspecified',
      startTimeUnixNano: '1636729665000000000',
      startMs: 1636729665000,
      durationMs: 0.092,
      status: { code: 'unset' },
    });
    expect(child?.parentSpanId).toBe(ROOT);
    // intValue arrives as a string and becomes a number; resource attributes stay apart.
    expect(root?.attributes['vulture-int-01']).toBe(581134);
    expect(root?.resource['k8s.namespace.name']).toBe('HVriuVNxpcDkLTvH');
    expect(root?.events).toHaveLength(4);
    expect(root?.events[0]).toMatchObject({
      name: '',
      timeUnixNano: '1636729665000000000',
      timeMs: 1636729665000,
    });
    expect(root?.events[0]?.attributes['vulture-event-int-01']).toBe(424354);
  });

  it('marks a PARTIAL answer and keeps Tempo’s reason; kinds given as enum names', () => {
    const answer = parseTraceV2(fixture('trace-v2-partial'));
    expect(answer.partial).toBe(true);
    expect(answer.partialReason).toMatch(/exceeds maximum size/);
    expect(answer.spans.map((s) => s.kind)).toEqual(['server', 'client', 'internal', 'consumer']);
  });

  it('reads an error span, status codes as names or numbers, and every attribute type', () => {
    const { spans } = parseTraceV2(fixture('trace-v2-error-span'));
    const failed = spans[1];
    expect(failed?.status).toEqual({
      code: 'error',
      message: 'upstream connect error or disconnect/reset before headers',
    });
    expect(failed?.kind).toBe('client');
    expect(spans[2]?.status).toEqual({ code: 'error' });
    expect(spans[0]?.status).toEqual({ code: 'unset' });
    expect(failed?.attributes).toMatchObject({
      'http.status_code': 503,
      response_flags: 'UF',
      'upstream.latency_ratio': 0.25,
      'retry.exhausted': true,
      'retry.hosts': '["10.244.0.20","10.244.0.21"]',
      'retry.policy': '{"attempts":3}',
      // Beyond 2^53: the exact digits, not a rounded number.
      'request.bytes_total': '9007199254740993',
      'request.digest': 'q83v',
    });
  });

  it('reads a trace without spans as no spans', () => {
    expect(parseTraceV2({ trace: {} }).spans).toEqual([]);
    expect(parseTraceV2({}).spans).toEqual([]);
  });
});

describe('parseTraceV1', () => {
  it('reads batches with hex IDs, numeric kinds and numeric status codes as the same trace', () => {
    const v1 = parseTraceV1(fixture('trace-v1-batches-hex'));
    const v2 = parseTraceV2({ trace: fixture('trace-resourcespans') });
    expect(v1.partial).toBe(false);
    expect(v1.spans.map((s) => s.kind)).toEqual([
      'server',
      'client',
      'internal',
      'producer',
      'server',
      'consumer',
    ]);
    // Apart from kind, the two encodings give identical spans.
    expect(v1.spans.map((s) => ({ ...s, kind: 'unspecified' }))).toEqual(v2.spans);
  });

  it('reads resourceSpans, as some v1 versions answer, and instrumentationLibrarySpans from before Tempo 2.0', () => {
    expect(parseTraceV1(fixture('trace-resourcespans')).spans).toHaveLength(6);
    const legacy = {
      batches: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'ratings.bookinfo' } }] },
          instrumentationLibrarySpans: [
            {
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: ROOT,
                  name: 'x',
                  startTimeUnixNano: '1',
                  endTimeUnixNano: '2000001',
                },
              ],
            },
          ],
        },
      ],
    };
    expect(parseTraceV1(legacy).spans[0]).toMatchObject({ service: 'ratings.bookinfo', durationMs: 2 });
  });

  it.each([
    ['a body that is not an object', 'oops'],
    ['batches that are not a list', { batches: 'x' }],
    ['a span without IDs', { batches: [{ scopeSpans: [{ spans: [{ name: 'x' }] }] }] }],
    [
      'a span without a start',
      { batches: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: ROOT }] }] }] },
    ],
  ])('rejects %s as bad_response', (_label, body) => {
    let thrown: unknown;
    try {
      parseTraceV1(body);
    } catch (error) {
      thrown = error;
    }
    expect(isSourceError(thrown) && thrown.kind === 'bad_response').toBe(true);
  });
});
