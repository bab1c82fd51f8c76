/**
 * The istio_* metric families the demo mesh exports, as a table: name, type, help text and histogram buckets,
 * written the way ztunnel and Istio's Envoy stats extension name them.
 */

/** Envoy's default histogram buckets, which Istio keeps for durations (ms) and sizes (bytes). */
export const ISTIO_BUCKETS: readonly number[] = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000,
  3600000,
];

/** A counter family, or a classic histogram (`_bucket` by `le`, `_sum`, `_count`). */
export type FamilyKind = 'counter' | 'histogram';

/** One metric family. */
export interface FamilySpec {
  /** The exposed name; for a histogram, the base name without `_bucket`/`_sum`/`_count`. */
  name: string;
  kind: FamilyKind;
  help: string;
  /** Finite upper bounds of a histogram, ascending (the `+Inf` bucket is implied). */
  buckets?: readonly number[];
}

/** The families, keyed by what the recorder calls them. */
export const FAMILIES = {
  tcpOpened: {
    name: 'istio_tcp_connections_opened_total',
    kind: 'counter',
    help: 'The total number of TCP connections opened',
  },
  tcpClosed: {
    name: 'istio_tcp_connections_closed_total',
    kind: 'counter',
    help: 'The total number of TCP connections closed',
  },
  tcpSent: {
    name: 'istio_tcp_sent_bytes_total',
    kind: 'counter',
    help: 'The size of total bytes sent during response in case of a TCP connection',
  },
  tcpReceived: {
    name: 'istio_tcp_received_bytes_total',
    kind: 'counter',
    help: 'The size of total bytes received during request in case of a TCP connection',
  },
  requests: { name: 'istio_requests_total', kind: 'counter', help: 'The total number of requests' },
  duration: {
    name: 'istio_request_duration_milliseconds',
    kind: 'histogram',
    help: 'The duration of requests in milliseconds',
    buckets: ISTIO_BUCKETS,
  },
  requestBytes: {
    name: 'istio_request_bytes',
    kind: 'histogram',
    help: 'The size of HTTP request bodies in bytes',
    buckets: ISTIO_BUCKETS,
  },
  responseBytes: {
    name: 'istio_response_bytes',
    kind: 'histogram',
    help: 'The size of HTTP response bodies in bytes',
    buckets: ISTIO_BUCKETS,
  },
} as const satisfies Record<string, FamilySpec>;

/** What the recorder calls a family. */
export type FamilyKey = keyof typeof FAMILIES;

/** The suffixes of a histogram's exposed series. */
export const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'] as const;

/** A histogram's exposed component. */
export type HistogramPart = 'bucket' | 'sum' | 'count';

/** The `le` label value of a bucket bound, as Prometheus's clients write it. */
export function leLabel(bound: number): string {
  return bound === Infinity ? '+Inf' : String(bound);
}
