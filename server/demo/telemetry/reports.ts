/**
 * Who reports what (docs/istio-ambient.md, "Telemetry: who reports what"): one {@link FlowSample} becomes the
 * series each proxy on its path would export. The table {@link REPORTERS} is the whole policy, one row per
 * reporting proxy; everything else in this file only derives the facts the rows read.
 */
import type { Labels } from '@/lib/metrics/types';
import type { Endpoint, FlowSample } from '../model/traffic';
import { peerOf, UNKNOWN_PEER, type Peer, type ScrapeLabels } from './istio-labels';

/** The proxies that report: ztunnel (L4 only) and the Envoys (waypoints, sidecars, gateways). */
export type ProxyKind = 'ztunnel' | 'waypoint' | 'sidecar' | 'gateway';
/** The `reporter` label. */
export type ReporterKind = 'source' | 'destination' | 'waypoint';
/** The `connection_security_policy` label: `none` is what a destination sidecar says of plaintext. */
export type SecurityPolicy = 'mutual_tls' | 'unknown' | 'none';
/** The client of a flow, by how the mesh treats it. */
export type ClientKind = 'external' | 'none' | 'ambient' | 'sidecar' | 'gateway';

/** How the mesh is laid out where the flow does not say. */
export interface ReportOptions {
  /** The ztunnel pod on a node (ztunnel is a DaemonSet in `istio-system`). */
  ztunnelPod(node: string): string;
  /** Whether an Envoy endpoint is a gateway (reports as `source` only) rather than a sidecar. */
  isGateway(endpoint: Endpoint): boolean;
  /** HTTP requests per TCP connection (keep-alive and pooling), for the TCP series of HTTP traffic. */
  requestsPerConnection: number;
}

/** What one proxy exports for one flow in one tick. */
export interface Report {
  proxy: ProxyKind;
  reporter: ReporterKind;
  /** `http`: the L7 set (requests, duration, sizes); `tcp`: the four TCP counters. */
  layer: 'http' | 'tcp';
  labels: Labels;
  /** tcp only: the labels of the closed counter, which carries the outcome (ztunnel sets `DENY` at close). */
  closedLabels?: Labels;
  /** Requests (http) or connections (tcp) in the tick; may be fractional (the recorder carries remainders). */
  count: number;
  /** http only: the latency of these requests. */
  latency: FlowSample['latency'];
  /** Bytes from client to server (requests) and back (responses), summed over the report. */
  requestBytes: number;
  responseBytes: number;
}

/** The facts about one flow the rows read. */
export interface FlowContext {
  flow: FlowSample;
  client: ClientKind;
  /** Where the client's connection goes: the waypoint when there is one, else the destination. */
  nextHop: Endpoint;
  /** The request got past every proxy in front of the server (no L7 refusal at a waypoint, no fault abort). */
  reachedServer: boolean;
  /** The connection was refused at L4 (ztunnel policy, STRICT mTLS): one connection per attempt. */
  refusedAtL4: boolean;
  options: ReportOptions;
}

/** One reporting proxy: when it sees a flow and how it labels it. */
interface ReporterRow {
  proxy: (ctx: FlowContext) => ProxyKind;
  reporter: ReporterKind;
  layer: (ctx: FlowContext) => 'http' | 'tcp';
  when: (ctx: FlowContext) => boolean;
  pod: (ctx: FlowContext) => ScrapeLabels;
  source: (ctx: FlowContext) => Peer;
  destination: (ctx: FlowContext) => Peer;
  security: (ctx: FlowContext) => SecurityPolicy;
  flags: (ctx: FlowContext) => string;
  /** ztunnel records the outcome when the connection closes; Envoy labels every series alike. */
  closedFlags?: (ctx: FlowContext) => string;
  /** Server-side proxies also see the attempts a retrying proxy made beyond `count`. */
  seesRetries: boolean;
}

const envoyClients: ReadonlySet<ClientKind> = new Set(['sidecar', 'gateway']);
const meshClients: ReadonlySet<ClientKind> = new Set(['ambient', 'sidecar', 'gateway']);
const byProtocol = ({ flow }: FlowContext): 'http' | 'tcp' =>
  flow.service.protocol === 'tcp' ? 'tcp' : 'http';
const podOf = (e: Endpoint): ScrapeLabels => ({ namespace: e.namespace, pod: e.pod.name, app: e.app });
const ztunnelOn = (node: string, ctx: FlowContext): ScrapeLabels => ({
  namespace: 'istio-system',
  pod: ctx.options.ztunnelPod(node),
  app: 'ztunnel',
});
const hbone = ({ flow }: FlowContext): boolean => flow.waypoint !== null || flow.mtls;
const client = (ctx: FlowContext): Endpoint => ctx.flow.source as Endpoint;
const waypoint = (ctx: FlowContext): Endpoint => ctx.flow.waypoint as Endpoint;
/** Envoy knows its downstream only through mTLS peer metadata; a plaintext client is `unknown`. */
const envoyDownstream = (ctx: FlowContext): Peer =>
  meshClients.has(ctx.client) ? peerOf(client(ctx), true) : UNKNOWN_PEER;

