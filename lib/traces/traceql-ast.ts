/**
 * The syntax tree of the TraceQL subset the demo mesh understands, made by `parseTraceQL` (`traceql-parse.ts`) and
 * evaluated by `compileTraceQL` (`traceql-match.ts`).
 */
import type { SpanKind, SpanStatusCode } from './types';

/** A literal. Durations are in milliseconds; integers and floats are both `number`. */
export type TraceQLStatic =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'duration'; ms: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'nil' }
  | { type: 'status'; value: SpanStatusCode }
  | { type: 'kind'; value: SpanKind };

/** The intrinsics understood, by their meaning (both `name` and `span:name` give `name`). */
export type TraceQLIntrinsic =
  | 'name'
  | 'status'
  | 'statusMessage'
  | 'kind'
  | 'duration'
  | 'spanId'
  | 'parentId'
  | 'traceId'
  | 'rootName'
  | 'rootService'
  | 'traceDuration';

/** The comparison operators other than the regular expression ones. */
export type TraceQLComparison = '=' | '!=' | '>' | '>=' | '<' | '<=';

/** An expression inside a span set: a condition, or a value that a condition compares. */
export type TraceQLField =
  | { type: 'static'; value: TraceQLStatic }
  | { type: 'intrinsic'; name: TraceQLIntrinsic }
  /** `span.key`, `resource.key`, or `.key` (scope `any`: the span's attribute, else the resource's). */
  | { type: 'attribute'; scope: 'span' | 'resource' | 'any'; key: string }
  | { type: 'not'; operand: TraceQLField }
  | { type: 'negate'; operand: TraceQLField }
  | { type: 'logical'; op: '&&' | '||'; left: TraceQLField; right: TraceQLField }
  | { type: 'compare'; op: TraceQLComparison; left: TraceQLField; right: TraceQLField }
  /** `left =~ "pattern"` (or `!~` when negated); `regex` is the pattern anchored at both ends. */
  | { type: 'regex'; negated: boolean; left: TraceQLField; pattern: string; regex: RegExp };

/** A span-set expression: one filter `{ … }`, or two combined (`&&`: both found, `||`: either). */
export type TraceQLSpanset =
  | { type: 'filter'; expr: TraceQLField }
  | { type: 'combine'; op: '&&' | '||'; left: TraceQLSpanset; right: TraceQLSpanset };

/** A parsed query. */
export interface TraceQLQuery {
  spansets: TraceQLSpanset;
  /** The fields of `| select(…)` stages; they change which attributes Tempo returns, never which traces match. */
  select: TraceQLField[];
}
