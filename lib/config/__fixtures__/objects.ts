/** Small builders of configuration objects for the lint tests, and the bookinfo samples they start from. */
import type { KubeObject } from '@/lib/kube/object';
import { fixtureObject } from './load';

/** A VirtualService in `namespace`. */
export function virtualService(name: string, namespace: string, spec: object): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace },
    spec,
  };
}

/** A DestinationRule in `namespace`. */
export function destinationRule(name: string, namespace: string, spec: object): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name, namespace },
    spec,
  };
}

/** An AuthorizationPolicy in `namespace`. */
export function authorizationPolicy(name: string, namespace: string, spec: object): KubeObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name, namespace },
    spec,
  };
}

/** One route to `host` with the given weights over subsets v1, v2, … */
export function weighted(host: string, weights: number[]): object {
  return {
    hosts: [host],
    http: [{ route: weights.map((weight, i) => ({ destination: { host, subset: `v${i + 1}` }, weight })) }],
  };
}

/** `from: [{source: {…}}]` and `to: [{operation: {…}}]` of one rule. */
export function rule(source?: object, operation?: object, when?: object[]): object {
  return {
    ...(source && { from: [{ source }] }),
    ...(operation && { to: [{ operation }] }),
    ...(when && { when }),
  };
}

export const REVIEWS_80_20 = fixtureObject(
  'bookinfo/networking-virtual-service-reviews-80-20.yaml',
  'VirtualService',
  'reviews',
);
export const REVIEWS_TEST_V2 = fixtureObject(
  'bookinfo/networking-virtual-service-reviews-test-v2.yaml',
  'VirtualService',
  'reviews',
);
export const DETAILS_ALL_V1 = fixtureObject(
  'bookinfo/networking-virtual-service-all-v1.yaml',
  'VirtualService',
  'details',
);
export const DR_REVIEWS = fixtureObject(
  'bookinfo/networking-destination-rule-all.yaml',
  'DestinationRule',
  'reviews',
);
export const ROUTE_REVIEWS_90_10 = fixtureObject(
  'bookinfo/gateway-api-route-reviews-90-10.yaml',
  'HTTPRoute',
  'reviews',
);
export const ROUTE_INGRESS = fixtureObject(
  'bookinfo/gateway-api-bookinfo-gateway.yaml',
  'HTTPRoute',
  'bookinfo',
);
export const AP_PRODUCTPAGE_ZTUNNEL = fixtureObject(
  'samples/authorization-policies.yaml',
  'AuthorizationPolicy',
  'productpage-ztunnel',
);
export const AP_REVIEWS_VIEWER = fixtureObject(
  'samples/authorization-policies.yaml',
  'AuthorizationPolicy',
  'reviews-viewer',
);
