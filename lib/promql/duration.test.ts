import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, tryParseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['5m', 300],
    ['1h', 3600],
    ['24h', 86_400],
    ['1h30m', 5400],
    ['7d', 604_800],
    ['1w1d', 691_200],
    ['90s', 90],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    '',
    '0s',
    '0m0s',
    '5',
    's',
    '5ms',
    '1y',
    '5M',
    ' 5m',
    '5m ',
    '-5m',
    '1.5h',
    '30m1h',
    '1h1h',
    '5 m',
  ])('refuses %j', (text) => {
    expect(tryParseDuration(text)).toBeUndefined();
    expect(() => parseDuration(text)).toThrow(RangeError);
  });

  it('names the bad text in the error', () => {
    expect(() => parseDuration('5x')).toThrow(/invalid duration "5x": expected e\.g\. 30s/);
  });

  it('refuses durations too large to count in seconds exactly', () => {
    expect(tryParseDuration('99999999999999999999s')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [30, '30s'],
    [300, '5m'],
    [90, '1m30s'],
    [3600, '1h'],
    [86_400, '1d'],
    [90_061, '1d1h1m1s'],
    [1_209_600, '2w'],
  ])('writes %i seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('round-trips with parseDuration', () => {
    for (const seconds of [1, 59, 61, 3599, 3601, 86_399, 700_000]) {
      expect(parseDuration(formatDuration(seconds))).toBe(seconds);
    }
  });

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (seconds) => {
    expect(() => formatDuration(seconds)).toThrow(RangeError);
  });
});
