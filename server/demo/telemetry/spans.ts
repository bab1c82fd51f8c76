/**
 * Spans as Istio's Envoys make them, from the engine's sampled requests. Only Envoy proxies trace: a client sidecar
 * or gateway makes a client span, a waypoint a server span and a client span, a server sidecar a server span;
 * ztunnel makes none. Spans of one hop nest inside each other, and the first span of a hop is the child of the last
 * span of the hop that caused it (the application forwards the trace context), all under the sample's trace id.
 */
import type { Attributes, Span, SpanKind } from '@/lib/traces/types';
import type { Random } from '@/lib/random';
import type { Endpoint, TraceHop, TraceSample } from '../model/traffic';

/** What the span builder needs to know beyond the sample. */
export interface SpanOptions {
  /** Whether an Envoy endpoint is a gateway (its spans say `router`) rather than a sidecar. */
  isGateway(endpoint: Endpoint): boolean;
  /** For span ids. */
  random: Random;
}

/** Envoy's error messages for the response flags that end a request locally. */
const FLAG_MESSAGES: Readonly<Record<string, string>> = {
  UF: 'upstream connect error or disconnect/reset before headers',
  UT: 'upstream request timeout',
  URX: 'upstream retries exhausted',
  FI: 'fault filter abort',
};

/** How far each nested span starts after (and ends before) the one that encloses it, in ms. */
const NESTING_MS = 0.05;

/** One span to make for a hop: which Envoy, in which role. */
interface SpanPlan {
  proxy: Endpoint;
  nodeType: 'sidecar' | 'router' | 'waypoint';
  kind: SpanKind;
  upstreamCluster: string;
  /** Waypoint spans name both ends of the call. */
  ends: boolean;
}

/** The spans of one sampled request, unsorted. */
export function spansOf(sample: TraceSample, options: SpanOptions): Span[] {
  const spans: Span[] = [];
  const visit = (hop: TraceHop, parent: string | null, depth: number): void => {
    let last = parent;
    planHop(hop, options).forEach((plan, i) => {
      const span = makeSpan(sample.traceId, hop, plan, last, i, options.random);
      spans.push(span);
      last = span.spanId;
    });
    // A refused or fault-aborted request never reached the server, so it caused no calls. The depth bound guards
    // against a cyclic tree.
    const reached = hop.refusedBy === undefined && !hop.responseFlags.split(',').includes('FI');
    if (reached && depth < 64) for (const child of hop.children) visit(child, last, depth + 1);
  };
  visit(sample.root, null, 0);
  return spans;
}

/** The Envoys a hop passes, in order. A refusal or a fault abort stops the chain where it happens. */
function planHop(hop: TraceHop, options: SpanOptions): SpanPlan[] {
  const fqdn = `${hop.service.name}.${hop.service.namespace}.svc.cluster.local`;
  const outbound = `outbound|${hop.service.port}||${fqdn}`;
  const plans: SpanPlan[] = [];
  const { source, waypoint, destination } = hop;
  if (source?.dataplane === 'sidecar') {
    const router = options.isGateway(source);
    plans.push({
      proxy: source,
      nodeType: router ? 'router' : 'sidecar',
      kind: 'client',
      upstreamCluster: outbound,
      ends: false,
    });
  }
  // A fault abort happens where routing happens: at the waypoint when the hop has one, else at the client's sidecar.
  const faulted = hop.responseFlags.split(',').includes('FI');
  if (waypoint) {
    const cluster = `inbound-vip|${hop.service.port}|http|${fqdn}`;
    plans.push({
      proxy: waypoint,
      nodeType: 'waypoint',
      kind: 'server',
      upstreamCluster: cluster,
      ends: true,
    });
    if (hop.refusedBy === 'l7-policy' || faulted) return plans;
    plans.push({
      proxy: waypoint,
      nodeType: 'waypoint',
      kind: 'client',
      upstreamCluster: cluster,
      ends: true,
    });
  }
  const serverSidecar =
    destination.dataplane === 'sidecar' && !options.isGateway(destination) && hop.refusedBy !== 'strict-mtls';
  if (serverSidecar && !faulted) {
    plans.push({
      proxy: destination,
      nodeType: 'sidecar',
      kind: 'server',
      upstreamCluster: `inbound|${hop.service.port}||`,
      ends: false,
    });
  }
  return plans;
}

function makeSpan(
  traceId: string,
  hop: TraceHop,
  plan: SpanPlan,
  parentSpanId: string | null,
  position: number,
  random: Random,
): Span {
  const inset = Math.min(NESTING_MS * position, hop.durationMs / 4);
  const startMs = Math.round((hop.startMs + inset) * 1000) / 1000;
  const durationMs = Math.round((hop.durationMs - 2 * inset) * 1000) / 1000;
  const error = hop.responseCode >= 500 || hop.responseCode === 0;
  const message = FLAG_MESSAGES[hop.responseFlags];
  const service = serviceName(plan.proxy);
  return {
    traceId,
    spanId: spanId(random),
    parentSpanId,
    name: `${hop.service.name}.${hop.service.namespace}.svc.cluster.local:${hop.service.port}${hop.path}`,
    service,
    kind: plan.kind,
    startTimeUnixNano: (BigInt(Math.round(startMs * 1000)) * 1000n).toString(),
    startMs,
    durationMs,
    status: error ? (message ? { code: 'error', message } : { code: 'error' }) : { code: 'unset' },
    attributes: attributes(hop, plan),
    resource: { 'service.name': service },
    events: [],
  };
}

/** Istio's tracing service name: `<canonical service>.<namespace>`, e.g. `reviews.bookinfo`, `waypoint.bookinfo`. */
export function serviceName(proxy: Endpoint): string {
  return `${proxy.app || proxy.workload}.${proxy.namespace}`;
}

function attributes(hop: TraceHop, plan: SpanPlan): Attributes {
  const { proxy } = plan;
  const fqdn = `${hop.service.name}.${hop.service.namespace}.svc.cluster.local`;
  const attrs: Attributes = {
    node_id: `${plan.nodeType}~${proxy.pod.ip}~${proxy.pod.name}.${proxy.namespace}~${proxy.namespace}.svc.cluster.local`,
    component: 'proxy',
    'http.method': hop.method,
    'http.url': `http://${fqdn}:${hop.service.port}${hop.path}`,
    'http.protocol': hop.service.protocol === 'grpc' ? 'HTTP/2' : 'HTTP/1.1',
    upstream_cluster: plan.upstreamCluster,
    response_flags: hop.responseFlags,
    'istio.mesh_id': 'cluster.local',
    'istio.namespace': proxy.namespace,
    'istio.canonical_service': proxy.app,
    'istio.canonical_revision': proxy.version,
  };
  if (hop.responseCode > 0) attrs['http.status_code'] = hop.responseCode;
  if (plan.ends) {
    attrs['istio.source_workload'] = hop.source?.workload ?? 'unknown';
    attrs['istio.source_namespace'] = hop.source?.namespace ?? 'unknown';
    attrs['istio.destination_workload'] = hop.destination.workload;
    attrs['istio.destination_namespace'] = hop.destination.namespace;
    attrs['istio.destination_service'] = fqdn;
  }
  return attrs;
}

/** 16 lowercase hex digits, never all zeros. */
function spanId(random: Random): string {
  const word = (): string =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  const id = word() + word();
  return /^0+$/.test(id) ? '0000000000000001' : id;
}
