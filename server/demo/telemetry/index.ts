/**
 * The demo mesh's telemetry: istio_* series as ztunnel, waypoints, sidecars and gateways report them (served to a
 * real Prometheus through prom-client), and the direct MetricsSource and TraceSource the dashboard reads in-process.
 *
 * ```ts
 * const telemetry = createDemoTelemetry({ random: forkRandom(seed, 'telemetry') });
 * telemetry.record(tick);                                   // every tick of the traffic engine
 * const server = await startMetricsServer(telemetry.registry); // http://127.0.0.1:PORT/metrics
 * await telemetry.metrics.rate({ metric: 'istio_requests_total', by: ['destination_workload'], match: [], windowSeconds: 60 });
 * ```
 */
export {
  createDemoTelemetry,
  looksLikeGateway,
  type DemoTelemetry,
  type DemoTelemetryOptions,
} from './demo-telemetry';
export { startMetricsServer, type MetricsServer } from './metrics-server';
export { createDirectMetricsSource } from './direct-metrics-source';
export { createDirectTraceSource, TraceRing } from './direct-trace-source';
export { ISTIO_BUCKETS, FAMILIES } from './families';
export { REPORTERS, type Report, type ProxyKind, type ReporterKind } from './reports';
export { reportsFor } from './flow-reports';
export type { HistoryOptions } from './history';
