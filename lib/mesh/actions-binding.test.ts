import { describe, expect, it } from 'vitest';
import { bindWaypoint, unbindWaypoint } from './actions-binding';
import { L7_FEATURES } from './actions-resolution';
import { NO_TRAFFIC, type ActionTraffic } from './actions-types';
import type { PolicyRow } from './detail-types';
import { bookinfo, outside, payments } from './__fixtures__/action-world';
import { waypoint } from './__fixtures__/cluster';

const traffic: ActionTraffic = {
  inbound: new Map([
    ['api-v1', 5],
    ['postgres', 0],
    ['details-v1', 10],
    ['reviews-v1', 3.3],
  ]),
  plaintext: [],
  policies: [],
};
const PAYMENTS_WAYPOINT = { namespace: 'payments', name: 'waypoint' };
const policy = (name: string, at: PolicyRow['enforcedAt'][number]): PolicyRow => ({
  kind: 'AuthorizationPolicy',
  namespace: 'payments',
  name,
  appliesTo: 'Service api',
  enforcedAt: [at],
  note: null,
});

describe('bindWaypoint', () => {
  const withWaypoint = (waypointFor?: string): ReturnType<typeof payments> =>
    payments({ gateways: [waypoint('payments', 'waypoint', waypointFor ? { waypointFor } : {})] });

  it('payments namespace: its Services pass through with their rates; postgres is TCP; pods are not served', () => {
    const action = bindWaypoint(withWaypoint(), { kind: 'namespace' }, PAYMENTS_WAYPOINT, traffic);
    if ('unavailable' in action) throw new Error(action.unavailable);
    expect(action).toMatchObject({
      title: 'Bind namespace payments to waypoint payments/waypoint',
      kind: 'Namespace',
      name: 'payments',
      baseResourceVersion: '7',
      warnings: [],
    });
    expect(action.effect).toEqual([
      'Services api (5 rps) and postgres will pass through waypoint payments/waypoint',
      `L7 becomes available for api: ${L7_FEATURES}`,
      'postgres: TCP only, so the waypoint carries it at L4 (identity and port rules), no L7',
      'Traffic addressed straight to the pods of api-v1 and postgres does not pass through it: payments/waypoint serves services only',
    ]);
    expect(action.object).toMatchObject({ metadata: { labels: { 'istio.io/use-waypoint': 'waypoint' } } });
  });

  it('a Service: only it passes through; ztunnel-enforced policies are told they will see the waypoint', () => {
    const action = bindWaypoint(withWaypoint('all'), { kind: 'service', name: 'api' }, PAYMENTS_WAYPOINT, {
      ...traffic,
      policies: [policy('callers', 'ztunnel')],
    });
    expect(action).toMatchObject({
      kind: 'Service',
      name: 'api',
      baseResourceVersion: '21',
      effect: [
        'Service api (5 rps) will pass through waypoint payments/waypoint',
        `L7 becomes available for api: ${L7_FEATURES}`,
      ],
      warnings: [
        "payments/callers (enforced by ztunnel) will see the waypoint's identity instead of the callers': bind rules about callers to the waypoint with targetRefs",
      ],
    });
  });

  it('a waypoint in another namespace: use-waypoint-namespace names it; a workload-only one ignores the Service', () => {
    const objects = payments({
      gateways: [waypoint('shared', 'edge', { waypointFor: 'workload', programmed: false })],
    });
    const action = bindWaypoint(
      objects,
      { kind: 'service', name: 'api' },
      { namespace: 'shared', name: 'edge' },
      traffic,
    );
    expect(action).toMatchObject({
      object: {
        metadata: {
          labels: { 'istio.io/use-waypoint': 'edge', 'istio.io/use-waypoint-namespace': 'shared' },
        },
      },
      effect: [
        'Nothing new will pass through waypoint shared/edge',
        'Traffic to api does not pass through it: shared/edge serves workloads only',
      ],
      warnings: ['Waypoint shared/edge is not Programmed yet: what is bound to it is not served until it is'],
    });
  });

  it.each<[string, Parameters<typeof bindWaypoint>, string[]]>([
    [
      'bound already',
      [bookinfo(), { kind: 'namespace' }, { namespace: 'bookinfo', name: 'waypoint' }, NO_TRAFFIC],
      ['namespace bookinfo is bound to bookinfo/waypoint already: nothing changes'],
    ],
    [
      'bound to another waypoint, which does not exist',
      [bookinfo(), { kind: 'namespace' }, { namespace: 'bookinfo', name: 'gone' }, NO_TRAFFIC],
      [
        'Replaces istio.io/use-waypoint=waypoint',
        'There is no waypoint bookinfo/gone: what is bound to it is not served until it exists',
      ],
    ],
    [
      'a namespace outside ambient',
      [outside(), { kind: 'namespace' }, { namespace: 'bookinfo', name: 'waypoint' }, NO_TRAFFIC],
      [
        'No pod of outside is captured by ztunnel: nothing passes through a waypoint until outside is in ambient',
      ],
    ],
  ])('warns when %s', (_what, args, warnings) => {
    expect(bindWaypoint(...args)).toMatchObject({ warnings });
  });

  it('is unavailable without a waypoint to bind to', () => {
    expect(
      bindWaypoint(payments(), { kind: 'namespace' }, { namespace: 'payments', name: '' }, NO_TRAFFIC),
    ).toEqual({
      unavailable: 'No waypoint exists yet: create one first',
    });
  });

  it('is unavailable for a Service the namespace does not have', () => {
    expect(
      bindWaypoint(payments(), { kind: 'service', name: 'nope' }, PAYMENTS_WAYPOINT, NO_TRAFFIC),
    ).toEqual({
      unavailable: 'payments has no Service nope',
    });
  });
});

