/**
 * Latency arithmetic for the engine. A latency is carried as the mean and variance of a distribution, so that sums
 * (a request waits for its calls), repeats (several calls each) and mixtures (outcomes of a split) compose
 * exactly; it is read out as a lognormal with those moments (Fenton-Wilkinson), as the model's median/p99 pair.
 */
import type { Random } from '@/lib/random';

/** Mean and variance of a latency, in ms and ms². */
export interface Moments {
  mean: number;
  variance: number;
}

/** The 99th percentile of the standard normal distribution. */
const Z99 = 2.3263478740408408;

/** No time at all. */
export const ZERO_LATENCY: Moments = { mean: 0, variance: 0 };

/** The moments of a lognormal with this median and 99th percentile (p99 below the median counts as the median). */
export function fromQuantiles(medianMs: number, p99Ms: number): Moments {
  if (medianMs <= 0) return ZERO_LATENCY;
  const sigma = Math.log(Math.max(p99Ms, medianMs) / medianMs) / Z99;
  const s2 = sigma * sigma;
  const mean = medianMs * Math.exp(s2 / 2);
  return { mean, variance: (Math.exp(s2) - 1) * mean * mean };
}

function lognormalOf(m: Moments): { mu: number; sigma: number } {
  const s2 = Math.log(1 + m.variance / (m.mean * m.mean));
  return { mu: Math.log(m.mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

/** Median and 99th percentile of the lognormal with these moments. */
export function toQuantiles(m: Moments): { medianMs: number; p99Ms: number } {
  if (m.mean <= 0) return { medianMs: 0, p99Ms: 0 };
  const { mu, sigma } = lognormalOf(m);
  return { medianMs: Math.exp(mu), p99Ms: Math.exp(mu + Z99 * sigma) };
}

/** The latency of two things done one after the other. */
export function addLatency(a: Moments, b: Moments): Moments {
  return { mean: a.mean + b.mean, variance: a.variance + b.variance };
}

/** A constant added (a fault delay). */
export function shiftLatency(m: Moments, ms: number): Moments {
  return { mean: m.mean + ms, variance: m.variance };
}

/**
 * `times` sequential repeats (calls per request): for times >= 1, a sum of that many; below 1, a mixture of one
 * (with probability `times`) and none.
 */
export function repeatLatency(m: Moments, times: number): Moments {
  if (times <= 0) return ZERO_LATENCY;
  if (times >= 1) return { mean: m.mean * times, variance: m.variance * times };
  const mean = times * m.mean;
  return { mean, variance: Math.max(times * (m.variance + m.mean * m.mean) - mean * mean, 0) };
}

/** The latency of a split: each part with its weight (weights need not sum to 1). */
export function mixLatency(parts: readonly { weight: number; latency: Moments }[]): Moments {
  let total = 0;
  let mean = 0;
  let second = 0;
  for (const { weight, latency } of parts) {
    total += weight;
    mean += weight * latency.mean;
    second += weight * (latency.variance + latency.mean * latency.mean);
  }
  if (total <= 0) return ZERO_LATENCY;
  mean /= total;
  return { mean, variance: Math.max(second / total - mean * mean, 0) };
}

/** The standard normal CDF (Abramowitz and Stegun 7.1.26, error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The share of requests slower than `thresholdMs` (a timeout's victims). */
export function shareAbove(m: Moments, thresholdMs: number): number {
  if (m.mean <= 0) return 0;
  if (thresholdMs <= 0) return 1;
  if (m.variance <= 0) return m.mean > thresholdMs ? 1 : 0;
  const { mu, sigma } = lognormalOf(m);
  return 1 - normalCdf((Math.log(thresholdMs) - mu) / sigma);
}

/** One latency drawn from the lognormal with these moments (for sampled traces). */
export function sampleLatency(m: Moments, random: Random): number {
  if (m.mean <= 0) return 0;
  if (m.variance <= 0) return m.mean;
  const { mu, sigma } = lognormalOf(m);
  const u = Math.max(random(), Number.MIN_VALUE);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  return Math.exp(mu + sigma * z);
}
