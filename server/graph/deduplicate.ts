/**
 * Step 2: traffic records become logical edges, each hop counted once (docs/istio-ambient.md, "Avoiding double
 * counting"; docs/graph-api.md, "De-duplication"). {@link RECORD_RULES} is the whole policy: which records make
 * an edge, with which precedence, and which are hops already carried by a waypoint's edge. Waypoints are known
 * from configuration ({@link MeshFacts}), never guessed from telemetry.
 */
import { failureClassOf } from '@/lib/graph/health';
import type { MeshFacts } from './mesh-facts';
import {
  emptyTotals,
  keyOf,
  pushTo,
  UNKNOWN,
  type EdgeTotals,
  type Peer,
  type TrafficEdge,
  type TrafficMetric,
  type TrafficRecord,
} from './model';
import { BYTE_METRICS, TCP_METRICS } from './traffic-records';

/** What a record is used for. */
type Use =
  /** Numbers of an edge; for one edge, only the records of its highest-ranked reporter count. */
  | { kind: 'edge'; layer: TrafficEdge['layer']; rank: number }
  /** A waypoint's TCP series: the bytes of the L7 edge it carries, else a TCP edge through the waypoint. */
  | { kind: 'waypoint-tcp' }
  /** A hop into or out of a waypoint (client -> waypoint, waypoint -> server): carried by the waypoint's edge. */
  | { kind: 'hop' };

interface RecordRule {
  tcp: boolean;
  when: (r: TrafficRecord, isWaypoint: (p: Peer) => boolean) => boolean;
  use: Use;
}

const touchesWaypoint = (r: TrafficRecord, isWaypoint: (p: Peer) => boolean): boolean =>
  isWaypoint(r.source) || isWaypoint(r.destination);

/** The rules, first match wins, per kind of read (requests and latency: L7; TCP counters: L4). */
export const RECORD_RULES: readonly RecordRule[] = [
  { tcp: false, when: (r) => r.reporter === 'waypoint', use: { kind: 'edge', layer: 'L7', rank: 3 } },
  { tcp: false, when: touchesWaypoint, use: { kind: 'hop' } },
  { tcp: false, when: (r) => r.reporter === 'destination', use: { kind: 'edge', layer: 'L7', rank: 2 } },
  { tcp: false, when: (r) => r.reporter === 'source', use: { kind: 'edge', layer: 'L7', rank: 1 } },
  { tcp: true, when: (r) => r.reporter === 'waypoint', use: { kind: 'waypoint-tcp' } },
  { tcp: true, when: touchesWaypoint, use: { kind: 'hop' } },
  { tcp: true, when: (r) => r.reporter === 'destination', use: { kind: 'edge', layer: 'L4', rank: 2 } },
  { tcp: true, when: (r) => r.reporter === 'source', use: { kind: 'edge', layer: 'L4', rank: 1 } },
];

/** What a record is used for: the first rule for its kind of read that holds. */
function ruleFor(r: TrafficRecord, tcp: boolean, isWaypoint: (p: Peer) => boolean): Use | undefined {
  for (const rule of RECORD_RULES) if (rule.tcp === tcp && rule.when(r, isWaypoint)) return rule.use;
  return undefined;
}

const known = (value: string): boolean => value !== '' && value !== UNKNOWN;
const failingGrpc = (status: string): boolean => status !== '' && status !== '0';

/** How each read adds a record to an edge's totals. */
const ADD: Readonly<Record<TrafficMetric, (t: EdgeTotals, r: TrafficRecord) => void>> = {
  requests: (t, r) => {
    const code = r.responseCode || '-';
    t.requests += r.value;
    t.responseCodes[code] = (t.responseCodes[code] ?? 0) + r.value;
    if (failureClassOf(code) === undefined && failingGrpc(r.grpcStatus)) t.grpcErrors += r.value;
    if (r.security === 'mutual_tls') t.mtlsRequests += r.value;
  },
  bytes: (t, r) => addBytes(t, r),
  sentBytes: (t, r) => addBytes(t, r),
  receivedBytes: (t, r) => addBytes(t, r),
  closedConnections: (t, r) => {
    addConnections(t, r);
    if (r.responseFlags.split(',').includes('DENY')) {
      t.denied += r.value;
      t.responseCodes['0'] = (t.responseCodes['0'] ?? 0) + r.value;
    }
  },
  // Read over the recent sub-window only, where no refusal is judged (ztunnel writes DENY at the close).
  openedConnections: (t, r) => addConnections(t, r),
  latencyP50: () => undefined,
  latencyP95: () => undefined,
  latencyP99: () => undefined,
};

function addConnections(t: EdgeTotals, r: TrafficRecord): void {
  t.connections += r.value;
  if (r.security === 'mutual_tls') t.mtlsConnections += r.value;
}

