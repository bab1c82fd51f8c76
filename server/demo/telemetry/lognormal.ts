/**
 * Spreads a flow's requests over histogram buckets as if their latencies were drawn from a lognormal with the
 * flow's median and p99, without drawing each one: the expected share of every bucket, rounded by systematic
 * sampling (one seeded offset), so counts are whole numbers that add up to `n` exactly and are unbiased per bucket.
 */

/** The 99th percentile of the standard normal distribution. */
const Z99 = 2.3263478740408408;

/** Observations spread over a histogram's buckets. */
export interface Bucketed {
  /** Per bucket, NOT cumulative: `counts[i]` observations in `(bounds[i-1], bounds[i]]`, the last one `+Inf`. */
  counts: number[];
  /** Sum of the observations, consistent with the buckets (each bucket contributes values inside it). */
  sum: number;
}

/** The standard normal CDF (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * `n` (a whole number) observations of a lognormal with this median and 99th percentile, in buckets with these
 * finite upper bounds (plus `+Inf`). `offset` in [0, 1) is the systematic-sampling offset: pass a seeded random
 * number for a little noise, 0.5 for plain rounding. A p99 at or below the median means no spread at all.
 */
export function lognormalBuckets(
  n: number,
  medianMs: number,
  p99Ms: number,
  bounds: readonly number[],
  offset: number,
): Bucketed {
  const median = Math.max(medianMs, 1e-6);
  if (!(p99Ms > median)) return pointBuckets(n, median, bounds);
  const { cdf, means } = shapeOf(median, p99Ms, bounds);
  const counts: number[] = [];
  let sum = 0;
  let previousCut = 0;
  cdf.forEach((share, i) => {
    const cut = i === bounds.length ? n : Math.floor(n * share + offset);
    const count = Math.max(0, cut - previousCut);
    counts.push(count);
    if (count > 0) sum += count * (means[i] ?? 0);
    previousCut = Math.max(previousCut, cut);
  });
  return { counts, sum };
}

/** A lognormal over buckets: the CDF at each upper bound (1 at `+Inf`) and the mean within each bucket. */
interface Shape {
  cdf: number[];
  means: number[];
}

const SHAPE_CACHE_LIMIT = 4096;
const shapes = new WeakMap<readonly number[], Map<string, Shape>>();

/** Flows keep their latency for many ticks, so the shape is computed once per (median, p99, buckets). */
function shapeOf(median: number, p99: number, bounds: readonly number[]): Shape {
  const cache = shapes.get(bounds) ?? new Map<string, Shape>();
  shapes.set(bounds, cache);
  const key = `${median}/${p99}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const mu = Math.log(median);
  const sigma = Math.log(p99 / median) / Z99;
  const edges = [...bounds, Infinity];
  const shape: Shape = {
    cdf: edges.map((upper) => (upper === Infinity ? 1 : normalCdf((Math.log(upper) - mu) / sigma))),
    means: edges.map((upper, i) =>
      conditionalMean(i === 0 ? 0 : (edges[i - 1] ?? 0), upper, mu, sigma, median),
    ),
  };
  if (cache.size >= SHAPE_CACHE_LIMIT) cache.clear();
  cache.set(key, shape);
  return shape;
}

/** `n` observations of one value: all in the bucket that holds it. */
export function pointBuckets(n: number, value: number, bounds: readonly number[]): Bucketed {
  const index = bounds.findIndex((bound) => value <= bound);
  const counts = new Array<number>(bounds.length + 1).fill(0);
  counts[index < 0 ? bounds.length : index] = n;
  return { counts, sum: n * value };
}

/**
 * The mean of a lognormal restricted to (lower, upper]: `exp(mu + sigma²/2) * (Φ(b - σ) - Φ(a - σ)) / (Φ(b) - Φ(a))`
 * with a, b the standardised log bounds. Far in a tail, where that ratio is 0/0 numerically, the bound nearest the
 * median stands in. Always inside the bucket, so `_sum` never contradicts `_bucket`.
 */
function conditionalMean(lower: number, upper: number, mu: number, sigma: number, median: number): number {
  const a = lower > 0 ? (Math.log(lower) - mu) / sigma : -Infinity;
  const b = upper === Infinity ? Infinity : (Math.log(upper) - mu) / sigma;
  const mass = normalCdf(b) - normalCdf(a);
  if (mass > 1e-9) {
    const mean = (Math.exp(mu + (sigma * sigma) / 2) * (normalCdf(b - sigma) - normalCdf(a - sigma))) / mass;
    if (mean > lower && mean <= upper) return mean;
  }
  if (median <= lower) return upper === Infinity ? lower * 2 : (lower + upper) / 2;
  return upper === Infinity ? Math.max(lower * 2, median) : upper;
}
