import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import {
  effectiveWaypoint,
  isWaypointGateway,
  waypointTrafficType,
  waypointTrafficTypeOf,
  type WaypointCatalog,
  type WaypointSubject,
  type WaypointTrafficType,
  type WaypointTrafficTypeSource,
} from './waypoint';

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

/** Istio's own waypoint class as a real install has it, with `istio.io/waypoint-for` when given. */
function waypointClass(waypointFor?: string): KubeObject {
  const labels = waypointFor ? { 'istio.io/waypoint-for': waypointFor } : undefined;
  return {
    kind: 'GatewayClass',
    metadata: { name: 'istio-waypoint', ...(labels ? { labels } : {}) },
    spec: { controllerName: 'istio.io/mesh-controller' },
  };
}

const SERVICES_ONLY = 'ignored: this waypoint serves services only';
const WORKLOADS_ONLY = 'ignored: this waypoint serves workloads only';
const NOTHING = 'ignored: this waypoint serves no traffic (waypoint-for none)';

describe('waypoint-for precedence (docs: "the Gateway\'s label beats the GatewayClass\'s, which beats the default")', () => {
  /** Labels on the Gateway and on its class; the type and its source; a Service's and a pod's verdict. */
  const rows: [
    name: string,
    gatewayLabel: string | undefined,
    classLabel: string | undefined,
    type: WaypointTrafficType,
    from: WaypointTrafficTypeSource,
    service: string,
    workload: string,
  ][] = [
    ['no label anywhere: the default', undefined, undefined, 'service', 'default', 'bound', SERVICES_ONLY],
    [
      "the GatewayClass's label, on a Gateway without its own",
      undefined,
      'workload',
      'workload',
      'gatewayclass',
      WORKLOADS_ONLY,
      'bound',
    ],
    [
      "the Gateway's label beats its GatewayClass's",
      'service',
      'workload',
      'service',
      'gateway',
      'bound',
      SERVICES_ONLY,
    ],
    [
      "the Gateway's all beats its GatewayClass's workload",
      'all',
      'workload',
      'all',
      'gateway',
      'bound',
      'bound',
    ],
    ["the GatewayClass's none serves nothing", undefined, 'none', 'none', 'gatewayclass', NOTHING, NOTHING],
    [
      'a Gateway value that is no traffic type is skipped',
      'bogus',
      'workload',
      'workload',
      'gatewayclass',
      WORKLOADS_ONLY,
      'bound',
    ],
    [
      'a GatewayClass value that is no traffic type is skipped',
      undefined,
      'bogus',
      'service',
      'default',
      'bound',
      SERVICES_ONLY,
    ],
  ];
  it.each(rows)('%s', (_name, gatewayLabel, classLabel, type, from, service, workload) => {
    const waypoint = gateway('shop', 'waypoint', gatewayLabel);
    const catalog: WaypointCatalog = { gateways: [waypoint], gatewayClasses: [waypointClass(classLabel)] };
    expect(waypointTrafficTypeOf(waypoint, catalog)).toEqual({ type, from });
    expect(waypointTrafficType(waypoint, catalog)).toBe(type);
    const verdict = (subject: WaypointSubject): string => {
      const result = effectiveWaypoint(obj('x', { [USE]: 'waypoint' }), ns(), subject, catalog);
      return result.waypoint === null ? result.reason : 'bound';
    };
    expect(verdict('service')).toBe(service);
    expect(verdict('workload')).toBe(workload);
  });

  it('without the GatewayClasses, only the Gateway and the default are known', () => {
    const waypoint = gateway('shop', 'waypoint');
    expect(waypointTrafficTypeOf(waypoint, { gateways: [waypoint], gatewayClasses: [] })).toEqual({
      type: 'service',
      from: 'default',
    });
  });

  it("a Gateway of another class is a waypoint when its class's controller is Istio's mesh controller", () => {
    const own = gateway('shop', 'own', undefined, 'my-waypoints');
    const myClass = {
      metadata: { name: 'my-waypoints' },
      spec: { controllerName: 'istio.io/mesh-controller' },
    };
    expect(isWaypointGateway(own, { gateways: [own], gatewayClasses: [] })).toBe(false);
    expect(isWaypointGateway(own, { gateways: [own], gatewayClasses: [myClass] })).toBe(true);
  });
});
