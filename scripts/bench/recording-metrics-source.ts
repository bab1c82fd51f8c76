import type { MetricsSource } from '../../server/telemetry/metrics-source';

/** One call the graph made to its metrics source: which method, and how long it took to answer (or fail). */
export interface RecordedCall {
  method: 'rate' | 'quantile' | 'rateRange';
  ms: number;
}

/** A {@link MetricsSource} that records every call it forwards; `take()` returns the calls since the last take. */
export interface RecordingMetricsSource extends MetricsSource {
  take(): RecordedCall[];
}

/**
 * Wraps `inner` so that each query's duration is recorded: the decorator adds a `performance.now()` pair and
 * nothing else, so the recorded durations are those of the Prometheus-backed adapter (HTTP call and parsing).
 */
export function recordingMetricsSource(inner: MetricsSource): RecordingMetricsSource {
  let calls: RecordedCall[] = [];
  async function timed<T>(method: RecordedCall['method'], call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      calls.push({ method, ms: performance.now() - started });
    }
  }
  return {
    source: inner.source,
    resolutionSeconds: inner.resolutionSeconds,
    probe: (signal) => inner.probe(signal),
    rate: (q, signal) => timed('rate', () => inner.rate(q, signal)),
    quantile: (q, signal) => timed('quantile', () => inner.quantile(q, signal)),
    rateRange: (q, signal) => timed('rateRange', () => inner.rateRange(q, signal)),
    take(): RecordedCall[] {
      const taken = calls;
      calls = [];
      return taken;
    },
  };
}
