/**
 * Evaluates the TraceQL subset of `traceql-parse` over the spans of one trace, with Tempo's semantics: a comparison
 * of different types is false (a string attribute is never `= 500`), a missing attribute satisfies only `= nil`
 * (so `!= "x"` is false when the attribute is absent), `duration` compares with durations in milliseconds, regular
 * expressions match the whole value. `resource.service.name` is the span's `service`.
 */
import { assembleTrace } from './assemble';
import type {
  TraceQLComparison,
  TraceQLField,
  TraceQLIntrinsic,
  TraceQLQuery,
  TraceQLSpanset,
  TraceQLStatic,
} from './traceql-ast';
import { parseTraceQL } from './traceql-parse';
import type { AttributeValue, Attributes, Span, Trace } from './types';

/** A compiled query, ready to run over many traces. */
export interface TraceQLMatcher {
  /** The parsed query. */
  readonly query: TraceQLQuery;
  /**
   * The spans of one trace that the query selects, in the given order, or null when the trace does not match.
   * `{}` selects every span; `{A} && {B}` selects the spans of both when each finds at least one.
   */
  matchSpans(spans: readonly Span[]): Span[] | null;
}

/** Parses a TraceQL query once (throwing a `TraceQLError` when it is malformed) for matching many traces. */
export function compileTraceQL(query: string): TraceQLMatcher {
  const parsed = parseTraceQL(query);
  return {
    query: parsed,
    matchSpans: (spans) => {
      const trace = new TraceFacts(spans);
      const matched = selectSpans(parsed.spansets, spans, trace);
      return matched.size === 0 ? null : spans.filter((span) => matched.has(span));
    },
  };
}

/** What trace-level intrinsics read, worked out only when a query asks. */
class TraceFacts {
  private summary: Trace | undefined;

  constructor(private readonly spans: readonly Span[]) {}

  get trace(): Trace {
    this.summary ??= assembleTrace(this.spans[0]?.traceId ?? '', this.spans, { partial: false });
    return this.summary;
  }
}

/** A value, or undefined for a missing attribute (unlike the literal `nil`, which is a value). */
type Value = TraceQLStatic | undefined;

const string = (value: string): TraceQLStatic => ({ type: 'string', value });

const INTRINSICS: Readonly<Record<TraceQLIntrinsic, (span: Span, trace: TraceFacts) => Value>> = {
  name: (span) => string(span.name),
  status: (span) => ({ type: 'status', value: span.status.code }),
  statusMessage: (span) => string(span.status.message ?? ''),
  kind: (span) => ({ type: 'kind', value: span.kind }),
  duration: (span) => ({ type: 'duration', ms: span.durationMs }),
  spanId: (span) => string(span.spanId),
  parentId: (span) => (span.parentSpanId === null ? undefined : string(span.parentSpanId)),
  traceId: (span) => string(span.traceId),
  rootName: (_, trace) => string(trace.trace.rootName),
  rootService: (_, trace) => string(trace.trace.rootService),
  traceDuration: (_, trace) => ({ type: 'duration', ms: trace.trace.durationMs }),
};

function selectSpans(node: TraceQLSpanset, spans: readonly Span[], trace: TraceFacts): Set<Span> {
  if (node.type === 'filter') {
    return new Set(spans.filter((span) => isTrue(evaluate(node.expr, span, trace))));
  }
  const left = selectSpans(node.left, spans, trace);
  const right = selectSpans(node.right, spans, trace);
  if (node.op === '&&' && (left.size === 0 || right.size === 0)) return new Set();
  return new Set([...left, ...right]);
}

function isTrue(value: Value): boolean {
  return value?.type === 'boolean' && value.value;
}

function boolean(value: boolean): TraceQLStatic {
  return { type: 'boolean', value };
}

function evaluate(node: TraceQLField, span: Span, trace: TraceFacts): Value {
  switch (node.type) {
    case 'static':
      return node.value;
    case 'intrinsic':
      return INTRINSICS[node.name](span, trace);
    case 'attribute':
      return attribute(span, node.scope, node.key);
    case 'not': {
      const operand = evaluate(node.operand, span, trace);
      return operand?.type === 'boolean' ? boolean(!operand.value) : undefined;
    }
    case 'negate': {
      const operand = evaluate(node.operand, span, trace);
      if (operand?.type === 'number') return { type: 'number', value: -operand.value };
      return operand?.type === 'duration' ? { type: 'duration', ms: -operand.ms } : undefined;
    }
    case 'logical': {
      const left = isTrue(evaluate(node.left, span, trace));
      if (node.op === '&&' ? !left : left) return boolean(left);
      return boolean(isTrue(evaluate(node.right, span, trace)));
    }
    case 'compare':
      return boolean(compare(node.op, evaluate(node.left, span, trace), evaluate(node.right, span, trace)));
    case 'regex': {
      const value = evaluate(node.left, span, trace);
      return boolean(value?.type === 'string' && node.regex.test(value.value) !== node.negated);
    }
  }
}

function attribute(span: Span, scope: 'span' | 'resource' | 'any', key: string): Value {
  if (scope !== 'resource') {
    const own = lookup(span.attributes, key);
    if (own !== undefined || scope === 'span') return own;
  }
  // The span's `service` is its resource's `service.name`, whatever the resource map holds.
  return key === 'service.name' ? string(span.service) : lookup(span.resource, key);
}

function lookup(attributes: Attributes, key: string): Value {
  if (!Object.hasOwn(attributes, key)) return undefined;
  const value: AttributeValue | undefined = attributes[key];
  if (typeof value === 'string') return string(value);
  if (typeof value === 'number') return { type: 'number', value };
  return typeof value === 'boolean' ? boolean(value) : undefined;
}

/** Tempo's comparison: false across types and for missing values, except that a missing value `= nil`. */
function compare(op: TraceQLComparison, left: Value, right: Value): boolean {
  if (left?.type === 'nil' || right?.type === 'nil') {
    const other = left?.type === 'nil' ? right : left;
    const isNil = other === undefined || other.type === 'nil';
    return op === '=' ? isNil : op === '!=' && !isNil;
  }
  if (left === undefined || right === undefined) return false;
  const ordered = ordinal(left, right);
  if (ordered !== null) return holds(op, ordered[0], ordered[1]);
  if (left.type !== right.type || (op !== '=' && op !== '!=')) return false;
  const equal = 'value' in left && 'value' in right && left.value === right.value;
  return op === '=' ? equal : !equal;
}

/** The two sides as numbers or strings when they can be ordered (same type: number, duration, string). */
function ordinal(left: TraceQLStatic, right: TraceQLStatic): [number, number] | [string, string] | null {
  if (left.type === 'number' && right.type === 'number') return [left.value, right.value];
  if (left.type === 'duration' && right.type === 'duration') return [left.ms, right.ms];
  if (left.type === 'string' && right.type === 'string') return [left.value, right.value];
  return null;
}

function holds<T extends number | string>(op: TraceQLComparison, a: T, b: T): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}
