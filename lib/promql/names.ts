/**
 * Validation of the names that reach PromQL unquoted: metric names and label names. Values are quoted instead
 * (see `escape.ts`); names cannot be, so anything outside these patterns is refused.
 */

/** Prometheus's metric name pattern (colons are reserved for recording rules but valid). */
export const METRIC_NAME_PATTERN = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Prometheus's label name pattern. Names starting with `__` are reserved but valid (e.g. `__name__`). */
export const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** True when `name` can be written as a metric name in PromQL. */
export function isMetricName(name: string): boolean {
  return METRIC_NAME_PATTERN.test(name);
}

/** True when `name` can be written as a label name in PromQL. */
export function isLabelName(name: string): boolean {
  return LABEL_NAME_PATTERN.test(name);
}

/** Throws a `RangeError` naming `name` when it is not a valid metric name. */
export function assertMetricName(name: string): void {
  if (!isMetricName(name)) throw new RangeError(`invalid metric name ${JSON.stringify(name)}`);
}

/** Throws a `RangeError` naming `name` when it is not a valid label name. */
export function assertLabelName(name: string): void {
  if (!isLabelName(name)) throw new RangeError(`invalid label name ${JSON.stringify(name)}`);
}

/**
 * Words the PromQL lexer reads as keywords, aggregators or number literals outside braces (case-insensitive), so a
 * metric with one of these names must be selected as `{__name__="…"}`.
 */
const RESERVED_WORDS = new Set([
  ...['and', 'or', 'unless', 'atan2', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool'],
  ...['offset', 'start', 'end', 'inf', 'nan'],
  ...['sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'count_values'],
  'quantile',
]);

/** True when a metric name would not parse as a bare selector (a keyword such as `sum`, `on`, `nan`). */
export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name.toLowerCase());
}
