/**
 * How the traces pages write durations and times: three significant digits in the unit that reads best
 * (`0.45 ms`, `12.3 ms`, `1.24 s`), clock times in local time to the millisecond (`14:03:27.120`).
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A number with three significant digits (no exponent), e.g. 12.3, 0.456, 124. */
function threeDigits(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Rounds to three significant digits, so that a unit switch can be decided on the rounded value (999.7 ms is 1.00 s). */
function roundThree(value: number): number {
  if (value === 0) return 0;
  return Number(value.toPrecision(3));
}

/**
 * A duration in milliseconds for people: `4 µs`, `0.45 ms`, `12.3 ms`, `456 ms`, `1.24 s`, `12.4 s`, `2m 05s`,
 * `1h 02m`. Negative or non-finite input gives `–` (a bug upstream, shown rather than hidden).
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms === 0) return '0 ms';
  if (roundThree(ms) < 0.01) return `${Math.max(1, Math.round(ms * 1000))} µs`;
  const roundedMs = roundThree(ms);
  if (roundedMs < SECOND) return `${threeDigits(roundedMs)} ms`;
  const seconds = roundThree(ms / SECOND);
  if (seconds < 60) return `${threeDigits(seconds)} s`;
  if (ms < HOUR - 30 * SECOND) {
    const total = Math.round(ms / SECOND);
    return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
  }
  const totalMinutes = Math.round(ms / MINUTE);
  return `${Math.floor(totalMinutes / 60)}h ${String(totalMinutes % 60).padStart(2, '0')}m`;
}

/** An offset from the trace's start, signed: `+12.3 ms`, `+0 ms`. */
export function formatOffset(ms: number): string {
  return ms < 0 ? `−${formatDuration(-ms)}` : `+${formatDuration(ms)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A Unix time in milliseconds as local `HH:MM:SS.mmm` (24-hour). */
export function formatClock(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '–';
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** A Unix time in milliseconds as local `HH:MM:SS`, or `HH:MM` when `withSeconds` is false (axis labels). */
export function formatShortClock(ms: number, withSeconds = true): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '–';
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}

/** A Unix time in milliseconds as local date and time, `YYYY-MM-DD HH:MM:SS.mmm` (tooltips, the trace header). */
export function formatDateTime(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '–';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatClock(ms)}`;
}

/** A searched window as local times with its length: `14:00:00–14:15:00 (last 15m)`; ends given as ISO-8601. */
export function formatWindow(startIso: string, endIso: string, window: string): string {
  return `${formatShortClock(Date.parse(startIso))}–${formatShortClock(Date.parse(endIso))} (last ${window})`;
}

/** `1 span`, `3 spans`: a count with its noun, singular for one. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}
