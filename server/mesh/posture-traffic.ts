/**
 * The posture's traffic: three of the graph's fixed reads (requests, closed connections, bytes sent back), for the
 * whole mesh at once and run concurrently, so the number of queries never depends on the number of namespaces.
 * The samples go through the graph's own steps 1 and 2 (`trafficRecords`, `deduplicate` with its reporter table,
 * `borrowL4Security`), so each hop is counted once exactly as the graph counts it (a call through a waypoint is the
 * waypoint's L7 series, never also the ztunnel hops; a sidecar's destination report beats its source report), and
 * the logical edges are summed by the namespace they arrive in.
 */
import { countsFromCodes } from '@/lib/graph/health';
import type { NamespaceTraffic } from '@/lib/mesh/types';
import type { Sample } from '@/lib/metrics/types';
import { isSourceError, type SourceErrorDTO } from '@/lib/source-error';
import { deduplicate } from '@/server/graph/deduplicate';
import type { MeshFacts } from '@/server/graph/mesh-facts';
import { UNKNOWN, type TrafficEdge, type TrafficMetric } from '@/server/graph/model';
import { GRAPH_QUERIES } from '@/server/graph/queries';
import { borrowL4Security } from '@/server/graph/security';
import { trafficRecords } from '@/server/graph/traffic-records';
import type { MetricsSource } from '@/server/telemetry/metrics-source';

/** The graph reads the posture needs, with the graph's labels so that its de-duplication applies unchanged. */
export const POSTURE_QUERIES = GRAPH_QUERIES.filter((q) =>
  (['requests', 'closedConnections', 'sentBytes'] as TrafficMetric[]).includes(q.name),
);

/** What the reads gave; `samples` is null when any read failed (partial rates would mislead). */
export interface PostureReads {
  samples: Partial<Record<TrafficMetric, Sample[]>> | null;
  errors: SourceErrorDTO[];
  /** Queries issued. */
  issued: number;
}

/** Runs {@link POSTURE_QUERIES} concurrently over every namespace. Anything but a `SourceError` rejects (a bug). */
export async function readPostureTraffic(
  metrics: MetricsSource,
  window: { windowSeconds: number; at?: Date },
  signal?: AbortSignal,
): Promise<PostureReads> {
  const settled = await Promise.allSettled(
    POSTURE_QUERIES.map((q) => metrics.rate({ match: [], ...window, metric: q.metric, by: q.by }, signal)),
  );
  const samples: Partial<Record<TrafficMetric, Sample[]>> = {};
  const errors: SourceErrorDTO[] = [];
  settled.forEach((outcome, i) => {
    const name = POSTURE_QUERIES[i]?.name;
    if (name === undefined) return;
    if (outcome.status === 'fulfilled') samples[name] = outcome.value.data;
    else if (isSourceError(outcome.reason)) errors.push(outcome.reason.toDTO());
    else throw outcome.reason;
  });
  return { samples: errors.length > 0 ? null : samples, errors, issued: POSTURE_QUERIES.length };
}

/** Sums that add up per namespace; shares are taken at the end. */
interface Sums {
  requests: number;
  errors: number;
  clientErrors: number;
  mtlsRequests: number;
  connections: number;
  denied: number;
  mtlsConnections: number;
  bytes: number;
  l4Bytes: number;
  mtlsL4Bytes: number;
}

const emptySums = (): Sums => ({
  requests: 0,
  errors: 0,
  clientErrors: 0,
  mtlsRequests: 0,
  connections: 0,
  denied: 0,
  mtlsConnections: 0,
  bytes: 0,
  l4Bytes: 0,
  mtlsL4Bytes: 0,
});

/** The namespace an edge arrives in: its destination workload's, else its destination service's. */
function arrivalNamespace(edge: TrafficEdge): string | undefined {
  const ns = edge.destination.namespace !== UNKNOWN ? edge.destination.namespace : edge.service.namespace;
  return ns === UNKNOWN || ns === '' ? undefined : ns;
}

function add(sums: Sums, edge: TrafficEdge): void {
  const t = edge.totals;
  sums.bytes += t.bytes ?? 0;
  if (edge.layer === 'L4') {
    sums.connections += t.connections;
    sums.denied += t.denied;
    sums.mtlsConnections += t.mtlsConnections;
    sums.l4Bytes += t.bytes ?? 0;
    sums.mtlsL4Bytes += t.mtlsBytes;
    return;
  }
  const counts = countsFromCodes(t.responseCodes);
  sums.requests += t.requests;
  sums.errors += (counts.failed['5xx'] ?? 0) + t.grpcErrors;
  sums.clientErrors += counts.failed['4xx'] ?? 0;
  sums.mtlsRequests += t.mtlsRequests;
}

function traffic(s: Sums): NamespaceTraffic {
  const l7 = s.requests > 0 ? s.mtlsRequests / s.requests : null;
  const l4 =
    s.connections > 0 ? s.mtlsConnections / s.connections : s.l4Bytes > 0 ? s.mtlsL4Bytes / s.l4Bytes : null;
  const shares = [l7, l4].filter((share): share is number => share !== null);
  return {
    requestsPerSecond: s.requests,
    errorsPerSecond: s.errors,
    clientErrorsPerSecond: s.clientErrors,
    connectionsPerSecond: s.connections,
    deniedPerSecond: s.denied,
    bytesPerSecond: s.bytes,
    mtlsShare: shares.length === 0 ? null : Math.min(...shares),
  };
}

/** Inbound traffic per namespace from the reads' samples, each hop counted once (see the module comment). */
export function trafficByNamespace(
  samples: Partial<Record<TrafficMetric, readonly Sample[]>>,
  facts: MeshFacts,
): Map<string, NamespaceTraffic> {
  const edges = deduplicate(trafficRecords(samples), facts);
  borrowL4Security(edges);
  const sums = new Map<string, Sums>();
  for (const edge of edges) {
    const ns = arrivalNamespace(edge);
    if (ns === undefined) continue;
    let s = sums.get(ns);
    if (s === undefined) sums.set(ns, (s = emptySums()));
    add(s, edge);
  }
  return new Map([...sums].map(([ns, s]) => [ns, traffic(s)]));
}
