import { describe, expect, it } from 'vitest';
import type { WaypointCatalog } from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import { AMBIENT, CAPTURED, SIDECAR, ns, pod, service, waypoint } from './__fixtures__/cluster';
import type { WorkloadGroup } from './view-inputs';
import type { EffectiveWaypointRow } from './views-types';
import { namespaceRows, serviceRow, workloadRow } from './waypoint-rows';

const USE = 'istio.io/use-waypoint';
const USE_NS = 'istio.io/use-waypoint-namespace';

const catalog: WaypointCatalog = {
  gateways: [
    waypoint('shop'),
    waypoint('shop', 'all-wp', { waypointFor: 'all' }),
    waypoint('shop', 'wl-wp', { waypointFor: 'workload' }),
    waypoint('infra', 'shared', { waypointFor: 'all' }),
  ],
  gatewayClasses: [],
};

/** A workload of one captured pod labelled `app=<name>` (so `service(ns, name)` selects it). */
function workload(
  name: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = CAPTURED,
): WorkloadGroup {
  return {
    namespace: 'shop',
    name: `${name}-v1`,
    pods: [pod('shop', `${name}-v1-abc`, { labels: { app: name, ...labels }, annotations })],
  };
}

const waypointOf = (row: EffectiveWaypointRow): string | null =>
  row.waypoint ? `${row.waypoint.namespace}/${row.waypoint.name}` : null;

describe('serviceRow (docs: "Waypoint: the object\'s own use-waypoint beats the namespace\'s; none opts out")', () => {
  const rows: [string, KubeObject, KubeObject, string | null, string, RegExp][] = [
    [
      'a Service inherits the namespace label',
      service('shop', 'api'),
      ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
      'shop/waypoint',
      'bound',
      /^shop\/waypoint, inherited from namespace$/,
    ],
    [
      "the Service's own label beats the namespace's",
      service('shop', 'api', { [USE]: 'all-wp' }),
      ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
      'shop/all-wp',
      'bound',
      /set on the object/,
    ],
    [
      '`none` on the Service opts it out',
      service('shop', 'api', { [USE]: 'none' }),
      ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
      null,
      'opted-out',
      /^opted out with none$/,
    ],
    [
      'use-waypoint-namespace: the waypoint lives elsewhere',
      service('shop', 'api', { [USE]: 'shared', [USE_NS]: 'infra' }),
      ns('shop', AMBIENT),
      'infra/shared',
      'bound',
      /infra\/shared/,
    ],
    [
      'waypoint-for workload does not serve a Service',
      service('shop', 'api', { [USE]: 'wl-wp' }),
      ns('shop', AMBIENT),
      null,
      'wrong-traffic-type',
      /^ignored: this waypoint serves workloads only$/,
    ],
    [
      'no label anywhere',
      service('shop', 'api'),
      ns('shop', AMBIENT),
      null,
      'no-waypoint',
      /no istio.io\/use-waypoint label/,
    ],
  ];
  it.each(rows)('%s', (_name, svc, namespace, expected, status, reason) => {
    const row = serviceRow(svc, 'service', namespace, catalog);
    expect(waypointOf(row)).toBe(expected);
    expect(row.status).toBe(status);
    expect(row.reason).toMatch(reason);
  });

  it('carries Istio\'s WaypointBound condition (docs: "Services get condition istio.io/WaypointBound")', () => {
    const svc = service('shop', 'api', {}, [
      { type: 'istio.io/WaypointBound', status: 'False', reason: 'WaypointIsNotReady', message: 'not ready' },
    ]);
    const row = serviceRow(svc, 'service', ns('shop', { [USE]: 'waypoint' }), catalog);
    expect(row.bound).toEqual({ status: 'False', reason: 'WaypointIsNotReady', message: 'not ready' });
    expect(serviceRow(service('shop', 'db'), 'service', ns('shop'), catalog).bound).toBeNull();
  });
});

describe('workloadRow (docs: "A workload that inherits a service-only waypoint is silently not served by it")', () => {
  const withWaypoint = ns('shop', { ...AMBIENT, [USE]: 'waypoint' });
  const rows: [string, WorkloadGroup, KubeObject, KubeObject[], string | null, string, RegExp][] = [
    [
      "served through its Service; the pod's own address is not (service-only waypoint)",
      workload('api'),
      withWaypoint,
      [service('shop', 'api')],
      'shop/waypoint',
      'bound',
      /^shop\/waypoint, inherited from namespace \(through Service api\); addressed to the pod: ignored: this waypoint serves services only$/,
    ],
    [
      'no Service: inheriting a service-only waypoint serves nothing',
      workload('batch'),
      withWaypoint,
      [],
      null,
      'wrong-traffic-type',
      /^ignored: this waypoint serves services only$/,
    ],
    [
      'a waypoint for all traffic serves the pod directly',
      workload('api'),
      ns('shop', { ...AMBIENT, [USE]: 'all-wp' }),
      [service('shop', 'api')],
      'shop/all-wp',
      'bound',
      /^shop\/all-wp, inherited from namespace$/,
    ],
    [
      "the pod's own label beats the namespace's",
      workload('api', { [USE]: 'wl-wp' }),
      withWaypoint,
      [],
      'shop/wl-wp',
      'bound',
      /set on the object/,
    ],
    [
      'a pod opting out with none is still reached through its Service',
      workload('api', { [USE]: 'none' }),
      withWaypoint,
      [service('shop', 'api')],
      'shop/waypoint',
      'bound',
      /addressed to the pod: opted out with none$/,
    ],
    [
      'sidecar pods are never captured, so no waypoint serves them',
      workload('api', {}, SIDECAR),
      withWaypoint,
      [service('shop', 'api')],
      null,
      'not-captured',
      /sidecar/,
    ],
    [
      'a pod opted out of ambient is not captured',
      workload('api', { 'istio.io/dataplane-mode': 'none' }, {}),
      withWaypoint,
      [service('shop', 'api')],
      null,
      'not-captured',
      /opted out with istio.io\/dataplane-mode=none/,
    ],
  ];
  it.each(rows)('%s', (_name, w, namespace, services, expected, status, reason) => {
    const row = workloadRow(w, { namespace, services }, catalog);
    expect(waypointOf(row)).toBe(expected);
    expect(row.status).toBe(status);
    expect(row.reason).toMatch(reason);
  });

  it('lists the Services that select the workload', () => {
    const row = workloadRow(
      workload('api'),
      { namespace: withWaypoint, services: [service('shop', 'db'), service('shop', 'api')] },
      catalog,
    );
    expect(row).toMatchObject({ kind: 'workload', name: 'api-v1', dataplane: 'ambient', services: ['api'] });
  });
});

describe('namespaceRows', () => {
  it('lists Services and ServiceEntries by name, then workloads', () => {
    const entry: KubeObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: 'stripe', namespace: 'shop', labels: { [USE]: 'all-wp' } },
    };
    const rows = namespaceRows(
      {
        namespace: ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
        services: [service('shop', 'web'), service('shop', 'api')],
        serviceEntries: [entry],
        workloads: [workload('web'), workload('api')],
      },
      catalog,
    );
    expect(rows.services.map((r) => [r.kind, r.name, waypointOf(r)])).toEqual([
      ['service', 'api', 'shop/waypoint'],
      ['serviceentry', 'stripe', 'shop/all-wp'],
      ['service', 'web', 'shop/waypoint'],
    ]);
    expect(rows.workloads.map((r) => r.name)).toEqual(['api-v1', 'web-v1']);
  });
});
