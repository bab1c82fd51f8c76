import { describe, expect, it } from 'vitest';
import { SEES_ALL } from '@/lib/auth/visibility';
import { READ_ALL, withRules } from '@/lib/graph/__fixtures__/visibility';
import { payments } from './__fixtures__/action-world';
import { peerAuthentication, waypoint } from './__fixtures__/cluster';
import type {
  DetailSeries,
  NamespaceDetail,
  PeerRow,
  PolicyKind,
  PolicyRow,
  WorkloadDetail,
} from './detail-types';
import type { NamespacePosture } from './types';
import {
  notFoundAnswer,
  seesPolicy,
  visibleActionObjects,
  visibleNamespaceDetail,
  visibleWorkloadDetail,
} from './visible-details';

/**
 * payments: pods, Services, Deployments and AuthorizationPolicies may be listed, not PeerAuthentications, and the
 * Namespace may not be read by name. istio-system: PeerAuthentications only. bookinfo: nothing (exists, hidden).
 */
const viewer = withRules({
  payments: [
    {
      verbs: ['get', 'list', 'watch'],
      apiGroups: ['', 'apps', 'security.istio.io'],
      resources: ['pods', 'services', 'deployments', 'authorizationpolicies'],
    },
  ],
  'istio-system': [{ verbs: ['list'], apiGroups: ['security.istio.io'], resources: ['peerauthentications'] }],
  bookinfo: [],
});

const row = (kind: PolicyKind, namespace: string, name: string): PolicyRow => ({
  kind,
  namespace,
  name,
  appliesTo: 'every workload in the namespace',
  enforcedAt: ['ztunnel'],
  note: null,
});
const POLICIES: PolicyRow[] = [
  row('AuthorizationPolicy', 'istio-system', 'deny-all'),
  row('AuthorizationPolicy', 'payments', 'allow-web'),
  row('PeerAuthentication', 'istio-system', 'default'),
  row('PeerAuthentication', 'payments', 'strict'),
  row('VirtualService', 'bookinfo', 'reviews'),
  row('DestinationRule', 'payments', 'api'),
];
const SHOWN_POLICIES = ['AuthorizationPolicy payments/allow-web', 'PeerAuthentication istio-system/default'];
const names = (rows: PolicyRow[]): string[] => rows.map((r) => `${r.kind} ${r.namespace}/${r.name}`);

const SERIES: DetailSeries = { points: [], stepSeconds: 15, reporters: [], known: true };
const META = { windowSeconds: 300, end: '2026-05-01T10:00:00.000Z', queries: 9, durationMs: 4 };
const WAYPOINT: WorkloadDetail['waypoint'] = {
  waypoint: { namespace: 'istio-system', name: 'shared' },
  status: 'bound',
  from: 'namespace',
  reason: 'istio-system/shared, inherited from namespace',
};

describe('notFoundAnswer', () => {
  it.each([
    [{ namespace: 'bookinfo' }, 'namespace "bookinfo" not found'],
    [{ namespace: 'bookinfo', name: 'reviews-v1' }, 'workload "bookinfo/reviews-v1" not found'],
  ])('answers %j as the server answers an unknown subject', (subject, message) => {
    expect(notFoundAnswer(subject)).toEqual({
      status: 404,
      body: { error: { source: 'kubernetes', kind: 'not_found', message } },
    });
  });
});

describe('seesPolicy', () => {
  it.each(POLICIES.map((r) => [`${r.kind} ${r.namespace}/${r.name}`, r] as const))('%s', (key, r) => {
    expect(seesPolicy(r, viewer)).toBe(SHOWN_POLICIES.includes(key));
    expect(seesPolicy(r, SEES_ALL)).toBe(true);
  });
});

