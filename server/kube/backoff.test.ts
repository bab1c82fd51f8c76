import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from './backoff';

describe('backoff', () => {
  const noJitter = { initialMs: 500, maxMs: 30_000, jitter: 0 };
  it('doubles from the initial delay up to the ceiling', () => {
    expect([1, 2, 3, 4, 7, 8, 50].map((n) => backoffDelay(n, noJitter))).toEqual([
      500, 1000, 2000, 4000, 30_000, 30_000, 30_000,
    ]);
  });

  it('spreads by the jitter but never above the ceiling', () => {
    const opts = { initialMs: 1000, maxMs: 1000, jitter: 0.5 };
    expect(backoffDelay(1, opts, () => 0)).toBe(500);
    expect(backoffDelay(1, opts, () => 1)).toBe(1000);
  });

  it('sleeps, and wakes early when aborted', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const pending = sleep(10_000, abort.signal);
    abort.abort();
    await pending;
    expect(Date.now() - started).toBeLessThan(1000);
    await sleep(5, new AbortController().signal);
  });
});
