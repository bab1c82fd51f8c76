import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import {
  AMBIENT,
  CAPTURED,
  deployment,
  gatewayClass,
  ns,
  pod,
  service,
  waypoint,
} from './__fixtures__/cluster';
import { edge } from './__fixtures__/graph-edges';
import type { WorkloadGroup } from './view-inputs';
import type { WaypointCard } from './views-types';
import { trafficThrough, waypointNodeId, waypointsView, type WaypointsInput } from './waypoints-view';

const USE = 'istio.io/use-waypoint';
const USE_NS = 'istio.io/use-waypoint-namespace';
const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';

function group(namespace: string, name: string, pods: KubeObject[]): WorkloadGroup {
  return { namespace, name, pods };
}
const app = (namespace: string, name: string, labels: Record<string, string> = {}): WorkloadGroup =>
  group(namespace, `${name}-v1`, [
    pod(namespace, `${name}-v1-a`, { labels: { app: name, ...labels }, annotations: CAPTURED }),
  ]);
const waypointPods = (namespace: string, name: string): WorkloadGroup =>
  group(namespace, name, [pod(namespace, `${name}-x`, { labels: { [GATEWAY_NAME]: name } })]);

/** shop: ambient, namespace waypoint; infra: a shared waypoint for all traffic; plain: ambient, no waypoint. */
function input(extra: Partial<WaypointsInput> = {}): WaypointsInput {
  const revisioned: KubeObject = {
    ...waypoint('infra', 'shared', { waypointFor: 'all' }),
    metadata: {
      name: 'shared',
      namespace: 'infra',
      labels: { 'istio.io/waypoint-for': 'all', 'istio.io/rev': 'canary' },
    },
  };
  return {
    namespaces: [ns('shop', { ...AMBIENT, [USE]: 'waypoint' }), ns('infra'), ns('plain', AMBIENT), ns('off')],
    services: [
      service('shop', 'api'),
      service('shop', 'db', { [USE]: 'shared', [USE_NS]: 'infra' }),
      service('shop', 'waypoint', { [GATEWAY_NAME]: 'waypoint' }),
      service('plain', 'web'),
    ],
    serviceEntries: [],
    workloads: [
      app('shop', 'api'),
      app('shop', 'db'),
      app('shop', 'batch', { [USE]: 'waypoint' }),
      waypointPods('shop', 'waypoint'),
      waypointPods('infra', 'shared'),
      app('plain', 'web'),
      group('off', 'job', [pod('off', 'job-1')]),
    ],
    gateways: [waypoint('shop'), revisioned],
    gatewayClasses: [gatewayClass()],
    deployments: [
      deployment('shop', 'waypoint', {
        image: 'istio/proxyv2:1.28.0',
        templateLabels: {},
        labels: { [GATEWAY_NAME]: 'waypoint' },
      }),
      deployment('infra', 'shared', {
        image: 'istio/proxyv2:1.28.0',
        templateLabels: {},
        replicas: 2,
        ready: 0,
      }),
    ],
    edges: [
      edge('workload:shop/api-v1', 'workload:shop/db-v1', {
        via: 'workload:infra/shared',
        requestsPerSecond: 4,
        errorRate: 0.25,
        bytesPerSecond: 100,
      }),
      edge('workload:plain/web-v1', 'workload:shop/api-v1', {
        via: 'workload:shop/waypoint',
        requestsPerSecond: 10,
      }),
      edge('workload:plain/web-v1', 'workload:shop/api-v1', { layer: 'L4', bytesPerSecond: 50 }),
    ],
    ...extra,
  };
}

function card(view: ReturnType<typeof waypointsView>, key: string): WaypointCard {
  const found = view.waypoints.find((w) => `${w.namespace}/${w.name}` === key);
  if (!found) throw new Error(`no card ${key}`);
  return found;
}

