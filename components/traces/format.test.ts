import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatDuration,
  formatOffset,
  formatShortClock,
  formatWindow,
  plural,
} from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [0.004, '4 µs'],
    [0.0004, '1 µs'],
    [0.45, '0.45 ms'],
    [0.999, '1.00 ms'],
    [4.567, '4.57 ms'],
    [12.34, '12.3 ms'],
    [99.96, '100 ms'],
    [456.4, '456 ms'],
    [999.7, '1.00 s'],
    [1_240, '1.24 s'],
    [12_449, '12.4 s'],
    [59_990, '1m 00s'],
    [125_000, '2m 05s'],
    [3_720_000, '1h 02m'],
  ])('%s ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows a dash for impossible durations instead of a wrong number', () => {
    expect(formatDuration(-1)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('formatOffset', () => {
  it('signs the offset from the trace start', () => {
    expect(formatOffset(12.34)).toBe('+12.3 ms');
    expect(formatOffset(0)).toBe('+0 ms');
    expect(formatOffset(-2)).toBe('−2.00 ms');
  });
});

describe('clock times', () => {
  const at = new Date(2024, 0, 2, 3, 4, 5, 67).getTime();

  it('writes local HH:MM:SS.mmm, zero-padded', () => {
    expect(formatClock(at)).toBe('03:04:05.067');
  });

  it('writes short clock times for axis labels', () => {
    expect(formatShortClock(at)).toBe('03:04:05');
    expect(formatShortClock(at, false)).toBe('03:04');
  });

  it('writes the local date in front for tooltips', () => {
    expect(formatDateTime(at)).toBe('2024-01-02 03:04:05.067');
  });

  it('writes a searched window as local times with its length', () => {
    const start = new Date(2024, 0, 2, 14, 0, 0).toISOString();
    const end = new Date(2024, 0, 2, 14, 15, 0).toISOString();
    expect(formatWindow(start, end, '15m')).toBe('14:00:00–14:15:00 (last 15m)');
  });

  it('shows a dash for a time that is not one', () => {
    expect(formatClock(Number.NaN)).toBe('–');
  });
});

describe('plural', () => {
  it('uses the singular for one only', () => {
    expect(plural(1, 'span')).toBe('1 span');
    expect(plural(0, 'span')).toBe('0 spans');
    expect(plural(12_345, 'span')).toBe('12,345 spans');
    expect(plural(2, 'match', 'matches')).toBe('2 matches');
  });
});
