import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random';
import {
  addLatency,
  fromQuantiles,
  mixLatency,
  repeatLatency,
  sampleLatency,
  shareAbove,
  toQuantiles,
} from './latency';

describe('latency arithmetic', () => {
  it('round-trips a median and p99 through moments', () => {
    const q = toQuantiles(fromQuantiles(12, 80));
    expect(q.medianMs).toBeCloseTo(12, 6);
    expect(q.p99Ms).toBeCloseTo(80, 6);
  });

  it('adds means for sequential work and keeps the p99 below the sum of p99s', () => {
    const one = fromQuantiles(10, 40);
    const two = toQuantiles(addLatency(one, one));
    expect(two.medianMs).toBeGreaterThan(19);
    expect(two.p99Ms).toBeLessThan(80);
  });

  it('repeats a fraction of a call as a mixture with nothing', () => {
    const half = repeatLatency(fromQuantiles(10, 10), 0.5);
    expect(half.mean).toBeCloseTo(5);
    expect(half.variance).toBeCloseTo(25);
  });

  it('mixes by weight', () => {
    const m = mixLatency([
      { weight: 3, latency: { mean: 10, variance: 0 } },
      { weight: 1, latency: { mean: 50, variance: 0 } },
    ]);
    expect(m.mean).toBeCloseTo(20);
  });

  it('puts half the requests above the median and 1% above the p99', () => {
    const m = fromQuantiles(10, 40);
    expect(shareAbove(m, 10)).toBeCloseTo(0.5, 3);
    expect(shareAbove(m, 40)).toBeCloseTo(0.01, 3);
  });

  it('samples around the median', () => {
    const random = seededRandom('latency');
    const m = fromQuantiles(10, 40);
    const draws = Array.from({ length: 2_000 }, () => sampleLatency(m, random)).sort((a, b) => a - b);
    expect(draws[1_000]).toBeGreaterThan(9);
    expect(draws[1_000]).toBeLessThan(11);
  });
});
