import type { NamespaceSummary } from '@/lib/api/dto';
import { labelOf, type KubeObject } from '@/lib/kube/object';

/** Namespaces with their mesh labels and pod counts, sorted by name. Pure: the route passes cached objects. */
export function summarizeNamespaces(namespaces: KubeObject[], pods: KubeObject[]): NamespaceSummary[] {
  const podCounts = new Map<string, number>();
  for (const pod of pods) {
    const ns = pod.metadata.namespace ?? '';
    podCounts.set(ns, (podCounts.get(ns) ?? 0) + 1);
  }
  return namespaces
    .map((ns) => ({
      name: ns.metadata.name,
      dataplaneMode: labelOf(ns, 'istio.io/dataplane-mode') ?? null,
      sidecarInjection:
        labelOf(ns, 'istio-injection') === 'enabled' || labelOf(ns, 'istio.io/rev') !== undefined,
      waypoint: labelOf(ns, 'istio.io/use-waypoint') ?? null,
      pods: podCounts.get(ns.metadata.name) ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
