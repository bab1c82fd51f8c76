import { describe, expect, it } from 'vitest';
import { createWaypoint, serviceAccountsOf, waypointGateway } from './actions-waypoint';
import { bookinfo, outside, payments } from './__fixtures__/action-world';
import { service, waypoint } from './__fixtures__/cluster';

describe('createWaypoint', () => {
  it('payments, namespace scope: the Gateway istioctl waypoint generate writes, and nothing bound yet', () => {
    const action = createWaypoint(payments(), {
      action: 'create-waypoint',
      namespace: 'payments',
      scope: 'namespace',
      waypointFor: 'service',
    });
    expect(action).toEqual({
      action: 'create-waypoint',
      title: 'Create waypoint payments/waypoint',
      kind: 'Gateway',
      namespace: 'payments',
      name: 'waypoint',
      object: {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'waypoint', namespace: 'payments', labels: { 'istio.io/waypoint-for': 'service' } },
        spec: {
          gatewayClassName: 'istio-waypoint',
          listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
        },
      },
      effect: [
        'istiod deploys waypoint payments/waypoint: an Envoy Deployment and a Service named waypoint (HBONE port 15008), Programmed once its pod is ready',
        'It serves traffic addressed to Services (istio.io/waypoint-for=service)',
        'Nothing passes through it until payments or its Services name it with istio.io/use-waypoint=waypoint (Bind)',
      ],
      warnings: [],
    });
  });

  it('payments, service account api: named after the account, for its workloads', () => {
    const action = createWaypoint(payments(), {
      action: 'create-waypoint',
      namespace: 'payments',
      scope: 'service-account',
      serviceAccount: 'api',
      waypointFor: 'workload',
    });
    if ('unavailable' in action) throw new Error(action.unavailable);
    expect(action.name).toBe('api-waypoint');
    expect(action.object).toEqual(waypointGateway('payments', 'api-waypoint', 'workload'));
    expect(action.effect.slice(1)).toEqual([
      'It serves traffic addressed to pod IPs (workloads), not to Services (istio.io/waypoint-for=workload)',
      'Nothing passes through it until the workloads running as api (api-v1) are bound to it with istio.io/use-waypoint=api-waypoint on their pods',
    ]);
    expect(action.warnings).toEqual([
      'Istio has no per-service-account Gateway field (since 1.22): a service-account waypoint serves the workloads bound to it by label',
    ]);
  });

  it.each<[string, () => ReturnType<typeof payments>, string, string[]]>([
    [
      'a Gateway of that name',
      () => payments({ gateways: [waypoint('payments')] }),
      'waypoint',
      ['A Gateway payments/waypoint exists already: applying is refused; bind to it instead'],
    ],
    [
      'a Service of that name',
      () => payments({ services: [service('payments', 'edge')] }),
      'edge',
      ['payments has a Service named edge already: istiod cannot deploy the waypoint under that name'],
    ],
    [
      'another waypoint in the namespace',
      () => payments({ gateways: [waypoint('payments', 'api-waypoint')] }),
      'waypoint',
      ['payments has a waypoint already: api-waypoint'],
    ],
  ])('warns about %s', (_what, objects, name, warnings) => {
    const action = createWaypoint(objects(), {
      action: 'create-waypoint',
      namespace: 'payments',
      scope: 'namespace',
      waypointFor: 'all',
      name,
    });
    expect(action).toMatchObject({ warnings });
  });

  it('warns, as istioctl does, when the namespace is not in ambient', () => {
    const action = createWaypoint(outside(), {
      action: 'create-waypoint',
      namespace: 'outside',
      scope: 'namespace',
      waypointFor: 'service',
    });
    expect(action).toMatchObject({
      warnings: [
        'outside has no pod captured by ztunnel: the waypoint sees none of its traffic until the namespace is in ambient',
      ],
    });
  });

  it('needs the account for the service-account scope', () => {
    expect(
      createWaypoint(payments(), {
        action: 'create-waypoint',
        namespace: 'payments',
        scope: 'service-account',
        waypointFor: 'workload',
      }),
    ).toEqual({ unavailable: 'a service-account waypoint needs the service account it is for' });
  });
});

describe('serviceAccountsOf', () => {
  it('lists the accounts of application pods only, once each', () => {
    expect(serviceAccountsOf(payments())).toEqual(['api', 'postgres']);
    // bookinfo's waypoint pod runs as the default account: infrastructure, not listed.
    expect(serviceAccountsOf(bookinfo())).toEqual(['bookinfo-details', 'bookinfo-reviews']);
  });
});
