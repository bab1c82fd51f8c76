import { describe, expect, it } from 'vitest';
import { scrollToReveal, virtualRange, type VirtualInput } from './virtual-rows';

const base: VirtualInput = {
  scrollTop: 0,
  viewportHeight: 280,
  rowHeight: 28,
  rowCount: 10_000,
  overscan: 5,
};

describe('virtualRange', () => {
  it('renders the first screenful plus the overscan below it at the top', () => {
    expect(virtualRange(base)).toEqual({ start: 0, end: 15, padTop: 0, padBottom: (10_000 - 15) * 28 });
  });

  it('renders the visible rows with overscan on both sides in the middle', () => {
    // Rows 100 to 109 are visible (2800 / 28 = 100, 10 rows of 28 px in 280 px).
    const range = virtualRange({ ...base, scrollTop: 2_800 });
    expect(range).toEqual({ start: 95, end: 115, padTop: 95 * 28, padBottom: (10_000 - 115) * 28 });
  });

  it('includes a row that is only partly visible at either edge', () => {
    // 2810 px: row 100 is partly hidden above, row 110 partly shown below.
    const range = virtualRange({ ...base, scrollTop: 2_810, overscan: 0 });
    expect(range.start).toBe(100);
    expect(range.end).toBe(111);
  });

  it('stops at the last row at the bottom', () => {
    const range = virtualRange({ ...base, scrollTop: 10_000 * 28 - 280 });
    expect(range.end).toBe(10_000);
    expect(range.start).toBe(10_000 - 10 - 5);
    expect(range.padBottom).toBe(0);
  });

  it('keeps the scrollbar true: spacers plus rendered rows are the whole list', () => {
    for (const scrollTop of [0, 1, 27, 28, 29, 5_000, 123_456, 279_720]) {
      const r = virtualRange({ ...base, scrollTop });
      expect(r.padTop + (r.end - r.start) * 28 + r.padBottom).toBe(10_000 * 28);
      expect(r.end - r.start).toBeLessThanOrEqual(10 + 1 + 2 * 5);
    }
  });

  it('renders every row of a list shorter than the viewport, without spacers', () => {
    expect(virtualRange({ ...base, rowCount: 3 })).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
  });

  it('renders nothing for an empty list', () => {
    expect(virtualRange({ ...base, rowCount: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('clamps elastic over-scroll and a scroll position left over from a longer list', () => {
    expect(virtualRange({ ...base, scrollTop: -40 }).start).toBe(0);
    const shrunk = virtualRange({ ...base, rowCount: 20, scrollTop: 100_000 });
    expect(shrunk).toEqual({ start: 5, end: 20, padTop: 5 * 28, padBottom: 0 });
  });

  it('renders at least one row (plus overscan) before the viewport is measured', () => {
    expect(virtualRange({ ...base, viewportHeight: 0 })).toEqual({
      start: 0,
      end: 6,
      padTop: 0,
      padBottom: (10_000 - 6) * 28,
    });
  });
});

describe('scrollToReveal', () => {
  it('leaves a fully visible row alone', () => {
    expect(scrollToReveal(3, 28, 0, 280)).toBeNull();
    expect(scrollToReveal(9, 28, 0, 280)).toBeNull();
  });

  it('scrolls up just enough to show a row above the viewport at the top', () => {
    expect(scrollToReveal(2, 28, 200, 280)).toBe(56);
  });

  it('scrolls down just enough to show a row below the viewport at the bottom', () => {
    // Row 10 spans 280 to 308 px: scrolled to 28 its bottom edge meets the viewport's.
    expect(scrollToReveal(10, 28, 0, 280)).toBe(28);
    expect(scrollToReveal(5_000, 28, 0, 280)).toBe(5_001 * 28 - 280);
  });

  it('ignores an index that is not a row', () => {
    expect(scrollToReveal(-1, 28, 0, 280)).toBeNull();
  });
});