function addBytes(t: EdgeTotals, r: TrafficRecord): void {
  t.bytes = (t.bytes ?? 0) + r.value;
  if (r.security === 'mutual_tls') t.mtlsBytes += r.value;
}

/** Caller, callee and service: what a waypoint's TCP series and the L7 edge it carries have in common. */
const pairKey = (r: TrafficRecord): string => `${r.source.key}|${r.destination.key}|${r.service.host}`;

/** One edge being collected: its best reporter's rank and records. */
interface Candidate {
  rank: number;
  layer: TrafficEdge['layer'];
  records: TrafficRecord[];
}

/** The logical edges of the records, de-duplicated by {@link RECORD_RULES}. */
export function deduplicate(records: readonly TrafficRecord[], facts: MeshFacts): TrafficEdge[] {
  const isWaypoint = (p: Peer): boolean => facts.waypoints.has(p.key);
  const candidates = new Map<string, Candidate>();
  const waypointTcp = new Map<string, TrafficRecord[]>();
  // Which waypoint a service's traffic went to, as the client's hop shows: the fallback for `via`.
  const seenWaypoint = new Map<string, string>();
  for (const r of records) {
    const tcp = TCP_METRICS.has(r.metric);
    const use = ruleFor(r, tcp, isWaypoint);
    if (use === undefined) continue;
    if (use.kind === 'hop') {
      if (isWaypoint(r.destination)) seenWaypoint.set(r.service.host, r.destination.key);
    } else if (use.kind === 'waypoint-tcp') {
      pushTo(waypointTcp, pairKey(r), r);
    } else {
      // As trafficEdgeKey names the edge this record makes.
      const key = `${r.source.key}|${r.destination.key}|${r.service.host}|${tcp ? 'tcp' : r.protocol}|${use.layer}`;
      const current = candidates.get(key);
      if (current === undefined || use.rank > current.rank) {
        candidates.set(key, { rank: use.rank, layer: use.layer, records: [r] });
      } else if (use.rank === current.rank) current.records.push(r);
    }
  }

  const viaOf = (r: TrafficRecord): string | null =>
    facts.serviceWaypoints.get(keyOf(r.service.namespace, r.service.name))?.workload ??
    facts.workloads.get(r.destination.key)?.waypoint?.workload ??
    seenWaypoint.get(r.service.host) ??
    null;

  const edges: TrafficEdge[] = [];
  for (const { layer, records: group } of candidates.values()) {
    const first = group[0] as TrafficRecord;
    const edge = edgeOf(first, layer, first.reporter === 'waypoint' ? viaOf(first) : null, group);
    const carrier = first.reporter === 'waypoint' ? pairKey(first) : undefined;
    const carried = carrier === undefined ? undefined : waypointTcp.get(carrier);
    if (carrier !== undefined && carried) {
      // Only the bytes: the requests already tell this edge's outcomes.
      for (const r of carried) if (BYTE_METRICS.has(r.metric)) ADD[r.metric](edge.totals, r);
      waypointTcp.delete(carrier);
    }
    edges.push(edge);
  }
  // A waypoint's TCP series that no L7 edge carries: TCP traffic through the waypoint.
  for (const group of waypointTcp.values()) {
    const first = group[0] as TrafficRecord;
    edges.push(edgeOf(first, 'L4', viaOf(first), group));
  }
  return edges;
}

/** An edge from its records: totals, principals, and latency weighted by its requests. */
function edgeOf(
  first: TrafficRecord,
  layer: TrafficEdge['layer'],
  via: string | null,
  records: readonly TrafficRecord[],
): TrafficEdge {
  const totals = emptyTotals();
  const quantiles: Partial<Record<TrafficMetric, number>> = {};
  for (const r of records) {
    ADD[r.metric](totals, r);
    if (known(r.source.principal)) totals.sourcePrincipals.add(r.source.principal);
    if (known(r.destination.principal)) totals.destinationPrincipals.add(r.destination.principal);
    if (r.metric.startsWith('latency') && Number.isFinite(r.value)) {
      quantiles[r.metric] = Math.max(quantiles[r.metric] ?? 0, r.value);
    }
  }
  const { latencyP50: p50, latencyP95: p95, latencyP99: p99 } = quantiles;
  if (p50 !== undefined && p95 !== undefined && p99 !== undefined && totals.requests > 0) {
    const w = totals.requests;
    totals.latency = { p50: p50 * w, p95: p95 * w, p99: p99 * w, weight: w };
  }
  return {
    source: first.source,
    destination: first.destination,
    service: first.service,
    protocol: layer === 'L4' ? 'tcp' : first.protocol,
    layer,
    via,
    reporter: first.reporter,
    totals,
    recent: null,
  };
}
