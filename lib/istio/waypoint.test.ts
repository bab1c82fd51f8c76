import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { effectiveWaypoint, type WaypointSubject, type WaypointCatalog } from './waypoint';

function gateway(
  namespace: string,
  name: string,
  waypointFor?: string,
  className = 'istio-waypoint',
): KubeObject {
  const labels = waypointFor ? { 'istio.io/waypoint-for': waypointFor } : undefined;
  return {
    kind: 'Gateway',
    metadata: { name, namespace, ...(labels ? { labels } : {}) },
    spec: { gatewayClassName: className },
  };
}
function obj(name: string, labels: Record<string, string> = {}, namespace = 'shop'): KubeObject {
  return { metadata: { name, namespace, labels } };
}
function ns(labels: Record<string, string> = {}): KubeObject {
  return { metadata: { name: 'shop', labels } };
}
const USE = 'istio.io/use-waypoint';
const catalog: WaypointCatalog = {
  gateways: [
    gateway('shop', 'waypoint'),
    gateway('shop', 'svc-wp', 'service'),
    gateway('shop', 'all-wp', 'all'),
    gateway('shop', 'wl-wp', 'workload'),
    gateway('infra', 'shared'),
    gateway('shop', 'ingress', undefined, 'istio'),
    gateway('shop', 'by-class', undefined, 'workload-waypoints'),
    gateway('shop', 'label-beats-class', 'service', 'workload-waypoints'),
    gateway('shop', 'none-wp', 'none'),
  ],
  gatewayClasses: [
    {
      metadata: { name: 'workload-waypoints', labels: { 'istio.io/waypoint-for': 'workload' } },
      spec: { controllerName: 'istio.io/mesh-controller' },
    },
  ],
};

describe('effectiveWaypoint', () => {
  const rows: [string, KubeObject, KubeObject, WaypointSubject, string | null, RegExp][] = [
    [
      'a Service inherits its namespace waypoint',
      obj('reviews'),
      ns({ [USE]: 'waypoint' }),
      'service',
      'shop/waypoint',
      /inherited from namespace/,
    ],
    [
      "the Service's own label beats the namespace's",
      obj('reviews', { [USE]: 'all-wp' }),
      ns({ [USE]: 'waypoint' }),
      'service',
      'shop/all-wp',
      /set on the object/,
    ],
    [
      'a Service opts out with none',
      obj('reviews', { [USE]: 'none' }),
      ns({ [USE]: 'waypoint' }),
      'service',
      null,
      /opted out with none/,
    ],
    [
      'a namespace opting out with none',
      obj('reviews'),
      ns({ [USE]: 'none' }),
      'service',
      null,
      /namespace opted out/,
    ],
    ['no label anywhere', obj('reviews'), ns(), 'service', null, /no istio.io\/use-waypoint/],
    [
      'use-waypoint-namespace points elsewhere',
      obj('reviews', { [USE]: 'shared', 'istio.io/use-waypoint-namespace': 'infra' }),
      ns(),
      'service',
      'infra/shared',
      /set on the object/,
    ],
    [
      'a missing waypoint',
      obj('reviews', { [USE]: 'ghost' }),
      ns(),
      'service',
      null,
      /waypoint not found: shop\/ghost/,
    ],
    [
      'a Gateway that is not a waypoint',
      obj('reviews', { [USE]: 'ingress' }),
      ns(),
      'service',
      null,
      /not a waypoint/,
    ],
    [
      'a workload inheriting a service-only waypoint is not served',
      obj('pod-1'),
      ns({ [USE]: 'svc-wp' }),
      'workload',
      null,
      /serves services only/,
    ],
    [
      'a workload inheriting the default (service) waypoint is not served',
      obj('pod-1'),
      ns({ [USE]: 'waypoint' }),
      'workload',
      null,
      /serves services only/,
    ],
    [
      'a workload inheriting an all waypoint is served',
      obj('pod-1'),
      ns({ [USE]: 'all-wp' }),
      'workload',
      'shop/all-wp',
      /inherited/,
    ],
    [
      'a Service asking for a workload waypoint is not served',
      obj('reviews', { [USE]: 'wl-wp' }),
      ns(),
      'service',
      null,
      /serves workloads only/,
    ],
    [
      "waypoint-for from the GatewayClass's label",
      obj('pod-1', { [USE]: 'by-class' }),
      ns(),
      'workload',
      'shop/by-class',
      /set on the object/,
    ],
    [
      "the Gateway's label beats its GatewayClass's",
      obj('pod-1', { [USE]: 'label-beats-class' }),
      ns(),
      'workload',
      null,
      /serves services only/,
    ],
    // More rows from docs/istio-ambient.md, "Enrollment and waypoint labels" and "Precedence".
    [
      'docs: use-waypoint-namespace on the namespace names where its waypoint lives',
      obj('reviews'),
      ns({ [USE]: 'shared', 'istio.io/use-waypoint-namespace': 'infra' }),
      'service',
      'infra/shared',
      /^infra\/shared, inherited from namespace$/,
    ],
    [
      'docs: none on a pod opts it out of its namespace waypoint',
      obj('pod-1', { [USE]: 'none' }),
      ns({ [USE]: 'all-wp' }),
      'workload',
      null,
      /^opted out with none$/,
    ],
    [
      "docs: a pod's own label naming a service-only waypoint is not served either",
      obj('pod-1', { [USE]: 'svc-wp' }),
      ns(),
      'workload',
      null,
      /^ignored: this waypoint serves services only$/,
    ],
    [
      'docs: waypoint-for none serves nothing',
      obj('reviews', { [USE]: 'none-wp' }),
      ns(),
      'service',
      null,
      /serves no traffic/,
    ],
  ];
  it.each(rows)('%s', (_name, object, namespace, subject, expected, reason) => {
    const result = effectiveWaypoint(object, namespace, subject, catalog);
    const got = result.waypoint
      ? `${result.waypoint.metadata.namespace}/${result.waypoint.metadata.name}`
      : null;
    expect(got).toBe(expected);
    expect(result.reason).toMatch(reason);
  });

  it('says which status the resolution ended in, for the posture page', () => {
    expect(effectiveWaypoint(obj('r', { [USE]: 'ghost' }), ns(), 'service', catalog).status).toBe(
      'not-found',
    );
    expect(effectiveWaypoint(obj('p'), ns({ [USE]: 'svc-wp' }), 'workload', catalog).status).toBe(
      'wrong-traffic-type',
    );
    expect(effectiveWaypoint(obj('r'), ns({ [USE]: 'waypoint' }), 'service', catalog)).toMatchObject({
      status: 'bound',
      from: 'namespace',
    });
  });
});
