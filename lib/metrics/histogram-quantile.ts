/**
 * Prometheus's `histogram_quantile` over classic buckets (promql/quantile.go, `bucketQuantile`). One implementation
 * for both of its users: the pages' series, read as bucket rates over a range (the MetricsSource port has no range
 * quantile), and the demo mesh's direct MetricsSource, which must answer exactly what Prometheus answers from the
 * same buckets. Pure and isomorphic.
 */

/** A cumulative bucket: the rate (or count) of observations at or below `le`. */
export interface Bucket {
  le: number;
  count: number;
}

/** `+Inf`, `1e+06`, `25`: the `le` label as Prometheus writes it; NaN when it is not a number. */
export function parseLe(le: string): number {
  if (le === '+Inf' || le === 'Inf') return Infinity;
  const value = Number(le);
  return le.trim() === '' ? NaN : value;
}

/**
 * The `q`-quantile of cumulative buckets, interpolated linearly inside the bucket it falls in (the first bucket
 * starting at 0 unless its bound is not positive). NaN for a NaN `q`, without a `+Inf` bucket, with fewer than two
 * buckets or without observations; the highest finite bound when it falls in the `+Inf` bucket; `-Inf`/`+Inf` for
 * `q` below 0 or above 1, as Prometheus answers. Buckets whose bound is NaN are left out; buckets of one bound are
 * added up (series summed away), in any order.
 */
export function histogramQuantile(q: number, input: readonly Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const buckets: Bucket[] = [];
  for (const bucket of [...input].filter((b) => !Number.isNaN(b.le)).sort((a, b) => a.le - b.le)) {
    const last = buckets.at(-1);
    if (last && last.le === bucket.le) last.count += bucket.count;
    else buckets.push({ ...bucket });
  }
  const top = buckets.at(-1);
  if (top === undefined || top.le !== Infinity || buckets.length < 2) return NaN;
  // Rates of cumulative buckets can dip by float noise; Prometheus evens them out the same way.
  let max = -Infinity;
  for (const bucket of buckets) bucket.count = max = Math.max(max, bucket.count);
  if (!(top.count > 0)) return NaN;
  let rank = q * top.count;
  const index = buckets.findIndex((bucket) => bucket.count >= rank);
  if (index === buckets.length - 1) return buckets[buckets.length - 2]?.le ?? NaN;
  const found = buckets[index];
  if (found === undefined) return NaN;
  if (index === 0 && found.le <= 0) return found.le;
  const previous = buckets[index - 1];
  const start = previous?.le ?? 0;
  const count = found.count - (previous?.count ?? 0);
  rank -= previous?.count ?? 0;
  return start + (found.le - start) * (rank / count);
}
