import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { bookinfoContext, bookinfoLists } from './__fixtures__/cluster';
import { fixtureObject } from './__fixtures__/load';
import {
  AP_PRODUCTPAGE_ZTUNNEL,
  AP_REVIEWS_VIEWER,
  DR_REVIEWS,
  REVIEWS_80_20,
  ROUTE_INGRESS,
  ROUTE_REVIEWS_90_10,
  authorizationPolicy,
  virtualService,
} from './__fixtures__/objects';
import { appliesToText } from './applies-to';
import { isConfigKind } from './kinds';

const ctx = bookinfoContext();
const [waypoint] = bookinfoLists().gateways ?? [];
const sample = (file: string, kind: string, name: string, ns?: string): KubeObject =>
  fixtureObject(`samples/${file}`, kind, name, ns);

describe('appliesToText', () => {
  const rows: [string, KubeObject | undefined, string][] = [
    ['a VirtualService for a Service', REVIEWS_80_20, 'service reviews (host reviews)'],
    [
      'a VirtualService for a Service elsewhere, a ServiceEntry host and a wildcard',
      virtualService('mixed', 'bookinfo', { hosts: ['api.payments', 'api.stripe.com', '*.example.com'] }),
      'service payments/api (host api.payments), host api.stripe.com, hosts matching *.example.com',
    ],
    [
      'a VirtualService bound to an ingress gateway',
      virtualService('front', 'bookinfo', {
        hosts: ['bookinfo.example.com'],
        gateways: ['bookinfo-gateway'],
      }),
      'host bookinfo.example.com at gateway bookinfo-gateway',
    ],
    ['a DestinationRule', DR_REVIEWS, 'service reviews (host reviews), subsets v1, v2, v3'],
    ['a selector policy', AP_PRODUCTPAGE_ZTUNNEL, 'workloads with app=productpage'],
    ['a policy bound to a Service', AP_REVIEWS_VIEWER, 'service reviews (targetRefs)'],
    [
      'a policy bound to the waypoint',
      sample('request-authentications.yaml', 'RequestAuthentication', 'jwt-example'),
      'waypoint bookinfo/waypoint (targetRefs)',
    ],
    ['a namespace policy', authorizationPolicy('allow-nothing', 'bookinfo', {}), 'namespace bookinfo'],
    [
      'a root-namespace PeerAuthentication',
      sample('peer-authentications.yaml', 'PeerAuthentication', 'default'),
      'mesh-wide',
    ],
    [
      'a workload PeerAuthentication',
      sample('peer-authentications.yaml', 'PeerAuthentication', 'postgres-metrics'),
      'workloads with app=postgres',
    ],
    ['the namespace waypoint', waypoint, 'waypoint (service traffic) for namespace bookinfo'],
    [
      'an ingress gateway',
      fixtureObject('bookinfo/gateway-api-bookinfo-gateway.yaml', 'Gateway', 'bookinfo-gateway'),
      'gateway of class istio, listeners http :80/HTTP',
    ],
    ['a GAMMA HTTPRoute', ROUTE_REVIEWS_90_10, 'service reviews:9080'],
    ['an ingress HTTPRoute', ROUTE_INGRESS, 'gateway bookinfo-gateway'],
    ['a ServiceEntry', bookinfoLists().serviceEntries?.[0], 'hosts api.stripe.com (MESH_EXTERNAL)'],
    [
      'a malformed object',
      { kind: 'VirtualService', metadata: { name: 'x', namespace: 'bookinfo' }, spec: { hosts: 'reviews' } },
      'no hosts',
    ],
  ];

  it.each(rows)('%s', (_name, object, expected) => {
    if (object === undefined || !isConfigKind(object.kind)) throw new Error('fixture missing');
    expect(appliesToText(object.kind, object, ctx)).toBe(expected);
  });
});
