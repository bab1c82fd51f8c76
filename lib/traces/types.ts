/**
 * The dashboard's own trace model. Adapters (Tempo) reshape upstream JSON into these types at the boundary; the
 * demo mesh builds them directly. Everything here is plain JSON (no bigint, no Date) so it travels to the browser.
 */

/** OTLP's `SPAN_KIND_*`, in lower case. `unspecified` when the producer did not say. */
export type SpanKind = 'server' | 'client' | 'internal' | 'producer' | 'consumer' | 'unspecified';

/** OTLP's `STATUS_CODE_*`, in lower case. */
export type SpanStatusCode = 'ok' | 'error' | 'unset';

/**
 * One attribute value. Integers beyond 2^53 stay decimal strings (no silent rounding); arrays and key-value lists
 * are flattened to their JSON text; bytes stay base64.
 */
export type AttributeValue = string | number | boolean;

/** Attributes by key, flat. */
export type Attributes = Record<string, AttributeValue>;

/** A span's outcome. */
export interface SpanStatus {
  code: SpanStatusCode;
  /** The producer's description of the error, when it gave one. */
  message?: string;
}

/** Something that happened at one instant during a span (an exception, a retry). */
export interface SpanEvent {
  name: string;
  /** Unix time in nanoseconds, as a decimal string (exact). */
  timeUnixNano: string;
  /** Unix time in milliseconds, microsecond precision. */
  timeMs: number;
  attributes: Attributes;
}

/** One span of a trace. */
export interface Span {
  /** 32 lowercase hex characters. */
  traceId: string;
  /** 16 lowercase hex characters. */
  spanId: string;
  /** 16 lowercase hex characters; null for a root span. */
  parentSpanId: string | null;
  /** The operation name, e.g. `productpage.bookinfo.svc.cluster.local:9080/productpage`. */
  name: string;
  /** The resource's `service.name`; Istio proxies report `<canonical service>.<namespace>`. */
  service: string;
  kind: SpanKind;
  /** Unix start time in nanoseconds, as a decimal string (exact; a number would lose the last digits). */
  startTimeUnixNano: string;
  /** Unix start time in milliseconds, microsecond precision (for charts and sorting). */
  startMs: number;
  /** Duration in milliseconds, microsecond precision. */
  durationMs: number;
  status: SpanStatus;
  /** The span's own attributes, e.g. `http.status_code`, `istio.namespace`. */
  attributes: Attributes;
  /** The attributes of the process that produced the span, e.g. `service.name`, `k8s.pod.name`. */
  resource: Attributes;
  events: SpanEvent[];
}

/** A whole trace, spans sorted by start time. */
export interface Trace {
  /** 32 lowercase hex characters. */
  traceId: string;
  spans: Span[];
  /** The backend says it truncated the trace (too large): some spans are missing. */
  partial: boolean;
  /** Why the backend returned less than the whole trace, in its own words, when it said. */
  partialReason?: string;
  /** Service of the root span (or of the earliest span whose parent is missing). Empty when there are no spans. */
  rootService: string;
  /** Operation name of that same span. */
  rootName: string;
  /** Unix start time of the earliest span, in milliseconds. */
  startMs: number;
  /** From the earliest start to the latest end, in milliseconds. */
  durationMs: number;
  /** Number of distinct `service` values. */
  serviceCount: number;
  /** Number of spans with status `error`. */
  errorCount: number;
}

/** A span that matched a search, with only the fields the backend returns for matches. */
export interface MatchedSpan {
  /** 16 lowercase hex characters. */
  spanId: string;
  /** Null when the backend did not include it (Tempo omits it unless selected). */
  name: string | null;
  /** The `service.name` attribute when the backend included it, else null. */
  service: string | null;
  /** Unix start time in milliseconds. */
  startMs: number;
  /** Duration in milliseconds. */
  durationMs: number;
  attributes: Attributes;
}

/** The spans of one trace that matched one span-set condition of a search. */
export interface MatchedSpanSet {
  /** How many spans matched in total; `spans` holds at most the requested number per set. */
  matched: number;
  spans: MatchedSpan[];
}

/** One search hit. */
export interface TraceSummary {
  /** 32 lowercase hex characters. */
  traceId: string;
  /** Tempo says `<root span not yet received>` while the root is missing; empty when not given. */
  rootService: string;
  rootName: string;
  /** Unix start time in milliseconds. */
  startMs: number;
  /** Trace duration in milliseconds; 0 when the backend omitted it (Tempo omits zero values). */
  durationMs: number;
  spanSets: MatchedSpanSet[];
  /** Spans in the whole trace; absent when the backend did not say (Tempo before 2.2 has no `serviceStats`). */
  spanCount?: number;
  /** Spans with status `error` in the whole trace; absent when the backend did not say. */
  errorCount?: number;
}
