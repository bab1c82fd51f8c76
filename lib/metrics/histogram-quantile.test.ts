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
  ])('NaN for %s', (_what, q, input) => {
    expect(histogramQuantile(q, input)).toBeNaN();
  });

  it('+Inf for a quantile out of range, as Prometheus answers', () => {
    expect(histogramQuantile(1.5, buckets([10, 5], [Infinity, 10]))).toBe(Infinity);
  });

  it('reads le as Prometheus writes it', () => {
    expect(parseLe('+Inf')).toBe(Infinity);
    expect(parseLe('2.5')).toBe(2.5);
    expect(parseLe('1e+06')).toBe(1_000_000);
    expect(parseLe('')).toBeNaN();
  });
});

// The demo mesh's direct MetricsSource's cases (it used a copy of this function before).
describe('histogramQuantile as the direct source uses it (Prometheus histogram_quantile)', () => {
  const b = (le: number, count: number): Bucket => ({ le, count });
  // The same buckets as the Prometheus adapter's integration test: 10 observations of 30 ms.
  const thirtyMs = [b(10, 0), b(25, 0), b(50, 10), b(100, 10), b(Infinity, 10)];

  it('interpolates linearly inside the bucket the rank falls in', () => {
    expect(histogramQuantile(0.5, thirtyMs)).toBeCloseTo(37.5, 12);
    expect(histogramQuantile(0.9, thirtyMs)).toBeCloseTo(47.5, 12);
  });

  it('starts the lowest bucket at zero, and accepts buckets in any order', () => {
    expect(histogramQuantile(0.5, [b(Infinity, 4), b(10, 4)])).toBeCloseTo(5, 12);
  });

  it('answers the highest finite bound when the rank falls in +Inf', () => {
    expect(histogramQuantile(0.99, [b(10, 1), b(100, 2), b(Infinity, 10)])).toBe(100);
  });

  it('is NaN without observations, without a +Inf bucket, or with a single bucket', () => {
    expect(histogramQuantile(0.5, [b(10, 0), b(Infinity, 0)])).toBeNaN();
    expect(histogramQuantile(0.5, [b(10, 1), b(100, 2)])).toBeNaN();
    expect(histogramQuantile(0.5, [b(Infinity, 3)])).toBeNaN();
    expect(histogramQuantile(Number.NaN, thirtyMs)).toBeNaN();
  });

  it('is -Inf below 0 and +Inf above 1', () => {
    expect(histogramQuantile(-0.1, thirtyMs)).toBe(-Infinity);
    expect(histogramQuantile(1.1, thirtyMs)).toBe(Infinity);
  });

  it('coalesces equal bounds and evens out non-monotonic counts', () => {
    expect(histogramQuantile(0.5, [b(10, 2), b(10, 2), b(20, 3), b(Infinity, 4)])).toBeCloseTo(5, 12);
    // Without evening out, 20 -> 2 would make the (20, 30] bucket hold 2 and give 27.5.
    expect(histogramQuantile(0.875, [b(10, 3), b(20, 2), b(30, 4), b(Infinity, 4)])).toBeCloseTo(25, 12);
  });
});
