/**
 * A live fixture for integration tests: a prom-client registry with Istio's L7 metrics (`istio_requests_total`,
 * `istio_request_duration_milliseconds`), served on 127.0.0.1. Every scrape first adds one "tick" of
 * {@link TRAFFIC}, so a rate over scrapes every `s` seconds is `perTick / s` per second, and quantiles are exact.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { Counter, Histogram, Registry } from 'prom-client';

const LABELS = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'destination_workload',
  'destination_workload_namespace',
  'destination_service',
  'response_code',
  'request_protocol',
  'connection_security_policy',
] as const;

type IstioLabels = Record<(typeof LABELS)[number], string>;

/** A namespace whose name needs escaping both in the exposition format and in PromQL. */
export const ODD_NAMESPACE = 'we"ird\\ns}\n#';

function edge(from: string, to: string, code: string, namespace = 'bookinfo'): IstioLabels {
  return {
    reporter: 'waypoint',
    source_workload: from,
    source_workload_namespace: 'bookinfo',
    destination_workload: to,
    destination_workload_namespace: namespace,
    destination_service: `${to.replace(/-v\d+$/, '')}.${namespace}.svc.cluster.local`,
    response_code: code,
    request_protocol: 'http',
    connection_security_policy: 'mutual_tls',
  };
}

/** What one scrape adds: `perTick` requests, each observed with `latencyMs`. */
export const TRAFFIC: ReadonlyArray<{ labels: IstioLabels; perTick: number; latencyMs: number }> = [
  { labels: edge('productpage-v1', 'reviews-v1', '200'), perTick: 10, latencyMs: 30 },
  { labels: edge('productpage-v1', 'reviews-v2', '200'), perTick: 4, latencyMs: 7 },
  { labels: edge('productpage-v1', 'reviews-v2', '503'), perTick: 1, latencyMs: 7 },
  { labels: edge('productpage-v1', 'details-v1', '200'), perTick: 2, latencyMs: 3 },
  { labels: edge('client', 'odd-v1', '200', ODD_NAMESPACE), perTick: 1, latencyMs: 3 },
];

/** A running exporter. */
export interface IstioExporter {
  /** `127.0.0.1:port`, for a scrape target. */
  address: string;
  /** How many times `/metrics` was served. */
  scrapes(): number;
  close(): Promise<void>;
}

/** Starts the exporter on a free loopback port. */
export async function startIstioExporter(): Promise<IstioExporter> {
  const registry = new Registry();
  const requests = new Counter({
    name: 'istio_requests_total',
    help: 'Requests.',
    labelNames: LABELS,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'istio_request_duration_milliseconds',
    help: 'Request duration.',
    labelNames: LABELS,
    buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
    registers: [registry],
  });
  let scrapes = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end();
    scrapes++;
    for (const { labels, perTick, latencyMs } of TRAFFIC) {
      requests.inc(labels, perTick);
      for (let i = 0; i < perTick; i++) duration.observe(labels, latencyMs);
    }
    void registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('exporter has no TCP address');
  return {
    address: `127.0.0.1:${address.port}`,
    scrapes: () => scrapes,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
