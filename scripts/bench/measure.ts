/** One benchmark figure: the median time of one call over repeated runs. */
export interface Figure {
  name: string;
  size: number;
  medianMs: number;
  runs: number;
}

/**
 * Calls `fn` repeatedly for at least `minMs` (after a warm-up) and returns the median duration of one call.
 * Medians resist the odd garbage-collection pause; ratios between figures of one run are what to compare.
 */
export function measure(name: string, size: number, fn: () => unknown, minMs = 400): Figure {
  for (let i = 0; i < 3; i += 1) fn();
  const times: number[] = [];
  const until = performance.now() + minMs;
  while (performance.now() < until || times.length < 5) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { name, size, medianMs: round(times[Math.floor(times.length / 2)] ?? 0), runs: times.length };
}

/** Rounds to three significant decimals for printing. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
