/** Hand-made spans and traces for the trace model's tests. */
import { assembleTrace } from '../assemble';
import type { Span, Trace } from '../types';

/** The start of every hand-made trace: Unix ms. */
export const T0 = 1_800_000_000_000;
export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

/** A span of service `svc` from `start` ms after {@link T0}, lasting `durationMs`; ids are short names. */
export function testSpan(spanId: string, parentSpanId: string | null, start: number, durationMs = 1): Span {
  return {
    traceId: TRACE_ID,
    spanId,
    parentSpanId,
    name: spanId,
    service: 'svc',
    kind: 'server',
    startTimeUnixNano: (BigInt(Math.round((T0 + start) * 1000)) * 1000n).toString(),
    startMs: T0 + start,
    durationMs,
    status: { code: 'unset' },
    attributes: {},
    resource: {},
    events: [],
  };
}

/** A complete trace of the spans. */
export function testTrace(spans: Span[]): Trace {
  return assembleTrace(TRACE_ID, spans, { partial: false });
}
