/**
 * Step 1: the samples of the fixed reads become traffic records, one per sample, with Istio's labels read into
 * fields. Labels a series lacks read as `unknown` (peers) or `""` (codes and flags); a protocol Istio does not
 * name (`http2`…) is filed as `http`, or `tcp` for the TCP counters.
 */
import type { Labels, Sample } from '@/lib/metrics/types';
import type { GraphEdge } from '@/lib/graph/types';
import { UNKNOWN, type Peer, type TrafficMetric, type TrafficRecord } from './model';

const PROTOCOLS: Readonly<Record<string, GraphEdge['protocol']>> = { tcp: 'tcp', grpc: 'grpc', http: 'http' };

/** Reads of ztunnel's and Envoy's byte counters (summed both ways, or one direction). */
export const BYTE_METRICS: ReadonlySet<TrafficMetric> = new Set(['bytes', 'sentBytes', 'receivedBytes']);

/** Reads of ztunnel's and Envoy's TCP counters. */
export const TCP_METRICS: ReadonlySet<TrafficMetric> = new Set([
  ...BYTE_METRICS,
  'closedConnections',
  'openedConnections',
]);

const or = (value: string | undefined): string => value || UNKNOWN;

// Written out label by label: this runs for every sample (tens of thousands in a large mesh).
function sourcePeer(l: Labels): Peer {
  const workload = or(l.source_workload);
  const namespace = or(l.source_workload_namespace);
  const principal = or(l.source_principal);
  const app = or(l.source_canonical_service);
  return {
    key: `${namespace}/${workload}`,
    workload,
    namespace,
    app,
    version: or(l.source_version),
    principal,
  };
}

function destinationPeer(l: Labels): Peer {
  const workload = or(l.destination_workload);
  const namespace = or(l.destination_workload_namespace);
  const principal = or(l.destination_principal);
  const app = or(l.destination_canonical_service);
  return {
    key: `${namespace}/${workload}`,
    workload,
    namespace,
    app,
    version: or(l.destination_version),
    principal,
  };
}

/** The record of one sample of the read `metric`. */
export function trafficRecord(metric: TrafficMetric, sample: Sample): TrafficRecord {
  const { labels } = sample;
  return {
    metric,
    reporter: labels.reporter ?? '',
    source: sourcePeer(labels),
    destination: destinationPeer(labels),
    service: {
      host: labels.destination_service || UNKNOWN,
      name: labels.destination_service_name || UNKNOWN,
      namespace: labels.destination_service_namespace || UNKNOWN,
    },
    protocol: PROTOCOLS[labels.request_protocol ?? ''] ?? (TCP_METRICS.has(metric) ? 'tcp' : 'http'),
    responseCode: labels.response_code ?? '',
    grpcStatus: labels.grpc_response_status ?? '',
    responseFlags: labels.response_flags ?? '',
    security: labels.connection_security_policy ?? UNKNOWN,
    value: sample.value,
  };
}

/** Every sample of every read that answered, as records. */
export function trafficRecords(samples: Partial<Record<TrafficMetric, readonly Sample[]>>): TrafficRecord[] {
  const records: TrafficRecord[] = [];
  for (const [metric, list] of Object.entries(samples) as [TrafficMetric, readonly Sample[]][]) {
    for (const sample of list) records.push(trafficRecord(metric, sample));
  }
  return records;
}
