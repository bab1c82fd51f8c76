import 'server-only';
import type { MetricsResult, Sample } from '@/lib/metrics/types';
import { histogramQuantile, sumByRate } from '@/lib/promql/builders';
import { SourceError } from '@/lib/source-error';
import type { PrometheusClient } from '@/server/prometheus/client';
import type { MetricsSource } from './metrics-source';

/**
 * Builds PromQL for a port call; a name or window the builders refuse becomes a `bad_query` SourceError before
 * anything is sent.
 */
function build(make: () => string): string {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new SourceError('prometheus', 'bad_query', `prometheus: ${error.message}`, { cause: error });
  }
}

async function instantVector(
  client: PrometheusClient,
  promql: string,
  at: Date | undefined,
  signal: AbortSignal | undefined,
): Promise<MetricsResult<Sample[]>> {
  const { data, warnings } = await client.query(promql, { time: at, signal });
  if (data.resultType !== 'vector') {
    throw new SourceError(
      'prometheus',
      'bad_response',
      `prometheus query: expected a vector, got a ${data.resultType}`,
    );
  }
  return { data: data.result, warnings };
}

/**
 * The {@link MetricsSource} port over a Prometheus-compatible API (Prometheus, Thanos, Mimir, Cortex), whose scrape
 * interval is `scrapeIntervalSeconds` (`PROMETHEUS_SCRAPE_INTERVAL`).
 */
export function createPrometheusMetricsSource(
  client: PrometheusClient,
  scrapeIntervalSeconds: number,
): MetricsSource {
  // async throughout: a refused name must reject the returned promise, not throw at the call.
  return {
    source: 'prometheus',
    resolutionSeconds: scrapeIntervalSeconds,
    probe: (signal) => client.probe(signal),
    rate: async (q, signal) =>
      instantVector(
        client,
        build(() => sumByRate(q)),
        q.at,
        signal,
      ),
    quantile: async (q, signal) =>
      instantVector(
        client,
        build(() => histogramQuantile(q)),
        q.at,
        signal,
      ),
    rateRange: async (q, signal) => {
      const promql = build(() => sumByRate(q));
      return client.queryRange(promql, { start: q.start, end: q.end, stepSeconds: q.stepSeconds, signal });
    },
  };
}
