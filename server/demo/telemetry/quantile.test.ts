import { describe, expect, it } from 'vitest';
import { bucketQuantile } from './quantile';

const b = (upperBound: number, count: number) => ({ upperBound, count });

describe('bucketQuantile (Prometheus histogram_quantile)', () => {
  // The same buckets as the Prometheus adapter's integration test: 10 observations of 30 ms.
  const thirtyMs = [b(10, 0), b(25, 0), b(50, 10), b(100, 10), b(Infinity, 10)];

  it('interpolates linearly inside the bucket the rank falls in', () => {
    expect(bucketQuantile(0.5, thirtyMs)).toBeCloseTo(37.5, 12);
    expect(bucketQuantile(0.9, thirtyMs)).toBeCloseTo(47.5, 12);
  });

  it('starts the lowest bucket at zero, and accepts buckets in any order', () => {
    expect(bucketQuantile(0.5, [b(Infinity, 4), b(10, 4)])).toBeCloseTo(5, 12);
  });

  it('answers the highest finite bound when the rank falls in +Inf', () => {
    expect(bucketQuantile(0.99, [b(10, 1), b(100, 2), b(Infinity, 10)])).toBe(100);
  });

  it('is NaN without observations, without a +Inf bucket, or with a single bucket', () => {
    expect(bucketQuantile(0.5, [b(10, 0), b(Infinity, 0)])).toBeNaN();
    expect(bucketQuantile(0.5, [b(10, 1), b(100, 2)])).toBeNaN();
    expect(bucketQuantile(0.5, [b(Infinity, 3)])).toBeNaN();
    expect(bucketQuantile(Number.NaN, thirtyMs)).toBeNaN();
  });

  it('is -Inf below 0 and +Inf above 1', () => {
    expect(bucketQuantile(-0.1, thirtyMs)).toBe(-Infinity);
    expect(bucketQuantile(1.1, thirtyMs)).toBe(Infinity);
  });

  it('coalesces equal bounds and evens out non-monotonic counts', () => {
    expect(bucketQuantile(0.5, [b(10, 2), b(10, 2), b(20, 3), b(Infinity, 4)])).toBeCloseTo(5, 12);
    // Without evening out, 20 -> 2 would make the (20, 30] bucket hold 2 and give 27.5.
    expect(bucketQuantile(0.875, [b(10, 3), b(20, 2), b(30, 4), b(Infinity, 4)])).toBeCloseTo(25, 12);
  });
});
