import { describe, expect, it } from 'vitest';
import { assembleTrace } from './assemble';
import type { Span } from './types';

const TRACE = '100cb753c787ed5657c8d88dafc176ed';

/** A span starting `offsetUs` microseconds after a fixed instant. */
function span(
  spanId: string,
  parent: string | null,
  offsetUs: number,
  durationMs: number,
  extra: Partial<Span> = {},
): Span {
  const startNanos = 1701778055570000000n + BigInt(offsetUs) * 1000n;
  return {
    traceId: TRACE,
    spanId,
    parentSpanId: parent,
    name: `op-${spanId}`,
    service: 'productpage.bookinfo',
    kind: 'server',
    startTimeUnixNano: startNanos.toString(),
    startMs: Number(startNanos / 1000n) / 1000,
    durationMs,
    status: { code: 'unset' },
    attributes: {},
    resource: {},
    events: [],
    ...extra,
  };
}

describe('assembleTrace', () => {
  it('sorts spans by start and takes the span without a parent as the root', () => {
    const trace = assembleTrace(
      TRACE,
      [
        span('b', 'a', 2000, 1, { service: 'reviews.bookinfo', status: { code: 'error', message: 'boom' } }),
        span('a', null, 0, 9),
        span('c', 'b', 2500, 0.25, { service: 'ratings.bookinfo', status: { code: 'error' } }),
      ],
      { partial: false },
    );
    expect(trace.spans.map((s) => s.spanId)).toEqual(['a', 'b', 'c']);
    expect(trace).toMatchObject({
      traceId: TRACE,
      partial: false,
      rootService: 'productpage.bookinfo',
      rootName: 'op-a',
      startMs: 1701778055570,
      durationMs: 9,
      serviceCount: 3,
      errorCount: 2,
    });
    expect(trace).not.toHaveProperty('partialReason');
  });

  it('measures from the earliest start to the latest end, even when a child outlives the root', () => {
    const trace = assembleTrace(TRACE, [span('a', null, 0, 1), span('b', 'a', 500, 3.25)], {
      partial: false,
    });
    expect(trace.durationMs).toBe(3.75);
  });

  it('falls back to the earliest orphan when the root has not arrived, and keeps the reason of a partial trace', () => {
    const trace = assembleTrace(TRACE, [span('y', 'x', 100, 1), span('z', 'missing', 50, 1)], {
      partial: true,
      partialReason: 'Trace exceeds maximum size',
    });
    expect(trace.rootName).toBe('op-z');
    expect(trace.partial).toBe(true);
    expect(trace.partialReason).toBe('Trace exceeds maximum size');
  });

  it('orders by exact nanoseconds, not by rounded milliseconds', () => {
    const late = { ...span('late', null, 0, 1), startTimeUnixNano: '1701778055570000002' };
    const early = { ...span('early', null, 0, 1), startTimeUnixNano: '1701778055570000001' };
    expect(assembleTrace(TRACE, [late, early], { partial: false }).rootName).toBe('op-early');
  });

  it('summarises an empty trace without throwing', () => {
    expect(assembleTrace(TRACE, [], { partial: false })).toMatchObject({
      rootService: '',
      startMs: 0,
      durationMs: 0,
      serviceCount: 0,
    });
  });
});
