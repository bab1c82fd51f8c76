import 'server-only';
import { watchedKind, type KindName } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import type { WorkloadGroup } from '@/lib/mesh/view-inputs';
import type { MeshViewMeta } from '@/lib/mesh/views-types';
import type { GraphEdge } from '@/lib/graph/types';
import type { SourceErrorDTO, SourceErrorKind } from '@/lib/source-error';
import type { HealthThresholds } from '@/lib/graph/health';
import { readGraph } from '@/server/graph';
import { workloadNameOf } from '@/server/graph/mesh-facts';
import { keyOf } from '@/server/graph/model';
import type { PostureSources } from './posture';

/**
 * What the Mesh page's views read, shared by `waypoints.ts` and `mtls.ts`: Kubernetes lists from the watch cache
 * (a kind that cannot be read is null, its error listed; Gateway API not installed is not an error), workloads
 * named as the telemetry names them (`workloadNameOf`), and the workload graph's edges over the window through
 * `readGraph`, so each call is counted once exactly as the graph page counts it.
 */

/** True for a Gateway API kind (GatewayClass, Gateway, HTTPRoute) the cluster does not serve: no objects, no error. */
export function isGatewayApiMissing(kind: KindName, error: SourceErrorKind | undefined): boolean {
  return watchedKind(kind).family === 'gateway-api' && error === 'missing_kind';
}

/** Each kind's objects, or null when the kind cannot be read (its error is then in `errors`). */
export function readKinds<K extends KindName>(
  kube: PostureSources['kube'],
  kinds: readonly K[],
  errors: SourceErrorDTO[],
): Record<K, KubeObject[] | null> {
  const lists = {} as Record<K, KubeObject[] | null>;
  for (const kind of kinds) {
    const error = kube.kindError(kind);
    const gatewayApiMissing = isGatewayApiMissing(kind, error?.kind);
    if (error && !gatewayApiMissing) errors.push(error.toDTO());
    lists[kind] = error ? (gatewayApiMissing ? [] : null) : kube.list(kind);
  }
  return lists;
}

/** The pods grouped into workloads (a Deployment's through its ReplicaSets), by namespace and name. */
export function workloadGroups(pods: readonly KubeObject[]): WorkloadGroup[] {
  const groups = new Map<string, { namespace: string; name: string; pods: KubeObject[] }>();
  for (const pod of pods) {
    const namespace = pod.metadata.namespace ?? '';
    const name = workloadNameOf(pod);
    const key = keyOf(namespace, name);
    const group = groups.get(key);
    if (group) group.pods.push(pod);
    else groups.set(key, { namespace, name, pods: [pod] });
  }
  return [...groups.values()];
}

/** The workload graph of every namespace over the window. */
export interface ViewTraffic {
  /** Null when a metrics read failed or there is no metrics source: partial rates would mislead. */
  edges: GraphEdge[] | null;
  queries: number;
  errors: SourceErrorDTO[];
}

/** Reads the workload graph (both layers, every namespace) and keeps its edges. */
export async function readViewTraffic(
  sources: PostureSources,
  windowSeconds: number,
  options: { signal?: AbortSignal; thresholds?: HealthThresholds; now?: () => number },
): Promise<ViewTraffic> {
  const graph = await readGraph(
    { namespaces: '*', windowSeconds, end: null, graphType: 'workload', layers: 'both' },
    sources,
    options,
  );
  const metricsFailed = graph.errors.some((e) => e.source === 'prometheus');
  return {
    edges: metricsFailed ? null : graph.edges,
    queries: graph.meta.queries,
    // The views report the Kubernetes kinds they read themselves; the graph's other kinds do not concern them.
    errors: graph.errors.filter((e) => e.source !== 'kubernetes'),
  };
}

/** The errors, each listed once. */
export function distinctErrors(errors: readonly SourceErrorDTO[]): SourceErrorDTO[] {
  return [...new Map(errors.map((e) => [JSON.stringify(e), e])).values()];
}

/**
 * A Mesh view's answer: the view with its `meta`, and the errors of the cache reads and of the traffic read, each
 * once. `started` is `performance.now()` when the read began.
 */
export function viewAnswer<V extends object>(
  view: V,
  read: { windowSeconds: number; end: Date; started: number; traffic: ViewTraffic; errors: SourceErrorDTO[] },
): { data: V & { meta: MeshViewMeta }; errors: SourceErrorDTO[] } {
  return {
    data: {
      ...view,
      meta: {
        windowSeconds: read.windowSeconds,
        end: read.end.toISOString(),
        queries: read.traffic.queries,
        durationMs: Math.round(performance.now() - read.started),
      },
    },
    errors: distinctErrors([...read.errors, ...read.traffic.errors]),
  };
}
