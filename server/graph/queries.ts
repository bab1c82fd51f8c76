/**
 * The graph's reads: one fixed table of metric queries for the whole selection (the same seven whatever the number
 * of namespaces), run concurrently. A namespace selection becomes `anyOf` alternatives (an edge counts when its
 * source, destination workload or destination service is in a selected namespace), so every query still reads
 * every selected namespace at once.
 */
import type { LabelMatcher, Sample } from '@/lib/metrics/types';
import { anyOfRegex } from '@/lib/promql/escape';
import { isSourceError, type SourceErrorDTO } from '@/lib/source-error';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import type { TrafficMetric } from './model';

/** The labels that name an edge: both ends, the destination service, the protocol and who reported it. */
export const EDGE_LABELS = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'source_canonical_service',
  'source_version',
  'destination_workload',
  'destination_workload_namespace',
  'destination_canonical_service',
  'destination_version',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
  'request_protocol',
] as const;

/** The labels that say how an edge was secured. */
const SECURITY_LABELS = ['connection_security_policy', 'source_principal', 'destination_principal'] as const;

/** One fixed read. */
export interface GraphQuery {
  name: TrafficMetric;
  /** A counter's rate, or a histogram's quantile. */
  read: { kind: 'rate' } | { kind: 'quantile'; quantile: number };
  metric: string;
  by: readonly string[];
}

const latency = (name: TrafficMetric, quantile: number): GraphQuery => ({
  name,
  read: { kind: 'quantile', quantile },
  metric: 'istio_request_duration_milliseconds',
  by: EDGE_LABELS,
});

/** Every read a graph refresh makes (docs/graph-api.md, "Queries"). */
export const GRAPH_QUERIES: readonly GraphQuery[] = [
  {
    name: 'requests',
    read: { kind: 'rate' },
    metric: 'istio_requests_total',
    by: [...EDGE_LABELS, 'response_code', 'grpc_response_status', 'response_flags', ...SECURITY_LABELS],
  },
  {
    name: 'sentBytes',
    read: { kind: 'rate' },
    metric: 'istio_tcp_sent_bytes_total',
    by: [...EDGE_LABELS, ...SECURITY_LABELS],
  },
  {
    name: 'receivedBytes',
    read: { kind: 'rate' },
    metric: 'istio_tcp_received_bytes_total',
    by: [...EDGE_LABELS, ...SECURITY_LABELS],
  },
  {
    // ztunnel records a connection's outcome (DENY) when it closes, so refusals are read here.
    name: 'closedConnections',
    read: { kind: 'rate' },
    metric: 'istio_tcp_connections_closed_total',
    by: [...EDGE_LABELS, 'response_flags', ...SECURITY_LABELS],
  },
  latency('latencyP50', 0.5),
  latency('latencyP95', 0.95),
  latency('latencyP99', 0.99),
];

/** The labels that place an edge in a namespace; each is one `anyOf` alternative. */
const NAMESPACE_LABELS = [
  'source_workload_namespace',
  'destination_workload_namespace',
  'destination_service_namespace',
] as const;

/** The `anyOf` alternatives selecting edges that touch one of `namespaces`; undefined for all (`*`). */
export function namespaceAlternatives(namespaces: readonly string[] | '*'): LabelMatcher[][] | undefined {
  if (namespaces === '*') return undefined;
  const value = anyOfRegex(namespaces);
  return NAMESPACE_LABELS.map((label) => [{ label, op: '=~', value }]);
}

/** What the reads gave: samples per read that answered, errors of those that failed, and how many were sent. */
export interface TrafficReads {
  samples: Partial<Record<TrafficMetric, Sample[]>>;
  errors: SourceErrorDTO[];
  /** Queries issued. */
  issued: number;
}

/** The window and selection of one refresh. */
export interface TrafficSelection {
  namespaces: readonly string[] | '*';
  windowSeconds: number;
  /** End of the window; the source's now when absent. */
  at?: Date;
}

/**
 * Runs every query of {@link GRAPH_QUERIES} concurrently. A query that fails adds its `SourceError` to `errors`
 * and the others still count; anything that is not a `SourceError` is a bug and rejects.
 */
export async function readTraffic(
  metrics: MetricsSource,
  selection: TrafficSelection,
  signal?: AbortSignal,
): Promise<TrafficReads> {
  const anyOf = namespaceAlternatives(selection.namespaces);
  const common = {
    match: [],
    windowSeconds: selection.windowSeconds,
    ...(anyOf ? { anyOf } : {}),
    ...(selection.at ? { at: selection.at } : {}),
  };
  const settled = await Promise.allSettled(
    GRAPH_QUERIES.map((q) =>
      q.read.kind === 'rate'
        ? metrics.rate({ ...common, metric: q.metric, by: q.by }, signal)
        : metrics.quantile({ ...common, metric: q.metric, by: q.by, quantile: q.read.quantile }, signal),
    ),
  );
  const reads: TrafficReads = { samples: {}, errors: [], issued: GRAPH_QUERIES.length };
  settled.forEach((outcome, i) => {
    const name = GRAPH_QUERIES[i]?.name;
    if (name === undefined) return;
    if (outcome.status === 'fulfilled') reads.samples[name] = outcome.value.data;
    else if (isSourceError(outcome.reason)) reads.errors.push(outcome.reason.toDTO());
    else throw outcome.reason;
  });
  return reads;
}

/** The error in `errors` when the dashboard has no metrics source (demo mode without a demo mesh in the process). */
export const NO_METRICS: SourceErrorDTO = {
  source: 'prometheus',
  kind: 'unavailable',
  message:
    'no metrics source: METRICS_SOURCE=demo, but no demo mesh runs in this process (start it with npm run demo)',
};
