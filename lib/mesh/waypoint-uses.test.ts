import { describe, expect, it } from 'vitest';
import type { WaypointCatalog } from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import { AMBIENT, ns, pod, service, waypoint } from './__fixtures__/cluster';
import type { WaypointUse } from './types';
import { waypointUses } from './waypoint-uses';

const USE = 'istio.io/use-waypoint';
const USE_NS = 'istio.io/use-waypoint-namespace';

const catalog: WaypointCatalog = {
  gateways: [
    waypoint('shop'),
    waypoint('shop', 'broken', { programmed: false }),
    waypoint('shop', 'wl-only', { waypointFor: 'workload' }),
    waypoint('infra', 'shared', { waypointFor: 'all' }),
    waypoint('shop', 'ingress', { className: 'istio' }),
  ],
  gatewayClasses: [],
};

const use = (name: string, usedBy: string[], extra: Partial<WaypointUse> = {}): WaypointUse => ({
  namespace: 'shop',
  name,
  exists: true,
  programmed: true,
  trafficType: 'service',
  usedBy,
  ...extra,
});

describe('waypointUses (docs: "Waypoint: the object\'s own use-waypoint beats the namespace\'s")', () => {
  const rows: [string, KubeObject, KubeObject[], KubeObject[], WaypointUse[], string[]][] = [
    ['no label anywhere: no waypoint', ns('shop', AMBIENT), [service('shop', 'api')], [], [], []],
    [
      'the namespace label, with Services inheriting it',
      ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
      [service('shop', 'api')],
      [],
      [use('waypoint', ['namespace'])],
      [],
    ],
    [
      "a Service's own label adds its waypoint",
      ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
      [service('shop', 'api', { [USE]: 'shared', [USE_NS]: 'infra' })],
      [],
      [
        use('waypoint', ['namespace']),
        { ...use('shared', ['service/api']), namespace: 'infra', trafficType: 'all' },
      ],
      [],
    ],
    [
      'a Service opted out with none uses nothing',
      ns('shop', AMBIENT),
      [service('shop', 'api', { [USE]: 'none' })],
      [],
      [],
      [],
    ],
    [
      'a waypoint that does not exist',
      ns('shop', { ...AMBIENT, [USE]: 'gone' }),
      [],
      [],
      [use('gone', ['namespace'], { exists: false, programmed: false, trafficType: null })],
      ['uses waypoint shop/gone which does not exist'],
    ],
    [
      'a waypoint that is not Programmed',
      ns('shop', { ...AMBIENT, [USE]: 'broken' }),
      [],
      [],
      [use('broken', ['namespace'], { programmed: false })],
      ['waypoint shop/broken is not Programmed: traffic bound to it is not served'],
    ],
    [
      'a Gateway that is not a waypoint',
      ns('shop', { ...AMBIENT, [USE]: 'ingress' }),
      [],
      [],
      [use('ingress', ['namespace'], { exists: false, programmed: false, trafficType: null })],
      ['uses shop/ingress as a waypoint, but it is a Gateway of class istio'],
    ],
    [
      'Services inheriting a workload-only waypoint are not served by it',
      ns('shop', { ...AMBIENT, [USE]: 'wl-only' }),
      [service('shop', 'api'), service('shop', 'web')],
      [],
      [use('wl-only', ['namespace'], { trafficType: 'workload' })],
      ['2 objects asking for waypoint shop/wl-only are ignored: this waypoint serves workloads only'],
    ],
    [
      "a pod's own label; pods inheriting the namespace's are not listed",
      ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
      [],
      [pod('shop', 'inherits'), pod('shop', 'own', { labels: { [USE]: 'wl-only' } })],
      [use('waypoint', ['namespace']), use('wl-only', ['pod/own'], { trafficType: 'workload' })],
      [],
    ],
    [
      'Istio says a Service is not bound',
      ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
      [
        service('shop', 'api', {}, [
          { type: 'istio.io/WaypointBound', status: 'False', reason: 'WaypointIsNotReady' },
        ]),
      ],
      [],
      [use('waypoint', ['namespace'])],
      ['service api: waypoint not bound (WaypointIsNotReady)'],
    ],
  ];
  it.each(rows)('%s', (_name, namespace, services, pods, uses, problems) => {
    expect(waypointUses({ namespace, services, pods }, catalog)).toEqual({ uses, problems });
  });
});
