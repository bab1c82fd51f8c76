import { describe, expect, it } from 'vitest';
import { forkRandom, seededRandom } from './random';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const take = (r: () => number): number[] => Array.from({ length: 5 }, r);
    expect(take(seededRandom(42))).toEqual(take(seededRandom('42')));
    expect(take(seededRandom(42))).not.toEqual(take(seededRandom(43)));
    expect(take(forkRandom(1, 'world'))).not.toEqual(take(forkRandom(1, 'tick:1')));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const r = seededRandom('spread');
    const values = Array.from({ length: 10_000 }, r);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