describe('visibleNamespaceDetail', () => {
  const posture: NamespacePosture = {
    name: 'payments',
    mode: 'ambient',
    enrollment: 'istio.io/dataplane-mode=ambient',
    pods: { total: 3, captured: 3, sidecar: 0, uncaptured: 0, infrastructure: 0 },
    waypoints: [
      {
        namespace: 'istio-system',
        name: 'shared',
        exists: true,
        programmed: true,
        trafficType: 'service',
        usedBy: ['namespace'],
      },
    ],
    peerAuthentication: {
      mode: 'STRICT',
      level: 'mesh',
      source: 'istio-system/default',
      workloadPolicies: 0,
    },
    traffic: null,
    health: 'healthy',
    problems: [],
  };
  const detail: NamespaceDetail = {
    namespace: 'payments',
    posture,
    workloads: [],
    policies: POLICIES,
    traffic: { inbound: SERIES, outbound: SERIES },
    trafficKnown: true,
    meta: META,
  };

  it('gives a viewer who sees everything the page itself', () => {
    expect(visibleNamespaceDetail(detail, SEES_ALL)).toBe(detail);
  });

  it('lists the policies the viewer may list, and keeps the posture judged on the whole mesh', () => {
    const shown = visibleNamespaceDetail(detail, viewer);
    expect(names(shown.policies)).toEqual(SHOWN_POLICIES);
    expect(shown.posture).toBe(posture);
    expect(shown.traffic).toBe(detail.traffic);
  });
});

describe('visibleWorkloadDetail', () => {
  const peer = (node: string): PeerRow => ({
    node,
    workload: null,
    layers: ['L7'],
    via: null,
    requestsPerSecond: 1,
    errorShare: 0,
    p95Ms: null,
    bytesPerSecond: null,
    mtlsShare: 1,
  });
  const detail: WorkloadDetail = {
    namespace: 'payments',
    name: 'api-v1',
    role: 'workload',
    dataplane: 'ambient',
    pods: [],
    serviceAccounts: ['api'],
    identities: ['spiffe://cluster.local/ns/payments/sa/api'],
    services: ['api'],
    waypoint: WAYPOINT,
    peerAuthentication: null,
    policies: POLICIES,
    callers: [peer('workload:bookinfo/productpage-v1'), peer('unknown'), peer('workload:payments/web-v1')],
    callees: [
      peer('workload:payments/postgres'),
      peer('external:api.stripe.com'),
      peer('service:bookinfo/ratings'),
      peer('external:ledger.bookinfo.svc.cluster.local'),
    ],
    health: 'healthy',
    traffic: { inbound: SERIES, outbound: SERIES },
    trafficKnown: true,
    meta: META,
  };

  it('gives a viewer who sees everything the page itself', () => {
    expect(visibleWorkloadDetail(detail, SEES_ALL)).toBe(detail);
  });

  it('drops callers and callees in hidden namespaces and the policies the viewer may not list', () => {
    const shown = visibleWorkloadDetail(detail, viewer);
    expect(shown.callers.map((p) => p.node)).toEqual(['unknown', 'workload:payments/web-v1']);
    expect(shown.callees.map((p) => p.node)).toEqual([
      'workload:payments/postgres',
      'external:api.stripe.com',
    ]);
    expect(names(shown.policies)).toEqual(SHOWN_POLICIES);
  });

  it('keeps its effective waypoint, named in the namespace it lives in', () => {
    expect(visibleWorkloadDetail(detail, viewer).waypoint).toBe(WAYPOINT);
  });
});

describe('visibleActionObjects', () => {
  const objects = payments({
    gateways: [waypoint('bookinfo'), waypoint('payments')],
    peerAuthentications: [
      peerAuthentication('payments', 'strict', 'STRICT'),
      peerAuthentication('istio-system', 'default', 'PERMISSIVE'),
    ],
  });

  it('gives a viewer who sees everything the objects themselves', () => {
    expect(visibleActionObjects(objects, SEES_ALL)).toBe(objects);
  });

  it('keeps each list only where the viewer may list its kind', () => {
    const shown = visibleActionObjects(objects, viewer);
    expect(shown.workloads).toBe(objects.workloads);
    expect(shown.services).toEqual(objects.services);
    expect(shown.deployments).toEqual(objects.deployments);
    expect(shown.gateways).toEqual([]);
    expect(shown.gatewayClasses).toEqual([]);
    expect(shown.peerAuthentications.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'istio-system/default',
    ]);
  });

  it('gives the Namespace by name only to a viewer who may not get it', () => {
    expect(visibleActionObjects(objects, viewer).namespace).toEqual({ metadata: { name: 'payments' } });
    const reader = withRules({ payments: [READ_ALL], bookinfo: [] });
    expect(visibleActionObjects(objects, reader).namespace).toBe(objects.namespace);
    expect(visibleActionObjects(objects, reader).gateways.map((g) => g.metadata.namespace)).toEqual([
      'payments',
    ]);
    expect(visibleActionObjects(objects, reader).gatewayClasses).toBe(objects.gatewayClasses);
  });
});
