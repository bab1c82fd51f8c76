import { describe, expect, it } from 'vitest';
import { boundsOf, fitViewport } from './viewport';

describe('boundsOf', () => {
  it('is the box around every extent, and null for none', () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        { x: 0, y: 0, halfWidth: 10, halfHeight: 20 },
        { x: 100, y: -50, halfWidth: 5, halfHeight: 5 },
      ]),
    ).toEqual({ x1: -10, y1: -55, x2: 105, y2: 20 });
  });
});

describe('fitViewport', () => {
  const view = { width: 1000, height: 500 };

  it('zooms a wide graph to the width and centres it', () => {
    const { zoom, pan } = fitViewport({ x1: 0, y1: 0, x2: 3800, y2: 400 }, view, 50, 1.25);
    expect(zoom).toBeCloseTo(900 / 3800);
    // The box's centre lands on the view's centre.
    expect(pan.x + zoom * 1900).toBeCloseTo(500);
    expect(pan.y + zoom * 200).toBeCloseTo(250);
  });

  it('zooms a tall graph to the height', () => {
    expect(fitViewport({ x1: -100, y1: -1000, x2: 100, y2: 1000 }, view, 50, 1.25).zoom).toBeCloseTo(
      400 / 2000,
    );
  });

  it('does not blow a small graph up past the largest zoom, and still centres it', () => {
    const { zoom, pan } = fitViewport({ x1: 10, y1: 10, x2: 50, y2: 30 }, view, 50, 1.25);
    expect(zoom).toBe(1.25);
    expect(pan).toEqual({ x: 500 - 1.25 * 30, y: 250 - 1.25 * 20 });
  });

  it('copes with a single point and a view smaller than its padding', () => {
    const { zoom } = fitViewport({ x1: 5, y1: 5, x2: 5, y2: 5 }, { width: 40, height: 40 }, 30, 1.25);
    expect(zoom).toBeGreaterThan(0);
    expect(Number.isFinite(zoom)).toBe(true);
  });
});
