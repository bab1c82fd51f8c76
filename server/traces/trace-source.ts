import type { HealthProbe } from '@/lib/health';
import type { SpanFilter } from '@/lib/traces/filter';
import type { Trace, TraceSummary } from '@/lib/traces/types';

/**
 * One trace search. The structured `filter` is what every source must understand; a source that holds spans in
 * memory (the demo mesh) evaluates it with `spanMatchesFilter` from `lib/traces/filter`. `traceql` is an escape
 * hatch for sources that speak TraceQL.
 */
export interface TraceSearch {
  /** Start of the window (inclusive). Tempo has second resolution and rounds it down. */
  start: Date;
  /** End of the window (inclusive). Tempo rounds it up to the second. */
  end: Date;
  /** Most traces to return; a source may return fewer. */
  limit: number;
  /** Most matching spans to return per span set (Tempo's `spss`, default 3). The total is in `matched`. */
  spansPerSpanSet?: number;
  /** Conditions one span of the trace must satisfy at once. Omitted or empty: every trace in the window. */
  filter?: SpanFilter;
  /**
   * A raw TraceQL query typed by a person. When set (and not blank), it REPLACES `filter`. Only sources with
   * `supportsTraceQL` accept it; the others throw a `bad_query` SourceError.
   */
  traceql?: string;
}

/**
 * The traces port: everything pages read about traces goes through it. Implemented by the Tempo adapter
 * (`TempoTraceSource`) and by the demo mesh from the spans it makes. Failures are thrown as `SourceError`s:
 * `bad_query` (malformed TraceQL or trace ID, with a message for the person who typed it), `not_found`,
 * `unreachable`, `timeout`, `unauthorized`, `forbidden`, `unavailable`, `bad_response`.
 */
export interface TraceSource extends HealthProbe {
  /** Whether `TraceSearch.traceql` is understood; the UI hides the query box when it is not. */
  readonly supportsTraceQL: boolean;

  /** Traces in the window that match, newest first (by start time), at most `limit` of them. */
  search(query: TraceSearch, signal?: AbortSignal): Promise<TraceSummary[]>;

  /**
   * One whole trace, spans sorted by start time. `traceId` is what a person typed or a link carried: hex (32 or
   * 16 digits) or base64, normalised with `parseTraceId`; anything else is `bad_query`. A trace the source does
   * not hold is `not_found`. `partial` is true when the source returned only part of it.
   */
  trace(traceId: string, signal?: AbortSignal): Promise<Trace>;
}
