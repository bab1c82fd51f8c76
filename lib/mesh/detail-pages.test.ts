import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import {
  AMBIENT,
  CAPTURED,
  INJECTION,
  SIDECAR,
  ns,
  peerAuthentication,
  pod,
  service,
  waypoint,
} from './__fixtures__/cluster';
import { edge } from './__fixtures__/graph-edges';
import { inboundStats, peersOf, workloadOfNode } from './detail-peers';
import { waypointWorkloads } from './detail-subject';
import { namespaceDetail } from './namespace-detail';
import type { WorkloadGroup } from './view-inputs';
import { workloadDetail } from './workload-detail';

const SHOP = ns('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' });
const group = (namespace: string, name: string, pods: KubeObject[]): WorkloadGroup => ({
  namespace,
  name,
  pods,
});
const API = group('shop', 'api-v1', [
  pod('shop', 'api-v1-a', { labels: { app: 'api' }, annotations: CAPTURED }),
  pod('shop', 'api-v1-b', { labels: { app: 'api' }, annotations: CAPTURED, ready: false, node: 'node-2' }),
]);
const WAYPOINT = group('shop', 'waypoint', [
  pod('shop', 'waypoint-a', { labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' } }),
]);
const LEGACY = group('legacy', 'inv-v1', [
  pod('legacy', 'inv-v1-a', { labels: { app: 'inv' }, annotations: SIDECAR }),
]);
const EDGES = [
  edge('workload:web/front', 'workload:shop/api-v1', {
    via: 'workload:shop/waypoint',
    requestsPerSecond: 10,
    errorRate: 0.1,
    latencyMs: { p50: 5, p95: 40, p99: 90 },
  }),
  edge('unknown', 'workload:shop/api-v1', { layer: 'L4', mtls: 0, bytesPerSecond: 500 }),
  edge('workload:shop/api-v1', 'workload:shop/db', { layer: 'L4', bytesPerSecond: 2_000 }),
];
const common = {
  namespaces: [SHOP, ns('legacy', INJECTION)],
  services: [service('shop', 'api')],
  gateways: [waypoint('shop')],
  gatewayClasses: [],
  peerAuthentications: [peerAuthentication('shop', 'strict', 'STRICT')],
  authorizationPolicies: [
    {
      kind: 'AuthorizationPolicy',
      metadata: { name: 'api-get', namespace: 'shop' },
      spec: {
        targetRefs: [{ kind: 'Service', name: 'api' }],
        rules: [{ to: [{ operation: { methods: ['GET'] } }] }],
      },
    },
  ],
  routing: { virtualServices: [], httpRoutes: [], destinationRules: [] },
  edges: EDGES,
  health: new Map([['workload:shop/api-v1', 'degraded' as const]]),
};

describe('callers, callees and inbound rates from the graph', () => {
  it('merges a peer’s layers; the busiest first', () => {
    expect(peersOf(EDGES, 'workload:shop/api-v1', 'callers')).toEqual([
      expect.objectContaining({
        node: 'workload:web/front',
        workload: { namespace: 'web', name: 'front' },
        requestsPerSecond: 10,
        errorShare: 0.1,
        p95Ms: 40,
        via: 'workload:shop/waypoint',
      }),
      expect.objectContaining({
        node: 'unknown',
        workload: null,
        layers: ['L4'],
        p95Ms: null,
        mtlsShare: 0,
        bytesPerSecond: 500,
      }),
    ]);
    expect(peersOf(EDGES, 'workload:shop/api-v1', 'callees').map((p) => p.node)).toEqual([
      'workload:shop/db',
    ]);
  });

  it('sums what comes in: highest p95, lowest mTLS', () => {
    expect(inboundStats(EDGES, 'workload:shop/api-v1')).toEqual({
      requestsPerSecond: 10,
      errorShare: 0.1,
      p95Ms: 40,
      bytesPerSecond: 500,
      mtlsShare: 0,
    });
    expect(inboundStats(EDGES, 'workload:web/front')).toMatchObject({
      requestsPerSecond: 0,
      mtlsShare: null,
    });
    expect(workloadOfNode('service:shop/api')).toBeNull();
  });

  it('knows waypoints from configuration', () => {
    expect(
      waypointWorkloads([API, WAYPOINT], {
        gateways: [waypoint('shop'), waypoint('empty')],
        gatewayClasses: [],
      }),
    ).toEqual(new Set(['shop/waypoint', 'empty/waypoint']));
  });
});

describe('namespaceDetail', () => {
  const detail = namespaceDetail(SHOP, {
    ...common,
    pods: [...API.pods, ...WAYPOINT.pods],
    deployments: [],
    daemonSets: [],
    gatewayApi: { gateways: null, httproutes: null },
    traffic: null,
    workloads: [API, WAYPOINT, LEGACY],
  });

  it('lists the application workloads of the namespace with waypoint, mode, rates and health', () => {
    expect(detail.workloads).toEqual([
      {
        name: 'api-v1',
        dataplane: 'ambient',
        pods: { total: 2, ready: 1 },
        waypoint: expect.objectContaining({
          waypoint: { namespace: 'shop', name: 'waypoint' },
          status: 'bound',
        }),
        peerAuthentication: expect.objectContaining({
          mode: 'STRICT',
          level: 'namespace',
          policy: 'shop/strict',
        }),
        inbound: expect.objectContaining({ requestsPerSecond: 10 }),
        health: 'degraded',
      },
    ]);
    expect(detail.posture).toMatchObject({ name: 'shop', mode: 'ambient' });
  });

  it('lists its policies with where they are enforced', () => {
    expect(detail.policies.map((p) => [p.kind, p.name, p.enforcedAt.join('+')])).toEqual([
      ['AuthorizationPolicy', 'api-get', 'waypoint'],
      ['PeerAuthentication', 'strict', 'ztunnel'],
    ]);
  });
});

describe('workloadDetail', () => {
  it('an ambient workload behind its namespace waypoint', () => {
    const detail = workloadDetail(API, common);
    expect(detail).toMatchObject({
      namespace: 'shop',
      name: 'api-v1',
      role: 'workload',
      dataplane: 'ambient',
      serviceAccounts: ['default'],
      identities: ['spiffe://cluster.local/ns/shop/sa/default'],
      services: ['api'],
      waypoint: { waypoint: { namespace: 'shop', name: 'waypoint' } },
      peerAuthentication: { mode: 'STRICT', policy: 'shop/strict', ports: [] },
      health: 'degraded',
    });
    expect(detail.pods.map((p) => [p.name, p.node, p.ready, p.dataplane])).toEqual([
      ['api-v1-a', 'node-1', true, 'ambient'],
      ['api-v1-b', 'node-2', false, 'ambient'],
    ]);
    expect(detail.policies.map((p) => [p.name, p.enforcedAt.join('+')])).toEqual([
      ['api-get', 'waypoint'],
      ['strict', 'ztunnel'],
    ]);
    expect(detail.callers).toHaveLength(2);
    expect(detail.callees).toHaveLength(1);
  });

  it('a waypoint is a waypoint; unknown traffic leaves peers empty and health unknown', () => {
    const detail = workloadDetail(WAYPOINT, {
      ...common,
      edges: null,
      health: null,
      peerAuthentications: null,
    });
    expect(detail).toMatchObject({
      role: 'waypoint',
      callers: [],
      callees: [],
      health: 'unknown',
      peerAuthentication: null,
    });
  });

  it('a sidecar workload has no waypoint', () => {
    const detail = workloadDetail(LEGACY, common);
    expect(detail).toMatchObject({
      dataplane: 'sidecar',
      waypoint: { waypoint: null, status: 'not-captured' },
      health: 'idle',
    });
  });
});