/**
 * The reporter table. Read a row as "this proxy, when this holds, reports these labels". Between them the rows
 * give the facts page's three series for a call through a waypoint (client ztunnel `source` to the waypoint,
 * waypoint `waypoint` L7 to the server, server ztunnel `destination` from the waypoint) and never count one hop
 * twice from the same side.
 */
export const REPORTERS: readonly ReporterRow[] = [
  {
    // The client's node ztunnel: L4 to the next hop. It names the destination pod it looked up, principal included.
    proxy: () => 'ztunnel',
    reporter: 'source',
    layer: () => 'tcp',
    when: (ctx) => ctx.client === 'ambient',
    pod: (ctx) => ztunnelOn(client(ctx).pod.node, ctx),
    source: (ctx) => peerOf(client(ctx), true),
    destination: (ctx) => peerOf(ctx.nextHop, true),
    security: (ctx) => (hbone(ctx) ? 'mutual_tls' : 'unknown'),
    flags: () => '-',
    seesRetries: false,
  },
  {
    // A client sidecar or gateway (Envoy): client side, so it cannot tell the security policy.
    proxy: (ctx) => (ctx.client === 'gateway' ? 'gateway' : 'sidecar'),
    reporter: 'source',
    layer: byProtocol,
    when: (ctx) => envoyClients.has(ctx.client),
    pod: (ctx) => podOf(client(ctx)),
    source: (ctx) => peerOf(client(ctx), true),
    destination: (ctx) => peerOf(ctx.nextHop, hbone(ctx)),
    security: () => 'unknown',
    flags: ({ flow }) => flow.responseFlags,
    seesRetries: false,
  },
  {
    // The waypoint, L7: client to server, with both identities (HBONE on both sides).
    proxy: () => 'waypoint',
    reporter: 'waypoint',
    layer: () => 'http',
    when: ({ flow }) => flow.waypoint !== null && flow.service.protocol !== 'tcp',
    pod: (ctx) => podOf(waypoint(ctx)),
    source: envoyDownstream,
    destination: ({ flow }) => peerOf(flow.destination, flow.destination.dataplane !== 'none'),
    security: () => 'mutual_tls',
    flags: ({ flow }) => flow.responseFlags,
    seesRetries: false,
  },
  {
    // The waypoint's TCP series, for every connection it terminates (HTTP ones too).
    proxy: () => 'waypoint',
    reporter: 'waypoint',
    layer: () => 'tcp',
    when: ({ flow }) => flow.waypoint !== null,
    pod: (ctx) => podOf(waypoint(ctx)),
    source: envoyDownstream,
    destination: ({ flow }) => peerOf(flow.destination, flow.destination.dataplane !== 'none'),
    security: () => 'mutual_tls',
    flags: ({ flow }) => (flow.service.protocol === 'tcp' ? flow.responseFlags : '-'),
    seesRetries: false,
  },
  {
    // The server's node ztunnel: L4 from whoever connected (the waypoint's identity behind a waypoint). Plaintext
    // clients in the cluster are still named (ztunnel looks their IP up), but without a principal.
    proxy: () => 'ztunnel',
    reporter: 'destination',
    layer: () => 'tcp',
    when: (ctx) => ctx.flow.destination.dataplane === 'ambient' && ctx.reachedServer,
    pod: (ctx) => ztunnelOn(ctx.flow.destination.pod.node, ctx),
    source: (ctx) => {
      const peer = ctx.flow.waypoint ?? ctx.flow.source;
      return peer ? peerOf(peer, hbone(ctx)) : UNKNOWN_PEER;
    },
    destination: ({ flow }) => peerOf(flow.destination, true),
    security: (ctx) => (hbone(ctx) ? 'mutual_tls' : 'unknown'),
    flags: () => '-',
    closedFlags: (ctx) => (ctx.refusedAtL4 ? 'DENY' : '-'),
    seesRetries: true,
  },
  {
    // The server's sidecar: knows its peer only over mTLS; says `none` of plaintext. A STRICT refusal fails the
    // TLS handshake before any request exists, so nothing is reported then.
    proxy: () => 'sidecar',
    reporter: 'destination',
    layer: byProtocol,
    when: ({ flow, reachedServer, options }) =>
      flow.destination.dataplane === 'sidecar' &&
      !options.isGateway(flow.destination) &&
      reachedServer &&
      flow.refusedBy !== 'strict-mtls',
    pod: ({ flow }) => podOf(flow.destination),
    source: ({ flow }) => {
      const peer = flow.waypoint ?? flow.source;
      return flow.mtls && peer ? peerOf(peer, true) : UNKNOWN_PEER;
    },
    destination: ({ flow }) => peerOf(flow.destination, flow.mtls),
    security: ({ flow }) => (flow.mtls ? 'mutual_tls' : 'none'),
    flags: ({ flow }) => flow.responseFlags,
    seesRetries: true,
  },
];
