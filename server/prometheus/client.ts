import 'server-only';
import type { HealthProbe, ProbeResult } from '@/lib/health';
import type { MetricsResult, RangeSeries } from '@/lib/metrics/types';
import { isSourceError } from '@/lib/source-error';
import { callUpstream } from '@/server/http/upstream';
import { isRecord, parseEnvelope } from './envelope';
import { prometheusError } from './errors';
import { parseQueryResponse, type QueryData } from './query-data';
import { apiCall, unixSeconds, type PrometheusConfig } from './request';

export type { QueryData, TimedValue } from './query-data';
export { MAX_GET_QUERY_LENGTH, type PrometheusConfig } from './request';

/** Options of an instant query. */
export interface InstantQueryOptions {
  /** Evaluation time; the server's "now" when absent. */
  time?: Date;
  signal?: AbortSignal;
}

/** Options of a range query: points at `start`, `start + step`, … up to `end`. */
export interface RangeQueryOptions {
  start: Date;
  end: Date;
  /** Seconds between points; Prometheus refuses more than 11,000 points per series. */
  stepSeconds: number;
  signal?: AbortSignal;
}

/** What `/api/v1/status/buildinfo` tells. */
export interface PrometheusBuildInfo {
  /** e.g. `2.42.0`. */
  version: string;
  revision?: string;
}

/** A Prometheus HTTP API client. Every method throws a `SourceError` (source `prometheus`) on failure. */
export interface PrometheusClient extends HealthProbe {
  readonly source: 'prometheus';
  /** `/api/v1/query`: evaluates `promql` at one instant. */
  query(promql: string, options?: InstantQueryOptions): Promise<MetricsResult<QueryData>>;
  /** `/api/v1/query_range`: evaluates `promql` over a range; the answer is always a matrix. */
  queryRange(promql: string, options: RangeQueryOptions): Promise<MetricsResult<RangeSeries[]>>;
  /** `/api/v1/status/buildinfo`. */
  buildInfo(signal?: AbortSignal): Promise<PrometheusBuildInfo>;
  /** Healthy when buildinfo answers (`{version}`); servers without buildinfo are probed with a query. */
  probe(signal?: AbortSignal): Promise<ProbeResult>;
}

/** Tuning that is not configuration. */
export interface PrometheusClientOptions {
  /** Encoded parameters longer than this are POSTed (default {@link MAX_GET_QUERY_LENGTH}). */
  maxGetQueryLength?: number;
}

/** A client for the API at `config.url`, with `config.headers` on every call and `config.timeoutMs` per call. */
export function createPrometheusClient(
  config: PrometheusConfig,
  options: PrometheusClientOptions = {},
): PrometheusClient {
  async function call(operation: string, path: string, params: URLSearchParams, signal?: AbortSignal) {
    const { url, method, form } = apiCall(config.url, path, params, options.maxGetQueryLength);
    const req = { source: 'prometheus' as const, operation, url, method, form, signal };
    const res = await callUpstream({ ...req, headers: config.headers, timeoutMs: config.timeoutMs });
    return { res, ctx: { operation, url } };
  }

  function queryParams(promql: string, extra: Record<string, string>): URLSearchParams {
    return new URLSearchParams({ query: promql, ...extra, timeout: `${Math.ceil(config.timeoutMs)}ms` });
  }

  const client: PrometheusClient = {
    source: 'prometheus',
    async query(promql, { time, signal } = {}) {
      const params = queryParams(promql, time === undefined ? {} : { time: unixSeconds(time) });
      const { res, ctx } = await call('query', 'api/v1/query', params, signal);
      return parseQueryResponse(res, ctx);
    },
    async queryRange(promql, { start, end, stepSeconds, signal }) {
      const params = queryParams(promql, {
        start: unixSeconds(start),
        end: unixSeconds(end),
        step: String(stepSeconds),
      });
      const { res, ctx } = await call('query_range', 'api/v1/query_range', params, signal);
      const { data, warnings } = parseQueryResponse(res, ctx);
      if (data.resultType !== 'matrix') {
        throw prometheusError(ctx, 'bad_response', `expected a matrix, got a ${data.resultType}`, res.status);
      }
      return { data: data.result, warnings };
    },
    async buildInfo(signal) {
      const { res, ctx } = await call('buildinfo', 'api/v1/status/buildinfo', new URLSearchParams(), signal);
      const { data } = parseEnvelope(res, ctx);
      if (!isRecord(data) || typeof data.version !== 'string') {
        throw prometheusError(ctx, 'bad_response', 'unexpected answer: data.version is missing', res.status);
      }
      return typeof data.revision === 'string'
        ? { version: data.version, revision: data.revision }
        : { version: data.version };
    },
    async probe(signal) {
      try {
        return { version: (await client.buildInfo(signal)).version };
      } catch (error) {
        // Older Thanos and Cortex have no buildinfo endpoint: a trivial query proves the API works.
        if (!isSourceError(error) || error.status !== 404) throw error;
        await client.query('vector(1)', { signal });
        return { detail: 'version unknown (no buildinfo endpoint)' };
      }
    },
  };
  return client;
}
