/**
 * The TraceSource port straight from the spans the demo mesh makes: a bounded ring of recent traces, searched with
 * the structured filter every trace source understands (`spanMatchesFilter`). It does not speak TraceQL.
 */
import { SourceError } from '@/lib/source-error';
import { spanMatchesFilter } from '@/lib/traces/filter';
import { parseTraceId } from '@/lib/traces/trace-id';
import type { MatchedSpan, Trace, TraceSummary } from '@/lib/traces/types';
import type { TraceSearch, TraceSource } from '@/server/traces/trace-source';

/** Tempo's default number of spans per span set. */
const DEFAULT_SPANS_PER_SET = 3;

/** The most recent traces, oldest evicted first. */
export class TraceRing {
  private readonly traces = new Map<string, Trace>();

  /** @param capacity most traces kept (at least 1). */
  constructor(readonly capacity: number) {}

  /** Adds (or replaces) a trace, evicting the oldest ones beyond the capacity. */
  add(trace: Trace): void {
    this.traces.delete(trace.traceId);
    this.traces.set(trace.traceId, trace);
    for (const oldest of this.traces.keys()) {
      if (this.traces.size <= Math.max(1, this.capacity)) break;
      this.traces.delete(oldest);
    }
  }

  /** The trace with this id (32 lowercase hex digits), if still held. */
  get(traceId: string): Trace | undefined {
    return this.traces.get(traceId);
  }

  /** Every trace held, in insertion order. */
  all(): Trace[] {
    return [...this.traces.values()];
  }

  /** How many traces are held. */
  get size(): number {
    return this.traces.size;
  }
}

/** The direct {@link TraceSource} over a ring of the demo mesh's traces. */
export function createDirectTraceSource(ring: TraceRing): TraceSource {
  return {
    source: 'tempo',
    supportsTraceQL: false,
    probe: async () => ({ version: 'demo', detail: 'direct from the demo mesh' }),

    search: async (query, signal) => {
      signal?.throwIfAborted();
      if (query.traceql !== undefined && query.traceql.trim() !== '') {
        throw new SourceError(
          'tempo',
          'bad_query',
          'the demo trace source supports the structured filters only, not TraceQL',
        );
      }
      return search(ring, query);
    },

    trace: async (traceId, signal) => {
      signal?.throwIfAborted();
      const id = parseTraceId(traceId);
      if (id === null) {
        throw new SourceError(
          'tempo',
          'bad_query',
          `not a trace ID: ${JSON.stringify(traceId.slice(0, 100))}`,
        );
      }
      const trace = ring.get(id);
      if (!trace) throw new SourceError('tempo', 'not_found', `trace ${id} is not held by the demo mesh`);
      return trace;
    },
  };
}

function search(ring: TraceRing, query: TraceSearch): TraceSummary[] {
  const start = query.start.getTime();
  const end = query.end.getTime();
  const limit = Math.floor(query.limit);
  const perSet = Math.max(1, Math.floor(query.spansPerSpanSet ?? DEFAULT_SPANS_PER_SET));
  const filter = query.filter ?? {};
  if (!(limit > 0) || end < start) return [];
  const hits: TraceSummary[] = [];
  const newestFirst = ring.all().sort((a, b) => b.startMs - a.startMs);
  for (const trace of newestFirst) {
    if (hits.length >= limit) break;
    if (trace.startMs > end || trace.startMs + trace.durationMs < start) continue;
    const matched = trace.spans.filter((span) => spanMatchesFilter(span, filter));
    if (matched.length === 0) continue;
    hits.push({
      traceId: trace.traceId,
      rootService: trace.rootService,
      rootName: trace.rootName,
      startMs: trace.startMs,
      durationMs: trace.durationMs,
      spanSets: [{ matched: matched.length, spans: matched.slice(0, perSet).map(toMatched) }],
    });
  }
  return hits;
}

function toMatched(span: Trace['spans'][number]): MatchedSpan {
  return {
    spanId: span.spanId,
    name: span.name,
    service: span.service,
    startMs: span.startMs,
    durationMs: span.durationMs,
    attributes: span.attributes,
  };
}