describe('unbindWaypoint', () => {
  it('bookinfo namespace: its Services stop passing through its waypoint; waypoint policies stop applying', () => {
    const action = unbindWaypoint(
      bookinfo(),
      { kind: 'namespace' },
      {
        ...traffic,
        policies: [{ ...policy('reviews-get', 'waypoint'), namespace: 'bookinfo' }],
      },
    );
    expect(action).toMatchObject({
      title: 'Unbind namespace bookinfo from waypoint bookinfo/waypoint',
      effect: [
        'Services details (10 rps) and reviews (3.3 rps) will no longer pass through waypoint bookinfo/waypoint: ztunnel carries the traffic at L4 (mTLS and L4 policy stay)',
        `L7 stops for details and reviews: ${L7_FEATURES}`,
      ],
      warnings: [
        'AuthorizationPolicies enforced at the waypoint stop applying (what they deny gets through): bookinfo/reviews-get',
      ],
    });
    if ('unavailable' in action) throw new Error(action.unavailable);
    expect(action.object['metadata']).toEqual({
      name: 'bookinfo',
      resourceVersion: '7',
      labels: { 'kubernetes.io/metadata.name': 'bookinfo', 'istio.io/dataplane-mode': 'ambient' },
    });
  });

  it("a Service with its own label falls back to the namespace's waypoint", () => {
    const objects = bookinfo();
    objects.gateways.push(waypoint('bookinfo', 'reviews-waypoint'));
    objects.services = objects.services.map((s) =>
      s.metadata.name === 'reviews'
        ? { ...s, metadata: { ...s.metadata, labels: { 'istio.io/use-waypoint': 'reviews-waypoint' } } }
        : s,
    );
    const action = unbindWaypoint(objects, { kind: 'service', name: 'reviews' }, traffic);
    expect(action).toMatchObject({
      effect: [
        'Service reviews (3.3 rps) will no longer pass through waypoint bookinfo/reviews-waypoint: ztunnel carries the traffic at L4 (mTLS and L4 policy stay)',
        `L7 stops for reviews: ${L7_FEATURES}`,
        'reviews falls back to waypoint bookinfo/waypoint (bookinfo/waypoint, inherited from namespace)',
      ],
      warnings: [
        "The namespace's istio.io/use-waypoint=waypoint applies to it again; label it istio.io/use-waypoint=none to opt it out",
      ],
    });
  });

  it('says nothing changes when there is no label', () => {
    expect(unbindWaypoint(payments(), { kind: 'namespace' }, NO_TRAFFIC)).toMatchObject({
      effect: ['Nothing stops passing through a waypoint'],
      warnings: ['namespace payments has no istio.io/use-waypoint label: nothing changes'],
    });
  });
});

describe('bindWaypoint on a namespace whose Services have their own label', () => {
  it('says which keep their own waypoint', () => {
    const objects = bookinfo();
    objects.namespace = {
      ...objects.namespace,
      metadata: { ...objects.namespace.metadata, labels: { 'istio.io/dataplane-mode': 'ambient' } },
    };
    objects.gateways.push(waypoint('bookinfo', 'reviews-waypoint'));
    objects.services = objects.services.map((s) =>
      s.metadata.name === 'reviews'
        ? { ...s, metadata: { ...s.metadata, labels: { 'istio.io/use-waypoint': 'reviews-waypoint' } } }
        : s,
    );
    const action = bindWaypoint(
      objects,
      { kind: 'namespace' },
      { namespace: 'bookinfo', name: 'waypoint' },
      traffic,
    );
    expect(action).toMatchObject({
      effect: [
        'Service details (10 rps) will pass through waypoint bookinfo/waypoint',
        `L7 becomes available for details: ${L7_FEATURES}`,
        'Traffic addressed straight to the pods of details-v1 and reviews-v1 does not pass through it: bookinfo/waypoint serves services only',
        'reviews keeps its own istio.io/use-waypoint label',
      ],
    });
  });
});
