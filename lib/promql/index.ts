/** PromQL helpers: name validation, value escaping and regex quoting, durations, and small query builders. */
export {
  COUNTER_LABEL,
  histogramQuantile,
  matcherText,
  selector,
  sumByRate,
  type QuantileExpression,
  type RateExpression,
} from './builders';
export { formatDuration, parseDuration, tryParseDuration, type DurationSeconds } from './duration';
export { MATCH_NOTHING_REGEX, anyOfRegex, escapeLabelValue, escapeRegex, quoteLabelValue } from './escape';
export {
  LABEL_NAME_PATTERN,
  METRIC_NAME_PATTERN,
  assertLabelName,
  assertMetricName,
  isLabelName,
  isMetricName,
  isReservedWord,
} from './names';
