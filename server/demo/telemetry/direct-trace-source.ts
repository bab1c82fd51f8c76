/**
 * The TraceSource port straight from the spans the demo mesh makes: a bounded ring of recent traces, searched with
 * the structured filter every trace source understands (`spanMatchesFilter`), or with a TraceQL query of the subset
 * `lib/traces/traceql-match` evaluates (span sets, conditions, `| select(…)`), which then replaces the filter.
 */
import { SourceError } from '@/lib/source-error';
import { spanMatchesFilter } from '@/lib/traces/filter';
import { parseTraceId } from '@/lib/traces/trace-id';
import { TraceQLError } from '@/lib/traces/traceql-parse';
import { compileTraceQL } from '@/lib/traces/traceql-match';
import type { MatchedSpan, Span, Trace, TraceSummary } from '@/lib/traces/types';
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
    supportsTraceQL: true,
    probe: async () => ({ version: 'demo', detail: 'direct from the demo mesh' }),

    search: async (query, signal) => {
      signal?.throwIfAborted();
      return search(ring, query, spanMatcher(query));
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

/** Picks the spans of a trace that a search selects, or null when the trace does not match. */
type SpanMatcher = (spans: readonly Span[]) => Span[] | null;

/** The query's TraceQL when it has some (it replaces the filter, as the port says), else its structured filter. */
function spanMatcher(query: TraceSearch): SpanMatcher {
  if (query.traceql !== undefined && query.traceql.trim() !== '') {
    try {
      const matcher = compileTraceQL(query.traceql);
      return (spans) => matcher.matchSpans(spans);
    } catch (error) {
      // Tempo answers 400 with `invalid TraceQL query: parse error at line 1, col 3: …`.
      if (error instanceof TraceQLError) {
        throw new SourceError('tempo', 'bad_query', `invalid TraceQL query: ${error.message}`);
      }
      throw error;
    }
  }
  const filter = query.filter ?? {};
  return (spans) => {
    const matched = spans.filter((span) => spanMatchesFilter(span, filter));
    return matched.length === 0 ? null : matched;
  };
}

function search(ring: TraceRing, query: TraceSearch, match: SpanMatcher): TraceSummary[] {
  const start = query.start.getTime();
  const end = query.end.getTime();
  const limit = Math.floor(query.limit);
  const perSet = Math.max(1, Math.floor(query.spansPerSpanSet ?? DEFAULT_SPANS_PER_SET));
  if (!(limit > 0) || end < start) return [];
  const hits: TraceSummary[] = [];
  const newestFirst = ring.all().sort((a, b) => b.startMs - a.startMs);
  for (const trace of newestFirst) {
    if (hits.length >= limit) break;
    if (trace.startMs > end || trace.startMs + trace.durationMs < start) continue;
    const matched = match(trace.spans);
    if (matched === null) continue;
    hits.push({
      traceId: trace.traceId,
      rootService: trace.rootService,
      rootName: trace.rootName,
      startMs: trace.startMs,
      durationMs: trace.durationMs,
      spanSets: [{ matched: matched.length, spans: matched.slice(0, perSet).map(toMatched) }],
      // As Tempo 2.2+ reports them in `serviceStats`.
      spanCount: trace.spans.length,
      errorCount: trace.errorCount,
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
