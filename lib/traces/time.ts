/**
 * OTLP times are nanoseconds since the Unix epoch, beyond what a JavaScript number holds exactly (2^53 ns is about
 * 104 days). They stay decimal strings in the model and are converted through bigint.
 */

/**
 * Reads a nanosecond timestamp or duration given as a decimal string (`"1701778055570888000"`) or a safe integer.
 * Returns null for anything else (negative, fractional, junk).
 */
export function parseNanos(value: unknown): bigint | null {
  if (typeof value === 'string' && /^\d{1,30}$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return null;
}

/** Nanoseconds to milliseconds, keeping microsecond precision. */
export function nanosToMs(nanos: bigint): number {
  return Number(nanos / 1000n) / 1000;
}
