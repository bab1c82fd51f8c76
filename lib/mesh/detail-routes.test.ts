import { describe, expect, it } from 'vitest';
import { loadKind } from '@/lib/istio/__fixtures__/load-yaml';
import type { KubeObject } from '@/lib/kube/object';
import { namespaceRoutingRows, routingRow, workloadRoutingRows, type RoutedService } from './detail-routes';

/** The sample's objects created at `timestamp`, their names suffixed (two samples name their VirtualService alike). */
const at = (timestamp: string, objects: KubeObject[], suffix = ''): KubeObject[] =>
  objects.map((o) => ({
    ...o,
    metadata: { ...o.metadata, name: `${o.metadata.name}${suffix}`, creationTimestamp: timestamp },
  }));
const reviews8020 = at(
  '2026-01-02T00:00:00Z',
  loadKind('networking-virtual-service-reviews-80-20.yaml', 'VirtualService'),
);
const allV1 = at(
  '2026-01-01T00:00:00Z',
  loadKind('networking-virtual-service-all-v1.yaml', 'VirtualService'),
  '-all-v1',
);
const route9010 = loadKind('gateway-api-route-reviews-90-10.yaml', 'HTTPRoute');
const rules = loadKind('networking-destination-rule-all.yaml', 'DestinationRule');

const service = (name: string, hasWaypoint: boolean, namespace = 'bookinfo'): RoutedService => ({
  namespace,
  name,
  hasWaypoint,
});
const WITH_WAYPOINT = ['productpage', 'reviews', 'reviews-v1', 'reviews-v2', 'ratings', 'details'].map((n) =>
  service(n, true),
);
const WITHOUT_WAYPOINT = WITH_WAYPOINT.map((s) => ({ ...s, hasWaypoint: false }));

describe('who applies a routing object', () => {
  it.each<[string, KubeObject, readonly RoutedService[], string[], RegExp | null]>([
    [
      'a VirtualService of a Service with a waypoint: the waypoint, and sidecar clients (they bypass it)',
      reviews8020[0] as KubeObject,
      WITH_WAYPOINT,
      ['sidecar', 'waypoint'],
      null,
    ],
    [
      'without a waypoint, only sidecar clients',
      reviews8020[0] as KubeObject,
      WITHOUT_WAYPOINT,
      ['sidecar'],
      /ambient clients are not routed/,
    ],
    [
      'an HTTPRoute attached to the Service',
      route9010[0] as KubeObject,
      WITH_WAYPOINT,
      ['sidecar', 'waypoint'],
      null,
    ],
    ['a host no Service has', reviews8020[0] as KubeObject, [service('other', true)], [], /names no Service/],
  ])('%s', (_what, object, services, enforcedAt, note) => {
    const kind = object.kind as 'VirtualService' | 'HTTPRoute';
    const row = routingRow(kind, object, services, reviews8020);
    expect(row.enforcedAt).toEqual(enforcedAt);
    if (note === null) expect(row.note).toBeNull();
    else expect(row.note).toMatch(note);
  });

  it('says when another VirtualService for the host is the one in effect', () => {
    const vs = [...allV1, ...reviews8020];
    const newer = routingRow('VirtualService', reviews8020[0] as KubeObject, WITH_WAYPOINT, vs);
    expect(newer.note).toBe('not in effect for reviews: bookinfo/reviews-all-v1 is');
  });

  it('says what each names', () => {
    expect(routingRow('VirtualService', reviews8020[0] as KubeObject, WITH_WAYPOINT).appliesTo).toBe(
      'hosts reviews',
    );
    expect(routingRow('HTTPRoute', route9010[0] as KubeObject, WITH_WAYPOINT).appliesTo).toBe(
      'parents Service reviews',
    );
    const reviewsRule = rules.find((r) => r.metadata.name === 'reviews') as KubeObject;
    expect(routingRow('DestinationRule', reviewsRule, WITH_WAYPOINT).appliesTo).toBe(
      'host reviews (subsets v1, v2, v3)',
    );
  });
});

describe('routing rows of a page', () => {
  const objects = { virtualServices: reviews8020, httpRoutes: route9010, destinationRules: rules };

  it('a workload: what routes to or through its Services, and the DestinationRule in effect', () => {
    const mine = [
      { namespace: 'bookinfo', name: 'reviews' },
      { namespace: 'bookinfo', name: 'reviews-v2' },
    ];
    expect(workloadRoutingRows(objects, mine, WITH_WAYPOINT).map((r) => `${r.kind} ${r.name}`)).toEqual([
      'VirtualService reviews',
      'HTTPRoute reviews',
      'DestinationRule reviews',
    ]);
    expect(
      workloadRoutingRows(objects, [{ namespace: 'bookinfo', name: 'details' }], WITH_WAYPOINT).map(
        (r) => r.name,
      ),
    ).toEqual(['details']);
  });

  it('a namespace: its own objects only', () => {
    expect(namespaceRoutingRows(objects, 'bookinfo', WITH_WAYPOINT)).toHaveLength(1 + 1 + rules.length);
    expect(namespaceRoutingRows(objects, 'payments', WITH_WAYPOINT)).toEqual([]);
  });
});
