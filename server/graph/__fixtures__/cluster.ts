/**
 * The configuration behind the recorded cases (`cases.json`): a small cluster as the watch cache would hold it.
 *
 * | namespace    | mode                               | workloads                                 |
 * |--------------|------------------------------------|-------------------------------------------|
 * | bookinfo     | ambient, namespace waypoint        | productpage-v1, reviews-v2, details-v1, waypoint |
 * | payments     | ambient, no waypoint               | worker-v1, api-v1, postgres-v1            |
 * | legacy       | sidecar                            | orders-v1, inventory-v1                   |
 * | outside      | not in the mesh                    | client-v1                                 |
 * | istio-system | gateway                            | istio-ingressgateway                      |
 *
 * Plus an L7 AuthorizationPolicy bound to the bookinfo waypoint and a VirtualService for reviews.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { KubeSnapshot } from '../mesh-facts';

const HASH = '5d8f7';

function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A pod of a Deployment's ReplicaSet, as the demo's endpoints name it (`<workload>-5d8f7-abcde`). */
export function pod(
  ns: string,
  workload: string,
  labels: Record<string, string>,
  annotations: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${workload}-${HASH}-abcde`,
      namespace: ns,
      labels: { ...labels, 'pod-template-hash': HASH },
      annotations,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `${workload}-${HASH}`,
          uid: `rs-${workload}`,
          controller: true,
        },
      ],
    },
  };
}

function service(ns: string, name: string, selector: Record<string, string>, port = 9080): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: { selector, ports: [{ port }] },
  };
}

const ambient = { 'ambient.istio.io/redirection': 'enabled' };
const sidecar = { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' };
const app = (name: string, version = 'v1'): Record<string, string> => ({ app: name, version });

/** The waypoint Gateway of bookinfo. */
export const WAYPOINT_GATEWAY: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'waypoint', namespace: 'bookinfo', labels: { 'istio.io/waypoint-for': 'service' } },
  spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
};

/** The cluster of the recorded cases. */
export function clusterSnapshot(): KubeSnapshot {
  return {
    namespaces: [
      namespace('bookinfo', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }),
      namespace('payments', { 'istio.io/dataplane-mode': 'ambient' }),
      namespace('legacy', { 'istio-injection': 'enabled' }),
      namespace('outside'),
      namespace('istio-system'),
    ],
    pods: [
      pod('bookinfo', 'productpage-v1', app('productpage'), ambient),
      pod('bookinfo', 'reviews-v2', app('reviews', 'v2'), ambient),
      pod('bookinfo', 'details-v1', app('details'), ambient),
      pod('bookinfo', 'waypoint', {
        'gateway.networking.k8s.io/gateway-name': 'waypoint',
        'istio.io/dataplane-mode': 'none',
      }),
      pod('payments', 'worker-v1', app('worker'), ambient),
      pod('payments', 'api-v1', app('api'), ambient),
      pod('payments', 'postgres-v1', app('postgres'), ambient),
      pod('legacy', 'orders-v1', app('orders'), sidecar),
      pod('legacy', 'inventory-v1', app('inventory'), sidecar),
      pod('outside', 'client-v1', app('client')),
      pod(
        'istio-system',
        'istio-ingressgateway',
        { app: 'istio-ingressgateway', istio: 'ingressgateway' },
        sidecar,
      ),
    ],
    services: [
      service('bookinfo', 'productpage', { app: 'productpage' }),
      service('bookinfo', 'reviews', { app: 'reviews' }),
      service('bookinfo', 'details', { app: 'details' }),
      service('bookinfo', 'waypoint', { 'gateway.networking.k8s.io/gateway-name': 'waypoint' }, 15008),
      service('payments', 'api', { app: 'api' }, 8080),
      service('payments', 'postgres', { app: 'postgres' }, 5432),
      service('legacy', 'inventory', { app: 'inventory' }),
      service('istio-system', 'istio-ingressgateway', { istio: 'ingressgateway' }, 80),
    ],
    gateways: [WAYPOINT_GATEWAY],
    gatewayClasses: [],
    virtualServices: [
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'reviews', namespace: 'bookinfo' },
        spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
      },
    ],
    httpRoutes: [],
    authorizationPolicies: [
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'details-get-only', namespace: 'bookinfo' },
        spec: {
          targetRefs: [{ kind: 'Service', group: '', name: 'details' }],
          action: 'ALLOW',
          rules: [{ to: [{ operation: { methods: ['GET'] } }] }],
        },
      },
      {
        // L4 only: no badge.
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'postgres-from-api', namespace: 'payments' },
        spec: {
          selector: { matchLabels: { app: 'postgres' } },
          action: 'ALLOW',
          rules: [{ from: [{ source: { principals: ['cluster.local/ns/payments/sa/api'] } }] }],
        },
      },
    ],
  };
}
