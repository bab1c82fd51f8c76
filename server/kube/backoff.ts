import 'server-only';

/** Bounded exponential backoff for reconnects and retries. */
export interface BackoffOptions {
  /** Delay after the first failure, in milliseconds. */
  initialMs: number;
  /** The ceiling, in milliseconds. */
  maxMs: number;
  /** Random spread as a fraction of the delay (0.2 = ±20 %), so that many watches do not reconnect in step. */
  jitter: number;
}

/** Half a second, doubling to at most 30 seconds, ±20 %. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, jitter: 0.2 };

/**
 * The delay before retry number `attempt` (1 for the first retry): `initialMs * 2^(attempt-1)`, capped at `maxMs`,
 * then spread by the jitter (and never above `maxMs`).
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const base = Math.min(options.initialMs * 2 ** exponent, options.maxMs);
  const spread = base * options.jitter * (2 * random() - 1);
  return Math.round(Math.min(Math.max(base + spread, 0), options.maxMs));
}

/** Waits `ms` milliseconds, or less when `signal` aborts; never rejects. The timer does not keep the process alive. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * `promise`, or a rejection as soon as `signal` aborts: so that stopping never waits on a request that ignores its
 * signal (the request itself is aborted through the same signal where it supports it).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('stopped', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('stopped', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
