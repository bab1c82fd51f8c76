/**
 * Node and edge ids of the service graph (`GET /api/graph`), in one place so that the server that makes them and
 * the page that reads them agree. Ids are stable across refreshes: they name what a node stands for, never a pod.
 */
import type { GraphEdge } from './types';

/** The one node standing for every caller the telemetry could not name (`source_workload="unknown"`). */
export const UNKNOWN_NODE_ID = 'unknown';

/** A workload (Deployment, DaemonSet…), a waypoint or a gateway: `workload:bookinfo/reviews-v2`. */
export function workloadNodeId(namespace: string, workload: string): string {
  return `workload:${namespace}/${workload}`;
}

/** An app (Istio's canonical service, the `app` label) in a namespace: `app:bookinfo/reviews`. */
export function appNodeId(namespace: string, app: string): string {
  return `app:${namespace}/${app}`;
}

/** A Kubernetes Service: `service:bookinfo/reviews`. */
export function serviceNodeId(namespace: string, service: string): string {
  return `service:${namespace}/${service}`;
}

/** A destination outside the cluster, by the host the telemetry names: `external:api.stripe.com`. */
export function externalNodeId(host: string): string {
  return `external:${host}`;
}

/** `${source}->${target}|${protocol}|${layer}`: one edge per caller, callee, protocol and layer. */
export function edgeId(
  source: string,
  target: string,
  protocol: GraphEdge['protocol'],
  layer: GraphEdge['layer'],
): string {
  return `${source}->${target}|${protocol}|${layer}`;
}
