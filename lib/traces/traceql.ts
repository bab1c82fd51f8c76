import { FILTER_ATTRIBUTES, isSet, type AttributeRef, type SpanFilter } from './filter';

/**
 * Quotes a value as a TraceQL string literal. Tempo unquotes literals with Go's rules, so backslash and double
 * quote are escaped, and control characters (which Go forbids raw inside a literal) become `\n`, `\t`, `\uXXXX`.
 * Whatever the value, the result is exactly one literal: it cannot close the span set or add a condition.
 */
export function traceqlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/**
 * A TraceQL duration literal for a number of milliseconds: `500ms`, or whole microseconds (`1500us`) when the
 * value has a fraction. Throws a RangeError for negative or non-finite values: they are a caller's bug.
 */
export function traceqlDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a duration in milliseconds: ${ms}`);
  return Number.isInteger(ms) ? `${ms}ms` : `${Math.round(ms * 1000)}us`;
}

/**
 * Builds the TraceQL for a structured filter: one span set whose conditions are joined with `&&`, every value
 * quoted by {@link traceqlString}. An empty filter gives `{}` (every trace). Example:
 * `{ resource.service.name = "reviews.bookinfo" && status = error && duration >= 500ms }`.
 */
export function buildTraceQL(filter: SpanFilter): string {
  const conditions: string[] = [];
  if (isSet(filter.service)) conditions.push(`resource.service.name = ${traceqlString(filter.service)}`);
  if (isSet(filter.namespace)) conditions.push(anyOf(FILTER_ATTRIBUTES.namespace, filter.namespace));
  if (isSet(filter.workload)) conditions.push(anyOf(FILTER_ATTRIBUTES.workload, filter.workload));
  if (filter.errorsOnly === true) conditions.push('status = error');
  if (filter.minDurationMs !== undefined)
    conditions.push(`duration >= ${traceqlDuration(filter.minDurationMs)}`);
  if (filter.maxDurationMs !== undefined)
    conditions.push(`duration <= ${traceqlDuration(filter.maxDurationMs)}`);
  return conditions.length === 0 ? '{}' : `{ ${conditions.join(' && ')} }`;
}

function anyOf(refs: readonly AttributeRef[], value: string): string {
  const literal = traceqlString(value);
  return `(${refs.map((ref) => `${ref.scope}.${ref.key} = ${literal}`).join(' || ')})`;
}