describe('waypointsView: the cards (as `istioctl waypoint list` shows them)', () => {
  const view = waypointsView(input());

  it('lists every waypoint Gateway by namespace and name', () => {
    expect(view.waypoints.map((w) => `${w.namespace}/${w.name}`)).toEqual(['infra/shared', 'shop/waypoint']);
  });

  it('reads waypoint-for (docs: "the Gateway\'s label beats …, which beats the default service"), revision and replicas', () => {
    expect(card(view, 'shop/waypoint')).toMatchObject({
      waypointFor: 'service',
      waypointForFrom: 'default',
      programmed: { status: 'True' },
      replicas: { ready: 1, desired: 1 },
      revision: 'default',
    });
    expect(card(view, 'infra/shared')).toMatchObject({
      waypointFor: 'all',
      waypointForFrom: 'gateway',
      replicas: { ready: 0, desired: 2 },
      revision: 'canary',
    });
  });

  it('lists what binds it by its own label, and whether the waypoint serves it', () => {
    expect(card(view, 'shop/waypoint').bindings).toEqual([
      {
        kind: 'namespace',
        namespace: 'shop',
        name: 'shop',
        label: 'istio.io/use-waypoint=waypoint',
        effective: true,
        reason: 'its Services inherit it; its workloads do not (this waypoint serves services only)',
      },
      {
        kind: 'workload',
        namespace: 'shop',
        name: 'batch-v1',
        label: 'istio.io/use-waypoint=waypoint',
        pods: 1,
        effective: false,
        reason: 'ignored: this waypoint serves services only',
      },
    ]);
    expect(card(view, 'infra/shared').bindings).toEqual([
      {
        kind: 'service',
        namespace: 'shop',
        name: 'db',
        label: 'istio.io/use-waypoint=shared, istio.io/use-waypoint-namespace=infra',
        effective: true,
        reason: 'bound',
      },
    ]);
  });

  it('counts what it effectively serves, and the traffic through it (edges whose via is its workload)', () => {
    expect(card(view, 'shop/waypoint').serves).toEqual({ services: 1, workloads: 1 });
    expect(card(view, 'infra/shared').serves).toEqual({ services: 1, workloads: 1 });
    expect(card(view, 'shop/waypoint').traffic).toMatchObject({
      requestsPerSecond: 10,
      errorShare: 0,
      calls: 1,
    });
    expect(card(view, 'infra/shared').traffic).toMatchObject({
      requestsPerSecond: 4,
      errorShare: 0.25,
      bytesPerSecond: 100,
      calls: 1,
    });
  });

  it('says what is wrong in words', () => {
    expect(card(view, 'shop/waypoint').problems).toEqual([
      '1 object bound by label but ignored: this waypoint serves services only',
    ]);
    expect(card(view, 'infra/shared').problems).toEqual([
      'no ready replica (0/2): traffic bound to it fails',
    ]);
  });

  it('leaves traffic unknown (null), not zero, when the metrics could not be read', () => {
    expect(waypointsView(input({ edges: null })).waypoints.every((w) => w.traffic === null)).toBe(true);
  });
});

describe('waypointsView: waypoint-for on the GatewayClass (docs: "Precedence")', () => {
  /** shop/api binds shop/waypoint by its own label; the class `istio-waypoint` says workload. */
  const rows: [
    name: string,
    gateway: KubeObject,
    waypointFor: string,
    from: string,
    api: Pick<WaypointCard['bindings'][number], 'effective' | 'reason'>,
    apiRow: string,
    batch: boolean,
  ][] = [
    [
      "a Gateway without its own label takes its class's: workloads only",
      waypoint('shop'),
      'workload',
      'gatewayclass',
      { effective: false, reason: 'ignored: this waypoint serves workloads only' },
      'ignored: this waypoint serves workloads only',
      true,
    ],
    [
      "the Gateway's own label beats its class's",
      waypoint('shop', 'waypoint', { waypointFor: 'service' }),
      'service',
      'gateway',
      { effective: true, reason: 'bound' },
      'shop/waypoint, set on the object',
      false,
    ],
  ];
  it.each(rows)('%s', (_name, gateway, waypointFor, from, api, apiRow, batch) => {
    const view = waypointsView(
      input({
        gateways: [gateway],
        gatewayClasses: [gatewayClass('istio-waypoint', { waypointFor: 'workload' })],
        services: [service('shop', 'api', { [USE]: 'waypoint' })],
      }),
    );
    const shop = card(view, 'shop/waypoint');
    expect(shop).toMatchObject({ waypointFor, waypointForFrom: from });
    expect(shop.bindings.find((b) => b.kind === 'service' && b.name === 'api')).toMatchObject(api);
    expect(shop.bindings.find((b) => b.kind === 'workload' && b.name === 'batch-v1')?.effective).toBe(batch);
    const row = view.namespaces.find((n) => n.namespace === 'shop')?.services.find((r) => r.name === 'api');
    expect(row?.waypoint).toEqual(api.effective ? { namespace: 'shop', name: 'waypoint' } : null);
    expect(row?.reason).toBe(apiRow);
  });
});

