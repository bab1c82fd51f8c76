import type { Span, Trace } from './types';

/**
 * Builds a {@link Trace} from its spans: sorts them by start time and derives the root, the time span and the
 * counts. Used by every trace source so that all of them summarise a trace the same way.
 *
 * The root is the earliest span without a parent; when there is none (the root has not arrived, or was cut off),
 * the earliest span whose parent is not in the trace; failing that, the earliest span.
 */
export function assembleTrace(
  traceId: string,
  spans: readonly Span[],
  options: { partial: boolean; partialReason?: string },
): Trace {
  const sorted = [...spans].sort(byStart);
  const ids = new Set(sorted.map((span) => span.spanId));
  const root =
    sorted.find((span) => span.parentSpanId === null) ??
    sorted.find((span) => span.parentSpanId !== null && !ids.has(span.parentSpanId)) ??
    sorted[0];
  const first = sorted[0];
  const startMs = first?.startMs ?? 0;
  const endMs = sorted.reduce((end, span) => Math.max(end, span.startMs + span.durationMs), startMs);
  const trace: Trace = {
    traceId,
    spans: sorted,
    partial: options.partial,
    rootService: root?.service ?? '',
    rootName: root?.name ?? '',
    startMs,
    // Round to microseconds: both ends carry float noise at Unix-epoch magnitudes.
    durationMs: Math.round((endMs - startMs) * 1000) / 1000,
    serviceCount: new Set(sorted.map((span) => span.service)).size,
    errorCount: sorted.filter((span) => span.status.code === 'error').length,
  };
  if (options.partial && options.partialReason) trace.partialReason = options.partialReason;
  return trace;
}

function byStart(a: Span, b: Span): number {
  const diff = BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
