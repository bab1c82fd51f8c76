import { describe, expect, it } from 'vitest';
import { assertLabelName, assertMetricName, isLabelName, isMetricName, isReservedWord } from './names';

describe('metric and label names', () => {
  it('accepts the names Prometheus accepts', () => {
    for (const name of ['istio_requests_total', 'job:rate5m', ':x', '_a1'])
      expect(isMetricName(name)).toBe(true);
    for (const name of ['source_workload', '__name__', '_x', 'le']) expect(isLabelName(name)).toBe(true);
  });

  it('refuses names that would change a query, and label names with colons', () => {
    for (const name of ['', '1abc', 'a-b', 'a b', 'a{b', 'x)or vector(1)', 'a\nb']) {
      expect(isMetricName(name)).toBe(false);
      expect(isLabelName(name)).toBe(false);
    }
    expect(isLabelName('job:rate5m')).toBe(false);
  });

  it('throws a RangeError naming the bad name', () => {
    expect(() => assertMetricName('a-b')).toThrow(new RangeError('invalid metric name "a-b"'));
    expect(() => assertLabelName('a:b')).toThrow(new RangeError('invalid label name "a:b"'));
    expect(() => assertLabelName('ok_name')).not.toThrow();
  });

  it('knows the words that cannot stand as a bare metric name', () => {
    for (const word of ['sum', 'on', 'NaN', 'Inf', 'bool', 'offset']) expect(isReservedWord(word)).toBe(true);
    for (const word of ['rate', 'up', 'istio_requests_total']) expect(isReservedWord(word)).toBe(false);
  });
});
