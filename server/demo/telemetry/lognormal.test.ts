import { describe, expect, it } from 'vitest';
import { histogramQuantile, type Bucket } from '@/lib/metrics/histogram-quantile';
import { seededRandom } from '@/lib/random';
import { ISTIO_BUCKETS } from './families';
import { lognormalBuckets, normalCdf, pointBuckets } from './lognormal';

const bounds = [...ISTIO_BUCKETS, Infinity];

function cumulative(counts: readonly number[]): Bucket[] {
  let total = 0;
  return counts.map((c, i) => ({ le: bounds[i] ?? Infinity, count: (total += c) }));
}

describe('normalCdf', () => {
  it('agrees with tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.326348)).toBeCloseTo(0.01, 6);
    expect(normalCdf(Infinity)).toBe(1);
  });
});

describe('lognormalBuckets', () => {
  it('puts exactly n whole observations in the buckets, one count per bucket plus +Inf', () => {
    const random = seededRandom('buckets');
    for (const n of [0, 1, 7, 1000, 123_457]) {
      const { counts } = lognormalBuckets(n, 30, 400, ISTIO_BUCKETS, random());
      expect(counts).toHaveLength(ISTIO_BUCKETS.length + 1);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
      for (const c of counts) expect(Number.isInteger(c) && c >= 0).toBe(true);
    }
  });

  it('gives a sum consistent with the buckets: every bucket contributes values inside it', () => {
    const { counts, sum } = lognormalBuckets(10_000, 30, 400, ISTIO_BUCKETS, 0.3);
    let low = 0;
    let high = 0;
    counts.forEach((c, i) => {
      low += c * (i === 0 ? 0 : (bounds[i - 1] ?? 0));
      high += c * (bounds[i] === Infinity ? 1e12 : (bounds[i] ?? 0));
    });
    expect(sum).toBeGreaterThan(low);
    expect(sum).toBeLessThanOrEqual(high);
    // The lognormal's mean is exp(mu + sigma^2 / 2), well above the median.
    const sigma = Math.log(400 / 30) / 2.3263478740408408;
    expect(sum / 10_000).toBeCloseTo(30 * Math.exp((sigma * sigma) / 2), -1);
  });

  it('yields histogram quantiles near the median and the p99 it was given', () => {
    const { counts } = lognormalBuckets(100_000, 40, 900, ISTIO_BUCKETS, 0.5);
    const median = histogramQuantile(0.5, cumulative(counts));
    const p99 = histogramQuantile(0.99, cumulative(counts));
    // Linear interpolation inside a bucket is what Prometheus does too; it lands in the right bucket.
    expect(median).toBeGreaterThan(25);
    expect(median).toBeLessThanOrEqual(50);
    expect(Math.abs(median - 40) / 40).toBeLessThan(0.15);
    expect(p99).toBeGreaterThan(500);
    expect(p99).toBeLessThanOrEqual(1000);
    expect(Math.abs(p99 - 900) / 900).toBeLessThan(0.15);
  });

  it('is deterministic for an offset, and the offset only nudges the rounding', () => {
    expect(lognormalBuckets(57, 12, 80, ISTIO_BUCKETS, 0.25)).toEqual(
      lognormalBuckets(57, 12, 80, ISTIO_BUCKETS, 0.25),
    );
    const a = lognormalBuckets(57, 12, 80, ISTIO_BUCKETS, 0).counts;
    const b = lognormalBuckets(57, 12, 80, ISTIO_BUCKETS, 0.99).counts;
    a.forEach((c, i) => expect(Math.abs(c - (b[i] ?? 0))).toBeLessThanOrEqual(1));
  });

  it('puts everything in one bucket when the p99 does not exceed the median', () => {
    expect(lognormalBuckets(5, 7, 7, ISTIO_BUCKETS, 0.5)).toEqual(pointBuckets(5, 7, ISTIO_BUCKETS));
    expect(pointBuckets(5, 7, ISTIO_BUCKETS).counts[3]).toBe(5);
    expect(pointBuckets(2, 5_000_000, ISTIO_BUCKETS).counts.at(-1)).toBe(2);
    expect(pointBuckets(2, 10, ISTIO_BUCKETS).counts[3]).toBe(2);
  });
});
