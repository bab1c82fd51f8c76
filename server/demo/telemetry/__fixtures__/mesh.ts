/**
 * Hand-made endpoints and flows for the telemetry tests: a bookinfo-like ambient namespace with a waypoint, a
 * sidecar namespace, a pod outside the mesh and the ingress gateway, on three nodes.
 */
import type { Dataplane, Endpoint, FlowSample, TickTraffic, TraceHop } from '../../model/traffic';

let ip = 10;

/** An endpoint; the workload is `<app>-<version>` unless given. */
export function endpoint(
  namespace: string,
  app: string,
  options: {
    version?: string;
    dataplane?: Dataplane;
    node?: string;
    workload?: string;
    serviceAccount?: string;
  } = {},
): Endpoint {
  const version = options.version ?? 'v1';
  const workload = options.workload ?? `${app}-${version}`;
  return {
    namespace,
    workload,
    app,
    version,
    serviceAccount: options.serviceAccount ?? `bookinfo-${app}`,
    dataplane: options.dataplane ?? 'ambient',
    pod: { name: `${workload}-5d8f7-abcde`, node: options.node ?? 'node-1', ip: `10.244.0.${ip++}` },
  };
}

export const productpage = endpoint('bookinfo', 'productpage', { node: 'node-1' });
export const reviews = endpoint('bookinfo', 'reviews', { version: 'v2', node: 'node-2' });
export const ratings = endpoint('bookinfo', 'ratings', { node: 'node-2' });
export const waypoint = endpoint('bookinfo', 'waypoint', {
  version: 'latest',
  workload: 'waypoint',
  serviceAccount: 'waypoint',
  node: 'node-3',
});
export const legacyClient = endpoint('legacy', 'orders', { dataplane: 'sidecar', node: 'node-1' });
export const legacyServer = endpoint('legacy', 'inventory', { dataplane: 'sidecar', node: 'node-3' });
export const outsider = endpoint('outside', 'client', {
  dataplane: 'none',
  node: 'node-3',
  serviceAccount: 'default',
});
export const ingress = endpoint('istio-system', 'istio-ingressgateway', {
  dataplane: 'sidecar',
  workload: 'istio-ingressgateway',
  version: 'latest',
  serviceAccount: 'istio-ingressgateway-service-account',
  node: 'node-2',
});

/** A service port of an endpoint's app. */
export function serviceOf(
  e: Endpoint,
  protocol: FlowSample['service']['protocol'] = 'http',
): FlowSample['service'] {
  return { namespace: e.namespace, name: e.app, port: protocol === 'tcp' ? 5432 : 9080, protocol };
}

/**
 * One sampled request hop from `source` to `destination` (a 200 over HTTP, no waypoint, 20 ms from `startMs`),
 * overridable: the input of the span builder.
 */
export function traceHop(
  source: Endpoint | null,
  destination: Endpoint,
  rest: Partial<TraceHop> & { startMs: number },
): TraceHop {
  return {
    source,
    service: serviceOf(destination),
    destination,
    waypoint: null,
    mtls: true,
    durationMs: 20,
    responseCode: 200,
    responseFlags: '-',
    method: 'GET',
    path: `/${destination.app}`,
    children: [],
    ...rest,
  };
}

/** A successful HTTP flow of 10 requests, overridable. */
export function flow(
  source: Endpoint | null,
  destination: Endpoint,
  rest: Partial<FlowSample> = {},
): FlowSample {
  return {
    source,
    service: serviceOf(destination),
    destination,
    waypoint: null,
    mtls: source !== null && source.dataplane !== 'none',
    count: 10,
    responseCode: 200,
    responseFlags: '-',
    latency: { medianMs: 20, p99Ms: 200 },
    bytes: { sent: 10 * 300, received: 10 * 2_000 },
    retries: 0,
    ...rest,
  };
}

/** A tick of `flows` ending at `atMs`, one second long. */
export function tick(atMs: number, flows: FlowSample[], seconds = 1): TickTraffic {
  return { atMs, seconds, flows, traces: [] };
}
