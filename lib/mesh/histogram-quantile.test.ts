import { describe, expect, it } from 'vitest';
import { histogramQuantile, parseLe, type Bucket } from './histogram-quantile';

const buckets = (...pairs: [number, number][]): Bucket[] => pairs.map(([le, count]) => ({ le, count }));

describe('histogramQuantile (Prometheus bucketQuantile)', () => {
  it.each<[string, number, Bucket[], number]>([
    ['interpolates inside the bucket', 0.5, buckets([10, 50], [20, 100], [Infinity, 100]), 10],
    ['interpolates from 0 in the first bucket', 0.25, buckets([10, 50], [20, 100], [Infinity, 100]), 5],
    ['p95 in the second bucket', 0.95, buckets([10, 50], [20, 100], [Infinity, 100]), 19],
    ['the highest finite bound in the +Inf bucket', 0.99, buckets([10, 50], [20, 90], [Infinity, 100]), 20],
    [
      'buckets of one bound add up, in any order',
      0.5,
      buckets([Infinity, 50], [10, 25], [20, 50], [10, 25], [Infinity, 50]),
      10,
    ],
    ['non-monotonic rates are evened out', 0.5, buckets([10, 50], [20, 49.999], [Infinity, 100]), 10],
  ])('%s', (_what, q, input, expected) => {
    expect(histogramQuantile(q, input)).toBeCloseTo(expected, 9);
  });

  it.each<[string, number, Bucket[]]>([
    ['no observations', 0.95, buckets([10, 0], [Infinity, 0])],
    ['no +Inf bucket', 0.95, buckets([10, 5], [20, 10])],
    ['a single bucket', 0.95, buckets([Infinity, 10])],
    ['a quantile out of range', 1.5, buckets([10, 5], [Infinity, 10])],
  ])('NaN for %s', (_what, q, input) => {
    expect(histogramQuantile(q, input)).toBeNaN();
  });

  it('reads le as Prometheus writes it', () => {
    expect(parseLe('+Inf')).toBe(Infinity);
    expect(parseLe('2.5')).toBe(2.5);
    expect(parseLe('1e+06')).toBe(1_000_000);
    expect(parseLe('')).toBeNaN();
  });
});
