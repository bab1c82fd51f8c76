/**
 * A small ambient cluster for integration tests: istio-system with the ztunnel DaemonSet, and bookinfo with a
 * deployment, pods, a service, a waypoint Gateway, a VirtualService and an AuthorizationPolicy.
 */
import { type ResourceStore } from '../store';
import { namespace, pod, virtualService } from './objects';

/** Fills a store with the test cluster. */
export function seedCluster(store: ResourceStore): void {
  store.create('namespaces', namespace('default'));
  store.create('namespaces', namespace('istio-system'));
  store.create('namespaces', namespace('bookinfo', { 'istio.io/dataplane-mode': 'ambient' }));
  store.create('daemonsets', {
    metadata: { name: 'ztunnel', namespace: 'istio-system', labels: { app: 'ztunnel' } },
    spec: {
      selector: { matchLabels: { app: 'ztunnel' } },
      template: {
        metadata: { labels: { app: 'ztunnel' } },
        spec: { containers: [{ name: 'istio-proxy', image: 'istio/ztunnel:1.27' }] },
      },
    },
    status: {
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberReady: 2,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    },
  });
  store.create('deployments', {
    metadata: { name: 'reviews-v1', namespace: 'bookinfo', labels: { app: 'reviews' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'reviews', version: 'v1' } },
      template: {
        metadata: { labels: { app: 'reviews', version: 'v1' } },
        spec: { containers: [{ name: 'reviews', image: 'bookinfo/reviews:v1' }] },
      },
    },
    status: { replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 },
  });
  store.create('pods', pod('bookinfo', 'reviews-v1-aaaaa', { app: 'reviews', version: 'v1' }));
  store.create('pods', pod('bookinfo', 'reviews-v1-bbbbb', { app: 'reviews', version: 'v1' }));
  store.create('pods', pod('istio-system', 'ztunnel-xxxxx', { app: 'ztunnel' }));
  store.create('services', {
    metadata: { name: 'reviews', namespace: 'bookinfo', labels: { app: 'reviews' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.20',
      selector: { app: 'reviews' },
      ports: [{ name: 'http', port: 9080, protocol: 'TCP' }],
    },
  });
  store.create('gateways', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'waypoint', namespace: 'bookinfo', labels: { 'istio.io/waypoint-for': 'service' } },
    spec: {
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    },
  });
  store.create('virtualservices', virtualService('bookinfo', 'reviews'));
  store.create('authorizationpolicies', {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: 'reviews-viewer', namespace: 'bookinfo' },
    spec: {
      targetRefs: [{ kind: 'Service', group: '', name: 'reviews' }],
      action: 'ALLOW',
      rules: [
        {
          from: [{ source: { principals: ['cluster.local/ns/bookinfo/sa/productpage'] } }],
          to: [{ operation: { methods: ['GET'] } }],
        },
      ],
    },
  });
}
