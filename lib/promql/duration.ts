/**
 * Durations for query windows and steps (`30s`, `5m`, `1h`, `1h30m`, `7d`), in whole seconds. The text form is the
 * subset of Prometheus's duration syntax the dashboard needs, so a formatted duration is valid PromQL as is.
 */

/** A duration in whole seconds, always > 0. */
export type DurationSeconds = number;

/** Units from largest to smallest, as Prometheus defines them (`d` = 24h, `w` = 7d). */
const UNITS: ReadonlyArray<readonly [unit: string, seconds: number]> = [
  ['w', 604_800],
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/** One or more `<integer><unit>` parts, largest unit first, each unit at most once. */
const DURATION_PATTERN = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Parses a duration such as `30s`, `5m`, `1h`, `24h` or `1h30m` into seconds.
 * Returns `undefined` for anything else: empty text, `0s`, unknown units (`ms`, `y`, `5M`), spaces, signs,
 * fractions, units out of order (`30m1h`). Use this where bad input is expected (URL state).
 */
export function tryParseDuration(text: string): DurationSeconds | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (text === '' || match === null) return undefined;
  let seconds = 0;
  UNITS.forEach(([, size], i) => {
    const part = match[i + 1];
    if (part !== undefined) seconds += Number(part) * size;
  });
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/**
 * Parses a duration like {@link tryParseDuration}, but throws a `RangeError` that quotes the bad text and gives
 * examples. Use this where bad input is a programming error.
 */
export function parseDuration(text: string): DurationSeconds {
  const seconds = tryParseDuration(text);
  if (seconds === undefined) {
    throw new RangeError(`invalid duration ${JSON.stringify(text)}: expected e.g. 30s, 5m, 1h, 1h30m or 7d`);
  }
  return seconds;
}

/**
 * Formats whole seconds with the largest units first: 90 -> `1m30s`, 3600 -> `1h`, 86400 -> `1d`.
 * The inverse of {@link parseDuration}. Throws a `RangeError` unless `seconds` is a positive safe integer.
 */
export function formatDuration(seconds: DurationSeconds): string {
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new RangeError(`invalid duration ${seconds}: expected a positive whole number of seconds`);
  }
  let rest = seconds;
  let text = '';
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}
