/**
 * Prometheus's `histogram_quantile` for classic histograms (promql/quantile.go, `bucketQuantile`), so that the
 * demo mesh's direct source answers exactly what Prometheus answers from the same buckets.
 */

/** One cumulative bucket: observations at or below `upperBound`. */
export interface QuantileBucket {
  upperBound: number;
  count: number;
}

/**
 * The `q`-quantile of cumulative buckets, interpolated linearly within the bucket it falls in (the lowest bucket
 * starts at 0 unless its bound is not positive). `NaN` without a `+Inf` bucket, with fewer than two buckets or no
 * observations; the highest finite bound when the quantile falls in the `+Inf` bucket; `-Inf`/`+Inf` for q
 * below 0 or above 1.
 */
export function bucketQuantile(q: number, input: readonly QuantileBucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const buckets = coalesce([...input].sort((a, b) => a.upperBound - b.upperBound));
  const last = buckets.at(-1);
  if (!last || last.upperBound !== Infinity || buckets.length < 2) return NaN;
  ensureMonotonic(buckets);
  const observations = last.count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  const b = buckets.findIndex((bucket) => bucket.count >= rank);
  const found = buckets[b];
  if (b === buckets.length - 1) return buckets[buckets.length - 2]?.upperBound ?? NaN;
  if (!found) return NaN;
  if (b === 0 && found.upperBound <= 0) return found.upperBound;
  let bucketStart = 0;
  let count = found.count;
  const previous = buckets[b - 1];
  if (previous) {
    bucketStart = previous.upperBound;
    count -= previous.count;
    rank -= previous.count;
  }
  return bucketStart + (found.upperBound - bucketStart) * (rank / count);
}

/** Merges buckets with the same bound (series that differ only in labels Prometheus summed away). */
function coalesce(sorted: QuantileBucket[]): QuantileBucket[] {
  const out: QuantileBucket[] = [];
  for (const bucket of sorted) {
    const last = out.at(-1);
    if (last && last.upperBound === bucket.upperBound) last.count += bucket.count;
    else out.push({ ...bucket });
  }
  return out;
}

/** Rates of cumulative buckets can dip by float noise; Prometheus evens them out the same way. */
function ensureMonotonic(buckets: QuantileBucket[]): void {
  let max = -Infinity;
  for (const bucket of buckets) {
    if (bucket.count > max) max = bucket.count;
    else if (bucket.count < max) bucket.count = max;
  }
}