describe('waypointsView: the namespaces', () => {
  const view = waypointsView(input());

  it('resolves the namespaces that use waypoints; ambient ones without any are listed apart', () => {
    expect(view.namespaces.map((n) => [n.namespace, n.label])).toEqual([
      ['infra', null],
      ['shop', 'waypoint'],
    ]);
    expect(view.withoutWaypoint).toEqual(['plain']);
  });

  it("leaves the waypoint's own Service and pods out of the rows", () => {
    const shop = view.namespaces.find((n) => n.namespace === 'shop');
    expect(shop?.services.map((r) => r.name)).toEqual(['api', 'db']);
    expect(shop?.workloads.map((r) => r.name)).toEqual(['api-v1', 'batch-v1', 'db-v1']);
  });
});

describe('waypoint problems', () => {
  const rows: [string, Partial<WaypointsInput>, string][] = [
    [
      'not Programmed, with its reason',
      {
        gateways: [
          {
            ...waypoint('shop'),
            status: {
              conditions: [{ type: 'Programmed', status: 'False', reason: 'Invalid', message: 'bad' }],
            },
          },
        ],
      },
      'not Programmed (Invalid: bad): traffic bound to it is not served',
    ],
    ['no Deployment', { deployments: [] }, 'no Deployment runs it'],
    [
      'WaypointBound False on a Service it serves',
      {
        services: [
          service('shop', 'api', {}, [
            { type: 'istio.io/WaypointBound', status: 'False', reason: 'AttachmentDenied' },
          ]),
        ],
      },
      'Service shop/api: WaypointBound False (AttachmentDenied)',
    ],
    [
      'nothing uses it',
      { namespaces: [ns('shop', AMBIENT)], workloads: [] },
      'nothing uses it: no namespace, Service or pod names it in istio.io/use-waypoint',
    ],
  ];
  it.each(rows)('%s', (_name, change, problem) => {
    const view = waypointsView(input({ gateways: [waypoint('shop')], ...change }));
    expect(card(view, 'shop/waypoint').problems).toContain(problem);
  });
});

describe('waypointNodeId and trafficThrough', () => {
  it('names the graph node after the workload of the pods that name the Gateway', () => {
    const pods = [
      group('shop', 'waypoint-abc', [pod('shop', 'p', { labels: { [GATEWAY_NAME]: 'waypoint' } })]),
    ];
    expect(waypointNodeId({ namespace: 'shop', name: 'waypoint' }, pods)).toBe('workload:shop/waypoint-abc');
    expect(waypointNodeId({ namespace: 'shop', name: 'waypoint' }, [])).toBe('workload:shop/waypoint');
  });

  it('weights the error share by requests and keeps the busiest calls first', () => {
    const via = 'workload:shop/waypoint';
    const traffic = trafficThrough(
      [
        edge('a', 'b', { via, requestsPerSecond: 1, errorRate: 1 }),
        edge('c', 'd', { via, requestsPerSecond: 3, errorRate: 0 }),
        edge('e', 'f', { requestsPerSecond: 100 }),
      ],
      via,
    );
    expect(traffic).toMatchObject({ requestsPerSecond: 4, errorShare: 0.25, calls: 2, bytesPerSecond: null });
    expect(traffic.topCalls.map((c) => c.source)).toEqual(['c', 'a']);
  });
});
