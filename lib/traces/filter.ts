import type { Span } from './types';

/**
 * The structured trace search every trace source understands. A trace matches when ONE of its spans satisfies
 * every given condition at once (TraceQL's `{ a && b }`). Unset and empty-string fields are ignored; an empty
 * filter matches every trace.
 */
export interface SpanFilter {
  /** The span's `service.name`, exactly. Istio proxies report `<canonical service>.<namespace>`, e.g. `reviews.bookinfo`. */
  service?: string;
  /** A namespace the span involves; see {@link FILTER_ATTRIBUTES} for the attributes compared. */
  namespace?: string;
  /** A workload (Deployment name, e.g. `reviews-v1`) the span involves; see {@link FILTER_ATTRIBUTES}. */
  workload?: string;
  /** Only spans whose status is `error`. */
  errorsOnly?: boolean;
  /** The span lasted at least this long, in milliseconds (inclusive). */
  minDurationMs?: number;
  /** The span lasted at most this long, in milliseconds (inclusive). */
  maxDurationMs?: number;
}

/** Where an attribute lives: on the span itself or on the resource (process) that produced it. */
export interface AttributeRef {
  scope: 'span' | 'resource';
  key: string;
}

/**
 * Which attributes the `namespace` and `workload` conditions compare; a condition holds when any of them equals the
 * value. Shared by the TraceQL builder and {@link spanMatchesFilter} so that Tempo and the demo mesh agree.
 * Sidecar spans carry no workload attribute (only `node_id`, which holds the pod name), so `workload` finds them
 * only through the waypoint spans of ambient mode or OpenTelemetry's Kubernetes resource attributes.
 */
export const FILTER_ATTRIBUTES: Readonly<Record<'namespace' | 'workload', readonly AttributeRef[]>> = {
  namespace: [
    // Sidecars and waypoints tag their own namespace.
    { scope: 'span', key: 'istio.namespace' },
    // Ambient waypoints name both ends of the call.
    { scope: 'span', key: 'istio.source_namespace' },
    { scope: 'span', key: 'istio.destination_namespace' },
    // Applications instrumented with an OpenTelemetry SDK and the k8sattributes processor.
    { scope: 'resource', key: 'k8s.namespace.name' },
  ],
  workload: [
    { scope: 'span', key: 'istio.source_workload' },
    { scope: 'span', key: 'istio.destination_workload' },
    { scope: 'resource', key: 'k8s.deployment.name' },
  ],
};

/** True when the value is a condition to apply (not unset, not the empty string). */
export function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/**
 * Whether one span satisfies every condition of the filter. Sources that hold spans in memory (the demo mesh)
 * search with this; a trace matches when any of its spans does.
 */
export function spanMatchesFilter(span: Span, filter: SpanFilter): boolean {
  if (isSet(filter.service) && span.service !== filter.service) return false;
  if (isSet(filter.namespace) && !anyAttributeEquals(span, FILTER_ATTRIBUTES.namespace, filter.namespace)) {
    return false;
  }
  if (isSet(filter.workload) && !anyAttributeEquals(span, FILTER_ATTRIBUTES.workload, filter.workload)) {
    return false;
  }
  if (filter.errorsOnly === true && span.status.code !== 'error') return false;
  if (filter.minDurationMs !== undefined && span.durationMs < filter.minDurationMs) return false;
  if (filter.maxDurationMs !== undefined && span.durationMs > filter.maxDurationMs) return false;
  return true;
}

function anyAttributeEquals(span: Span, refs: readonly AttributeRef[], value: string): boolean {
  return refs.some((ref) => (ref.scope === 'span' ? span.attributes : span.resource)[ref.key] === value);
}
