/**
 * Scales and ticks for the traces pages' hand-drawn SVG and CSS charts (the search scatter plot and the waterfall's
 * time axis). Every position is a fraction from 0 to 1 along the axis; the components turn it into pixels or %.
 */

/** A step of 1, 2 or 5 times a power of ten that cuts `span` into about `target` parts. */
export function niceStep(span: number, target: number): number {
  if (!(span > 0) || !(target > 0)) return 1;
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = raw / power;
  const nice = multiple < 1.5 ? 1 : multiple < 3.5 ? 2 : multiple < 7.5 ? 5 : 10;
  return nice * power;
}

/** Multiples of a nice step from `min` to `max` inclusive (about `target` of them), without float noise. */
export function linearTicks(min: number, max: number, target = 5): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(max - min, target);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let i = Math.ceil(min / step); i * step <= max + step * 1e-9; i++) {
    ticks.push(Number((i * step).toFixed(decimals)));
  }
  return ticks;
}

/** A value axis: where a value sits (0 at the bottom or left, 1 at the top or right) and the ticks to label. */
export interface ValueAxis {
  kind: 'linear' | 'log';
  min: number;
  max: number;
  ticks: number[];
  /** The position of a value, clamped to 0–1. */
  at: (value: number) => number;
}

/** Above this ratio of the longest to the shortest duration, a linear axis squashes the short ones into a line. */
export const LOG_SPREAD = 20;

/**
 * The duration axis of the scatter plot. Linear from 0 when the durations are alike; logarithmic, from the power
 * of ten under the shortest to the one over the longest, when the longest is more than {@link LOG_SPREAD} times
 * the shortest. Zero durations sit at the bottom of a log axis.
 */
export function durationAxis(durations: readonly number[]): ValueAxis {
  const finite = durations.filter((d) => Number.isFinite(d) && d >= 0);
  const max = Math.max(0, ...finite);
  const positive = finite.filter((d) => d > 0);
  const minPositive = positive.length > 0 ? Math.min(...positive) : 0;
  if (minPositive > 0 && max / minPositive > LOG_SPREAD) {
    const lo = Math.floor(Math.log10(minPositive));
    const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
    const ticks: number[] = [];
    const decades = hi - lo;
    for (let e = lo; e <= hi; e++) {
      const base = 10 ** e;
      ticks.push(Number(base.toPrecision(1)));
      // With few decades, 2 and 5 help read the values in between.
      if (decades <= 2 && e < hi)
        ticks.push(Number((2 * base).toPrecision(1)), Number((5 * base).toPrecision(1)));
    }
    const at = (value: number): number => (value <= 0 ? 0 : clamp01((Math.log10(value) - lo) / (hi - lo)));
    return { kind: 'log', min: 10 ** lo, max: 10 ** hi, ticks, at };
  }
  const top = max > 0 ? max : 1;
  const ticks = linearTicks(0, top, 4);
  // The axis ends at the first tick at or over the longest duration, so that the top dot is not on the edge.
  const last = ticks[ticks.length - 1] ?? 0;
  if (last < top) ticks.push(Number((last + niceStep(top, 4)).toPrecision(12)));
  const end = ticks[ticks.length - 1] ?? top;
  return { kind: 'linear', min: 0, max: end, ticks, at: (value) => clamp01(value / end) };
}

/** Steps for clock-time axes, in milliseconds. */
const TIME_STEPS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000,
];

/**
 * Clock-time ticks between two Unix times in milliseconds (about `target` of them), on round local times (every
 * 5 minutes, every hour, …). The step is returned too, so labels can leave out the seconds when they are all zero.
 */
export function timeTicks(startMs: number, endMs: number, target = 6): { ticks: number[]; stepMs: number } {
  if (!(endMs > startMs)) return { ticks: [startMs], stepMs: 0 };
  const raw = (endMs - startMs) / target;
  const stepMs = TIME_STEPS.find((s) => s >= raw) ?? TIME_STEPS[TIME_STEPS.length - 1] ?? 3_600_000;
  // Round local times: shift by the zone's offset so that hour steps land on the hour in +05:30 too.
  const offset = -new Date(startMs).getTimezoneOffset() * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil((startMs + offset) / stepMs) * stepMs - offset; t <= endMs; t += stepMs)
    ticks.push(t);
  return { ticks, stepMs };
}

/** A value's position on a linear axis from `min` to `max`, clamped to 0–1 (0 when the axis has no length). */
export function linearAt(value: number, min: number, max: number): number {
  return max > min ? clamp01((value - min) / (max - min)) : 0;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
