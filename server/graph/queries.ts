/**
 * The graph's reads: one fixed table of metric queries for the whole selection (the same six whatever the number
 * of namespaces, and two more over a recent sub-window when one is asked for), run concurrently. A namespace
 * selection becomes `anyOf` alternatives (an edge counts when its source, destination workload or destination
 * service is in a selected namespace), so every query still reads every selected namespace at once.
 */
import type { LabelMatcher, Sample } from '@/lib/metrics/types';
import { anyOfRegex } from '@/lib/promql/escape';
import { isSourceError, type SourceErrorDTO } from '@/lib/source-error';
import type { CounterNames, MetricsSource } from '@/server/telemetry/metrics-source';
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

/** One fixed read: a counter's rate (or several counters', summed), or a histogram's quantile. */
export type GraphQuery = RateRead | QuantileRead;

/** The rate of a counter, or the summed rates of several, by the `by` labels. */
export interface RateRead {
  name: TrafficMetric;
  read: { kind: 'rate' };
  metric: CounterNames;
  by: readonly string[];
}

/** A quantile of a histogram (its base name), by the `by` labels. */
export interface QuantileRead {
  name: TrafficMetric;
  read: { kind: 'quantile'; quantile: number };
  metric: string;
  by: readonly string[];
}

const isQuantile = (q: GraphQuery): q is QuantileRead => q.read.kind === 'quantile';

const latency = (name: TrafficMetric, quantile: number): QuantileRead => ({
  name,
  read: { kind: 'quantile', quantile },
  metric: 'istio_request_duration_milliseconds',
  by: EDGE_LABELS,
});

const SENT_BYTES = 'istio_tcp_sent_bytes_total';
const RECEIVED_BYTES = 'istio_tcp_received_bytes_total';

/**
 * The graph's reads over the window, by name (docs/graph-api.md, "Queries"), with the labels its de-duplication
 * needs. A refresh issues {@link WINDOW_QUERIES}; `sentBytes` (one direction alone) is here for the views that
 * count what workloads sent back with the graph's labels (the Mesh posture), not issued by the graph.
 */
export const GRAPH_QUERIES: readonly GraphQuery[] = [
  {
    name: 'requests',
    read: { kind: 'rate' },
    metric: 'istio_requests_total',
    by: [...EDGE_LABELS, 'response_code', 'grpc_response_status', 'response_flags', ...SECURITY_LABELS],
  },
  {
    // Bytes are only ever added up (both directions of an edge), so one read sums the two counters.
    name: 'bytes',
    read: { kind: 'rate' },
    metric: [SENT_BYTES, RECEIVED_BYTES],
    by: [...EDGE_LABELS, ...SECURITY_LABELS],
  },
  {
    name: 'sentBytes',
    read: { kind: 'rate' },
    metric: SENT_BYTES,
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

/** The reads every refresh makes over the window: six. */
export const WINDOW_QUERIES: readonly GraphQuery[] = GRAPH_QUERIES.filter((q) => q.name !== 'sentBytes');

/**
 * The reads over the recent sub-window, when a refresh asks for one: two more. Only what health and the mTLS
 * share are judged on: requests by outcome and security, and the connections opened (the connections made in the
 * sub-window, whatever older ones still do) by security.
 */
export const RECENT_QUERIES: readonly GraphQuery[] = [
  {
    name: 'requests',
    read: { kind: 'rate' },
    metric: 'istio_requests_total',
    by: [...EDGE_LABELS, 'response_code', 'grpc_response_status', 'connection_security_policy'],
  },
  {
    name: 'openedConnections',
    read: { kind: 'rate' },
    metric: 'istio_tcp_connections_opened_total',
    by: [...EDGE_LABELS, 'connection_security_policy'],
  },
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

/** Samples per read that answered, by the read's name. */
export type TrafficSamples = Partial<Record<TrafficMetric, Sample[]>>;

/** What the reads gave: samples per read that answered, errors of those that failed, and how many were sent. */
export interface TrafficReads {
  /** The reads over the window. */
  samples: TrafficSamples;
  /** The reads over the recent sub-window; null when none was asked for. */
  recent: TrafficSamples | null;
  errors: SourceErrorDTO[];
  /** Queries issued. */
  issued: number;
}

/** The window and selection of one refresh. */
export interface TrafficSelection {
  namespaces: readonly string[] | '*';
  windowSeconds: number;
  /** A recent sub-window at the end of the window, in seconds, to read {@link RECENT_QUERIES} over; none if absent. */
  recentSeconds?: number | null;
  /** End of the window; the source's now when absent. */
  at?: Date;
}

/**
 * Runs {@link WINDOW_QUERIES} over the window, and {@link RECENT_QUERIES} over the recent sub-window when one is
 * asked for, all concurrently. A query that fails adds its `SourceError` to `errors` and the others still count;
 * anything that is not a `SourceError` is a bug and rejects.
 */
export async function readTraffic(
  metrics: MetricsSource,
  selection: TrafficSelection,
  signal?: AbortSignal,
): Promise<TrafficReads> {
  const recentSeconds = selection.recentSeconds ?? null;
  const [windowed, recent] = await Promise.all([
    runQueries(metrics, WINDOW_QUERIES, selection, selection.windowSeconds, signal),
    recentSeconds === null ? null : runQueries(metrics, RECENT_QUERIES, selection, recentSeconds, signal),
  ]);
  return {
    samples: windowed.samples,
    recent: recent?.samples ?? null,
    errors: [...windowed.errors, ...(recent?.errors ?? [])],
    issued: WINDOW_QUERIES.length + (recent === null ? 0 : RECENT_QUERIES.length),
  };
}

/**
 * Runs `queries` concurrently over the selection's namespaces and `windowSeconds`: the samples of those that
 * answered, by name, and the errors of those that failed. Rejects on anything that is not a `SourceError`.
 */
export async function runQueries(
  metrics: MetricsSource,
  queries: readonly GraphQuery[],
  selection: Omit<TrafficSelection, 'windowSeconds'>,
  windowSeconds: number,
  signal?: AbortSignal,
): Promise<{ samples: TrafficSamples; errors: SourceErrorDTO[] }> {
  const anyOf = namespaceAlternatives(selection.namespaces);
  const common = {
    match: [],
    windowSeconds,
    ...(anyOf ? { anyOf } : {}),
    ...(selection.at ? { at: selection.at } : {}),
  };
  const settled = await Promise.allSettled(
    queries.map((q) =>
      isQuantile(q)
        ? metrics.quantile({ ...common, metric: q.metric, by: q.by, quantile: q.read.quantile }, signal)
        : metrics.rate({ ...common, metric: q.metric, by: q.by }, signal),
    ),
  );
  const samples: TrafficSamples = {};
  const errors: SourceErrorDTO[] = [];
  settled.forEach((outcome, i) => {
    const name = queries[i]?.name;
    if (name === undefined) return;
    if (outcome.status === 'fulfilled') samples[name] = outcome.value.data;
    else if (isSourceError(outcome.reason)) errors.push(outcome.reason.toDTO());
    else throw outcome.reason;
  });
  return { samples, errors };
}

/** The error in `errors` when the dashboard has no metrics source (demo mode without a demo mesh in the process). */
export const NO_METRICS: SourceErrorDTO = {
  source: 'prometheus',
  kind: 'unavailable',
  message:
    'no metrics source: METRICS_SOURCE=demo, but no demo mesh runs in this process (start it with npm run demo)',
};
