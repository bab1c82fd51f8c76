import { describe, expect, it } from 'vitest';
import { History } from './history';
import { SeriesStore } from './series-store';

const T0 = 1_800_000_000_000;

/** One increment of 1 on cell 0 of family 0 every second, for `seconds` seconds. */
function steady(history: History, seconds: number): void {
  for (let s = 1; s <= seconds; s++) {
    history.beginTick(T0 + s * 1000, 1);
    history.add(0, 0, 1);
  }
}

function increase(history: History, fromS: number, toS: number): number {
  const into = new Float64Array(4);
  history.accumulate(0, T0 + fromS * 1000, T0 + toS * 1000, into);
  return into[0] ?? 0;
}

describe('History', () => {
  it('answers the increase in a window, taking the overlapping share of a frame the window cuts', () => {
    const history = new History({ fineSeconds: 10 });
    steady(history, 100);
    expect(increase(history, 0, 100)).toBeCloseTo(100, 5);
    expect(increase(history, 40, 60)).toBeCloseTo(20, 5);
    expect(increase(history, 45, 55)).toBeCloseTo(10, 5);
    // The open frame (91-100) counts as far as it got.
    expect(increase(history, 95, 100)).toBeCloseTo(5, 5);
    expect(increase(history, 100, 200)).toBe(0);
  });

  it('reads short windows from 5 s frames: a change shows clean once the window has passed it', () => {
    // Cell 0 (say, plaintext connections) until t = 90 s, then cell 1 (mTLS) only.
    const switched = (history: History): History => {
      for (let s = 1; s <= 105; s++) {
        history.beginTick(T0 + s * 1000, 1);
        history.add(0, s <= 90 ? 0 : 1, 1);
      }
      return history;
    };
    const into = (history: History): Float64Array => {
      const cells = new Float64Array(4);
      history.accumulate(0, T0 + 95_000, T0 + 105_000, cells);
      return cells;
    };
    expect([...into(switched(new History())).slice(0, 2)]).toEqual([0, 10]);
    // With 15 s frames only, the frame holding the change still smears it into the last 10 s.
    expect(into(switched(new History({ shortSeconds: 15 })))[0]).toBeGreaterThan(0.5);
  });

  it('merges short frames into fine ones after their horizon without losing counts', () => {
    const history = new History({ shortSeconds: 5, shortHorizonSeconds: 20, fineSeconds: 15 });
    steady(history, 300);
    expect(increase(history, 0, 300)).toBeCloseTo(300, 3);
    expect(increase(history, 30, 60)).toBeCloseTo(30, 3);
    expect(increase(history, 290, 300)).toBeCloseTo(10, 3);
    // Short frames for the last 20 s (plus one fine slot waiting), fine frames before: far fewer than 300/5.
    expect(history.entryCount()).toBeLessThan(300 / 15 + 20 / 5 + 3 + 1);
  });

  it('keeps the family apart and ignores zero increments', () => {
    const history = new History();
    history.beginTick(T0, 1);
    history.add(1, 0, 5);
    history.add(0, 0, 0);
    expect(increase(history, -10, 10)).toBe(0);
  });

  it('merges old fine frames into coarse ones without losing counts, and forgets past the horizon', () => {
    const history = new History({
      fineSeconds: 1,
      fineHorizonSeconds: 60,
      coarseSeconds: 30,
      horizonSeconds: 300,
    });
    steady(history, 200);
    const fineOnly = 60 + 30; // at most a fine horizon plus a coarse slot waiting to be merged
    expect(history.entryCount()).toBeLessThan(fineOnly + 200 / 30 + 1);
    expect(increase(history, 0, 200)).toBeCloseTo(200, 3);
    expect(increase(history, 30, 60)).toBeCloseTo(30, 3);
    for (let s = 201; s <= 600; s++) history.beginTick(T0 + s * 1000, 1);
    expect(increase(history, 0, 200)).toBe(0);
    expect(history.oldestMs()).toBeGreaterThanOrEqual(T0 + (600 - 300 - 30) * 1000);
  });
});

describe('SeriesStore', () => {
  it('stops exporting idle series after the expiry, then frees their cells once the history forgot them', () => {
    const store = new SeriesStore({
      expirySeconds: 5,
      history: { fineSeconds: 1, fineHorizonSeconds: 10, coarseSeconds: 10, horizonSeconds: 20 },
    });
    store.beginTick(T0, 1);
    const first = store.series('requests', { a: '1' }, '1');
    store.add(first, 0, 3);
    expect(store.totals[first.cell]).toBe(3);
    for (let s = 1; s <= 30; s++) store.beginTick(T0 + s * 1000, 1);
    expect(store.families.requests.live.size).toBe(0);
    expect(first.expiredMs).not.toBeNull();
    for (let s = 31; s <= 80; s++) store.beginTick(T0 + s * 1000, 1);
    expect(store.families.requests.all.size).toBe(0);
    const second = store.series('requests', { a: '2' }, '2');
    expect(second.cell).toBe(first.cell);
    expect(store.totals[second.cell]).toBe(0);
  });

  it('never lets time run backwards', () => {
    const store = new SeriesStore();
    expect(store.beginTick(T0 + 5000, 1)).toBe(T0 + 5000);
    expect(store.beginTick(T0, 1)).toBe(T0 + 5000);
  });
});
