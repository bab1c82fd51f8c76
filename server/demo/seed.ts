import type { ResourceStore } from './apiserver';

/**
 * The demo cluster's starting objects, as a table: namespaces with their mesh labels, and the pods in them.
 * A small placeholder world; the full simulated mesh (workloads, waypoints, traffic) replaces it.
 */
const NAMESPACES: Record<string, Record<string, string>> = {
  'istio-system': {},
  bookinfo: { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' },
  payments: { 'istio.io/dataplane-mode': 'ambient' },
  legacy: { 'istio-injection': 'enabled' },
  outside: {},
};

const PODS: [namespace: string, app: string, version: string][] = [
  ['istio-system', 'istiod', '1.28.0'],
  ['bookinfo', 'productpage', 'v1'],
  ['bookinfo', 'details', 'v1'],
  ['bookinfo', 'reviews', 'v1'],
  ['bookinfo', 'reviews', 'v2'],
  ['bookinfo', 'reviews', 'v3'],
  ['bookinfo', 'ratings', 'v1'],
  ['payments', 'api', 'v1'],
  ['payments', 'postgres', 'v1'],
  ['legacy', 'inventory', 'v1'],
  ['outside', 'client', 'v1'],
];

/** Creates the starting objects in a fresh store. */
export function seedDemoCluster(store: ResourceStore): void {
  for (const [name, labels] of Object.entries(NAMESPACES)) {
    store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
  }
  for (const [namespace, app, version] of PODS) {
    store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${app}-${version}-0`, namespace, labels: { app, version } },
      spec: { containers: [{ name: app, image: `example/${app}:${version}` }] },
    });
  }
}
