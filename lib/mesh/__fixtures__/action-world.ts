/**
 * Hand-made action inputs modelled on the demo's default world (server/demo/world/README.md): `outside` (not in
 * the mesh, one client pod), `payments` (ambient, no waypoint: api-v1 with two pods, postgres on TCP), `legacy`
 * (sidecar injection) and `bookinfo` (ambient, bound to its namespace waypoint).
 */
import type { KubeObject } from '@/lib/kube/object';
import type { ActionObjects } from '../actions-types';
import type { PlaintextEdge } from '../views-types';
import { AMBIENT, CAPTURED, INJECTION, SIDECAR, gatewayClass, ns, pod, service, waypoint } from './cluster';

type Labels = Record<string, string>;

/** A pod of a Deployment's ReplicaSet, running as `account`. */
function appPod(
  namespace: string,
  name: string,
  account: string,
  labels: Labels,
  annotations: Record<string, string> = {},
): KubeObject {
  const base = pod(namespace, name, {
    labels,
    annotations,
    owner: { kind: 'ReplicaSet', name: `${name}-rs` },
  });
  return { ...base, spec: { ...(base.spec as object), serviceAccountName: account } };
}

/** A Deployment whose pod template carries `labels` and whose selector is `app` (and `version`). */
export function deploymentOf(namespace: string, name: string, labels: Labels): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, resourceVersion: '31', labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: `${name}:1` }] } },
    },
  };
}

function withPorts(
  svc: KubeObject,
  ports: { name: string; port: number; appProtocol: string }[],
): KubeObject {
  return {
    ...svc,
    metadata: { ...svc.metadata, resourceVersion: '21' },
    spec: { ...(svc.spec as object), ports },
  };
}

const HTTP = [{ name: 'http', port: 8080, appProtocol: 'http' }];
const TCP = [{ name: 'tcp-postgres', port: 5432, appProtocol: 'tcp' }];

function namespaceObject(name: string, labels: Labels): KubeObject {
  const base = ns(name, { 'kubernetes.io/metadata.name': name, ...labels });
  return { ...base, metadata: { ...base.metadata, resourceVersion: '7' } };
}

/** `outside`: not in the mesh; one client pod, no Service. */
export function outside(): ActionObjects {
  const client = appPod('outside', 'client-1', 'client', { app: 'client', version: 'v1' });
  return {
    namespace: namespaceObject('outside', {}),
    workloads: [{ namespace: 'outside', name: 'client', pods: [client] }],
    services: [],
    deployments: [deploymentOf('outside', 'client', { app: 'client', version: 'v1' })],
    gateways: [waypoint('bookinfo')],
    gatewayClasses: [gatewayClass()],
    peerAuthentications: [],
  };
}

/** `payments`: ambient, no waypoint; api-v1 (2 pods, HTTP) and postgres (TCP), all captured. */
export function payments(extra: Partial<ActionObjects> = {}): ActionObjects {
  const api = (n: number): KubeObject =>
    appPod('payments', `api-v1-${n}`, 'api', { app: 'api', version: 'v1' }, CAPTURED);
  return {
    namespace: namespaceObject('payments', AMBIENT),
    workloads: [
      { namespace: 'payments', name: 'api-v1', pods: [api(1), api(2)] },
      {
        namespace: 'payments',
        name: 'postgres',
        pods: [appPod('payments', 'postgres-1', 'postgres', { app: 'postgres', version: '16' }, CAPTURED)],
      },
    ],
    services: [withPorts(service('payments', 'api'), HTTP), withPorts(service('payments', 'postgres'), TCP)],
    deployments: [
      deploymentOf('payments', 'api-v1', { app: 'api', version: 'v1' }),
      deploymentOf('payments', 'postgres', { app: 'postgres', version: '16' }),
    ],
    gateways: [waypoint('bookinfo')],
    gatewayClasses: [gatewayClass()],
    peerAuthentications: [],
    ...extra,
  };
}

/** `legacy`: sidecar injection; inventory-v1 and inventory-sync with sidecars. */
export function legacy(): ActionObjects {
  const sidecarPod = (name: string, app: string): KubeObject =>
    appPod('legacy', `${name}-1`, app, { app, version: 'v1' }, SIDECAR);
  return {
    namespace: namespaceObject('legacy', INJECTION),
    workloads: [
      { namespace: 'legacy', name: 'inventory-sync', pods: [sidecarPod('inventory-sync', 'inventory-sync')] },
      { namespace: 'legacy', name: 'inventory-v1', pods: [sidecarPod('inventory-v1', 'inventory')] },
    ],
    services: [withPorts(service('legacy', 'inventory'), HTTP)],
    deployments: [],
    gateways: [waypoint('bookinfo')],
    gatewayClasses: [gatewayClass()],
    peerAuthentications: [],
  };
}

/** `bookinfo`: ambient, bound to its waypoint (service traffic), which runs one pod. */
export function bookinfo(): ActionObjects {
  const app = (name: string, labels: Labels): KubeObject =>
    appPod('bookinfo', `${name}-1`, `bookinfo-${labels['app'] ?? name}`, labels, CAPTURED);
  const waypointPod = pod('bookinfo', 'waypoint-1', {
    labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint', 'istio.io/dataplane-mode': 'none' },
  });
  const waypointService = service('bookinfo', 'waypoint', {
    'gateway.networking.k8s.io/gateway-name': 'waypoint',
  });
  return {
    namespace: namespaceObject('bookinfo', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' }),
    workloads: [
      {
        namespace: 'bookinfo',
        name: 'details-v1',
        pods: [app('details-v1', { app: 'details', version: 'v1' })],
      },
      {
        namespace: 'bookinfo',
        name: 'reviews-v1',
        pods: [app('reviews-v1', { app: 'reviews', version: 'v1' })],
      },
      { namespace: 'bookinfo', name: 'waypoint', pods: [waypointPod] },
    ],
    services: [
      withPorts(service('bookinfo', 'details'), HTTP),
      withPorts(service('bookinfo', 'reviews'), HTTP),
      waypointService,
    ],
    deployments: [],
    gateways: [waypoint('bookinfo', 'waypoint', { waypointFor: 'service' })],
    gatewayClasses: [gatewayClass()],
    peerAuthentications: [],
  };
}

/** The mTLS view's plaintext edge from outside/client into payments/api-v1 (5 rps, all of it accepted). */
export const CLIENT_TO_API: PlaintextEdge = {
  sender: 'outside/client',
  source: 'workload:outside/client',
  target: 'workload:payments/api-v1',
  receiver: 'payments/api-v1',
  plaintextShare: 1,
  requestsPerSecond: 5,
  bytesPerSecond: 4_450,
  refusedPerSecond: 0,
  destinationMode: 'PERMISSIVE',
  outcome: 'accepted',
};
