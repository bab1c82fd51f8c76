/**
 * What the Mesh page's views read besides Kubernetes lists: workloads (pods grouped by their controller, which the
 * server names as the telemetry does) and small readers shared by the waypoint and mTLS views. Pure.
 */
import type { KubeObject } from '@/lib/kube/object';
import { conditionOf, isInfrastructurePod } from './kube-facts';
import type { ConditionView } from './views-types';

/** A workload: the pods of one controller (a Deployment's, through its ReplicaSets), named as Istio names it. */
export interface WorkloadGroup {
  namespace: string;
  name: string;
  /** Never empty. */
  pods: readonly KubeObject[];
}

/** The first pod of a workload: the one whose labels stand for the workload (as the graph reads them). */
export function firstPod(workload: WorkloadGroup): KubeObject {
  const pod = workload.pods[0];
  if (pod === undefined) throw new Error(`workload ${workload.namespace}/${workload.name} has no pods`);
  return pod;
}

/** True for an application workload: not the mesh's own machinery (waypoints, gateways, istiod, ztunnel…). */
export function isApplicationWorkload(workload: WorkloadGroup): boolean {
  return workload.pods.length > 0 && !workload.pods.some(isInfrastructurePod);
}

/** A status condition of `type` as the views show it, or null when the object has none. */
export function conditionView(obj: KubeObject, type: string): ConditionView | null {
  const found = conditionOf(obj, type);
  if (found === undefined) return null;
  return { status: found.status ?? 'Unknown', reason: found.reason ?? null, message: found.message ?? null };
}

/** Objects by their namespace. */
export function byNamespace<T extends { namespace?: string; metadata?: { namespace?: string } }>(
  list: readonly T[],
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const ns = item.namespace ?? item.metadata?.namespace ?? '';
    const bucket = map.get(ns);
    if (bucket) bucket.push(item);
    else map.set(ns, [item]);
  }
  return map;
}

/** `a/b` ordering for rows keyed by namespace and name. */
export function byNamespaceThenName(
  a: { namespace: string; name: string },
  b: { namespace: string; name: string },
): number {
  return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}
