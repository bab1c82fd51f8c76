/**
 * The demo mesh's telemetry in one object: feed it every tick of traffic, read it as Prometheus would (the
 * prom-client `registry`, served by `startMetricsServer`), or directly (`metrics`, `traces`).
 */
import type { Registry } from 'prom-client';
import { assembleTrace } from '@/lib/traces/assemble';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import type { TraceSource } from '@/server/traces/trace-source';
import type { Random } from '@/lib/random';
import type { Endpoint, TickTraffic } from '../model/traffic';
import { createDirectMetricsSource } from './direct-metrics-source';
import { createDirectTraceSource, TraceRing } from './direct-trace-source';
import type { HistoryOptions } from './history';
import { createRegistry } from './prom-registry';
import { recordTick } from './recorder';
import type { ReportOptions } from './reports';
import { SeriesStore } from './series-store';
import { spansOf } from './spans';

/** How to build the demo mesh's telemetry. */
export interface DemoTelemetryOptions {
  /** The only source of randomness (histogram noise, span ids): same seed and ticks, same telemetry. */
  random: Random;
  /** The ztunnel pod of each node, as a function or a map; default `ztunnel-<node>`. */
  ztunnelPodForNode?: ((node: string) => string) | ReadonlyMap<string, string>;
  /**
   * Which Envoy endpoints are gateways (they report as `source` only and trace as `router`). Default: a sidecar-
   * mode endpoint whose `app` or workload name contains `gateway` (`istio-ingressgateway`, `…-gateway-istio`).
   */
  isGateway?: (endpoint: Endpoint) => boolean;
  /** HTTP requests carried by one TCP connection, for the TCP series of HTTP traffic; default 10. */
  requestsPerConnection?: number;
  /**
   * Counter history for the direct source: default 5 s frames for 2 min, 15 s frames for 15 min, then 10 min
   * frames up to 24 h.
   */
  history?: HistoryOptions;
  /** Series without increments for this long stop being exported, in seconds; default 300. */
  expirySeconds?: number;
  /** Most traces kept for the direct trace source; default 1,000. */
  maxTraces?: number;
}

/** The demo mesh's telemetry. */
export interface DemoTelemetry {
  /** Records one tick: counters for every flow, spans for every sampled request. Ticks must not go back in time. */
  record(tick: TickTraffic): void;
  /** The istio_* series for `/metrics`. */
  readonly registry: Registry;
  /** The same series read directly, as Prometheus would answer. */
  readonly metrics: MetricsSource;
  /** The spans, searchable like Tempo: structured filters or TraceQL (a subset; see lib/traces/traceql-parse.ts). */
  readonly traces: TraceSource;
  /** The counters themselves, for tests and memory figures. */
  readonly store: SeriesStore;
}

/** The default gateway test (see {@link DemoTelemetryOptions.isGateway}). */
export function looksLikeGateway(endpoint: Endpoint): boolean {
  return endpoint.dataplane === 'sidecar' && /gateway/.test(`${endpoint.app} ${endpoint.workload}`);
}

/** Builds the telemetry of a demo mesh. */
export function createDemoTelemetry(options: DemoTelemetryOptions): DemoTelemetry {
  const pods = options.ztunnelPodForNode;
  const reportOptions: ReportOptions = {
    ztunnelPod: typeof pods === 'function' ? pods : (node) => pods?.get(node) ?? `ztunnel-${node}`,
    isGateway: options.isGateway ?? looksLikeGateway,
    requestsPerConnection: Math.max(1, options.requestsPerConnection ?? 10),
  };
  const store = new SeriesStore({ history: options.history, expirySeconds: options.expirySeconds });
  const ring = new TraceRing(options.maxTraces ?? 1000);
  const spanOptions = { isGateway: reportOptions.isGateway, random: options.random };
  return {
    record(tick) {
      recordTick(store, tick, reportOptions, options.random);
      for (const sample of tick.traces) {
        ring.add(assembleTrace(sample.traceId, spansOf(sample, spanOptions), { partial: false }));
      }
    },
    registry: createRegistry(store),
    metrics: createDirectMetricsSource(store),
    traces: createDirectTraceSource(ring),
    store,
  };
}
