import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The dashboard's own metrics, served at `/metrics`. One registry per process, kept on globalThis because Next.js
 * may evaluate this module more than once (route bundles, instrumentation).
 */
interface DashboardMetrics {
  registry: Registry;
  routeDuration: Histogram<'route' | 'method' | 'status'>;
  upstreamDuration: Histogram<'source' | 'operation' | 'outcome'>;
  upstreamErrors: Counter<'source' | 'operation' | 'kind'>;
  cacheObjects: Gauge<'kind'>;
}

const key = Symbol.for('meshlens.metrics');
type Holder = { [key]?: DashboardMetrics };

function create(): DashboardMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'meshlens_' });
  const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  return {
    registry,
    routeDuration: new Histogram({
      name: 'meshlens_http_request_duration_seconds',
      help: 'Time to answer a dashboard API route.',
      labelNames: ['route', 'method', 'status'],
      buckets,
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'meshlens_upstream_request_duration_seconds',
      help: 'Time of a call to Kubernetes, Prometheus or Tempo.',
      labelNames: ['source', 'operation', 'outcome'],
      buckets,
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'meshlens_upstream_errors_total',
      help: 'Failed calls to an upstream, by error kind.',
      labelNames: ['source', 'operation', 'kind'],
      registers: [registry],
    }),
    cacheObjects: new Gauge({
      name: 'meshlens_cache_objects',
      help: 'Objects held in the Kubernetes watch cache, by kind.',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
}

/** The process-wide dashboard metrics. */
export function dashboardMetrics(): DashboardMetrics {
  const holder = globalThis as Holder;
  holder[key] ??= create();
  return holder[key];
}
