import { describe, expect, it } from 'vitest';
import { durationAxis, linearAt, linearTicks, niceStep, timeTicks } from './chart-scale';

describe('niceStep and linearTicks', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(1, 4)).toBe(0.2);
    expect(niceStep(730, 5)).toBe(100);
    expect(niceStep(0, 5)).toBe(1);
  });

  it('gives round ticks without float noise', () => {
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(linearTicks(0, 730, 5)).toEqual([0, 100, 200, 300, 400, 500, 600, 700]);
  });

  it('gives one tick for an axis without length', () => {
    expect(linearTicks(5, 5)).toEqual([5]);
  });
});

describe('durationAxis', () => {
  it('is linear from zero for similar durations, ending on a tick over the longest', () => {
    const axis = durationAxis([12, 30, 45]);
    expect(axis.kind).toBe('linear');
    expect(axis.min).toBe(0);
    expect(axis.max).toBeGreaterThanOrEqual(45);
    expect(axis.ticks[axis.ticks.length - 1]).toBe(axis.max);
    expect(axis.at(0)).toBe(0);
    expect(axis.at(axis.max)).toBe(1);
  });

  it('turns logarithmic when the longest is far longer than the shortest', () => {
    const axis = durationAxis([0.8, 12, 4_000]);
    expect(axis.kind).toBe('log');
    expect(axis.min).toBe(0.1);
    expect(axis.max).toBe(10_000);
    expect(axis.ticks).toEqual([0.1, 1, 10, 100, 1_000, 10_000]);
    expect(axis.at(100)).toBeCloseTo(0.6);
    // Each decade gets the same room: the short traces are not squashed into a line.
    expect(axis.at(1) - axis.at(0.1)).toBeCloseTo(axis.at(10_000) - axis.at(1_000));
  });

  it('adds 2 and 5 ticks when the log axis spans few decades', () => {
    expect(durationAxis([3, 90]).ticks).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });

  it('keeps zero durations at the bottom of a log axis', () => {
    const axis = durationAxis([0, 1, 500]);
    expect(axis.kind).toBe('log');
    expect(axis.at(0)).toBe(0);
  });

  it('copes with no durations and with only zeros', () => {
    expect(durationAxis([]).kind).toBe('linear');
    expect(durationAxis([0, 0]).at(0)).toBe(0);
  });
});

describe('timeTicks', () => {
  it('puts ticks on round local times inside the window', () => {
    const start = new Date(2024, 0, 2, 10, 2, 30).getTime();
    const end = start + 15 * 60_000;
    const { ticks, stepMs } = timeTicks(start, end, 6);
    expect(stepMs).toBe(300_000);
    expect(ticks.map((t) => new Date(t).getMinutes())).toEqual([5, 10, 15]);
    expect(ticks.every((t) => new Date(t).getSeconds() === 0)).toBe(true);
  });

  it('uses seconds for short windows', () => {
    const start = new Date(2024, 0, 2, 10, 0, 0, 500).getTime();
    const { ticks, stepMs } = timeTicks(start, start + 60_000, 6);
    expect(stepMs).toBe(10_000);
    expect(ticks).toHaveLength(6);
  });
});

describe('linearAt', () => {
  it('clamps and copes with an empty axis', () => {
    expect(linearAt(5, 0, 10)).toBe(0.5);
    expect(linearAt(20, 0, 10)).toBe(1);
    expect(linearAt(-1, 0, 10)).toBe(0);
    expect(linearAt(5, 5, 5)).toBe(0);
  });
});
