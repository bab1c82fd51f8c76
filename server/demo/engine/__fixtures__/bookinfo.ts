/**
 * Bookinfo as the engine tests use it: the Services and Deployments of Istio's sample manifest (copied into
 * lib/istio/__fixtures__), a `sleep` load generator, 100 requests/s from sleep to productpage, and the sample's call
 * graph (reviews v2 and v3 call ratings; 10% of requests carry `end-user: jason`).
 */
import { loadBookinfo } from '@/lib/istio/__fixtures__/load-yaml';
import type { MeshBehaviour } from '../../model/behaviour';
import { behave, behaviourOf, call, MeshBuilder, source } from './mesh-builder';

/** Namespace labels for an ambient namespace, optionally with a namespace waypoint. */
export function ambient(waypoint?: string): Record<string, string> {
  return { 'istio.io/dataplane-mode': 'ambient', ...(waypoint ? { 'istio.io/use-waypoint': waypoint } : {}) };
}

/** The bookinfo objects in `bookinfo` (labelled `namespaceLabels`) plus `sleep`. */
export function bookinfoMesh(namespaceLabels: Record<string, string>): MeshBuilder {
  const builder = new MeshBuilder().namespace('istio-system').namespace('bookinfo', namespaceLabels);
  for (const object of loadBookinfo('platform-kube-bookinfo.yaml')) {
    if (object.kind === 'Service') builder.add(object);
    if (object.kind === 'Deployment') {
      const spec = object.spec as { replicas?: number; template: { spec: { serviceAccountName: string } } };
      builder.workload('bookinfo', object.metadata.name, {
        replicas: spec.replicas ?? 1,
        serviceAccount: spec.template.spec.serviceAccountName,
      });
    }
  }
  return builder.workload('bookinfo', 'sleep', { serviceAccount: 'sleep' });
}

const JASON = [{ values: { 'end-user': 'jason' }, share: 0.1 }];

/** Bookinfo's behaviour: productpage calls details and reviews; reviews v2 and v3 call ratings. */
export function bookinfoBehaviour(rate = 100): MeshBehaviour {
  const ns = 'bookinfo';
  return behaviourOf(
    ['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'ratings-v1', 'sleep'].map(
      (n) => behave(ns, n),
    ),
    [
      call('bookinfo/productpage-v1', 'bookinfo/details', { onError: 'fail' }),
      call('bookinfo/productpage-v1', 'bookinfo/reviews', { headers: JASON }),
      call('bookinfo/reviews-v2', 'bookinfo/ratings', { headers: JASON, onError: 'fail' }),
      call('bookinfo/reviews-v3', 'bookinfo/ratings', { headers: JASON, onError: 'fail' }),
    ],
    [source('bookinfo/sleep', 'bookinfo/productpage', rate, { path: '/productpage' })],
  );
}
