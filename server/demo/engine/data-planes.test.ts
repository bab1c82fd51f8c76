import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { ambient } from './__fixtures__/bookinfo';
import { behave, behaviourOf, MeshBuilder, source } from './__fixtures__/mesh-builder';
import { countWhere, expectAll, flowsWhere, nonEmpty, tick } from './__fixtures__/tick';

const BEHAVIOUR = behaviourOf(
  [behave('shop', 'api-v1'), behave('shop', 'web'), behave('istio-system', 'istio-ingressgateway')],
  [],
  [
    source('shop/web', 'shop/api', 50, { path: '/admin/x' }),
    source('istio-system/istio-ingressgateway', 'shop/api', 50, { path: '/' }),
  ],
);

/** shop with `api` and `web`, and an ingress gateway (Envoy with the sidecar status, as the world marks it). */
function mesh(
  namespaceLabels: Record<string, string>,
  api: { dataplane?: 'sidecar'; podLabels?: Record<string, string> } = {},
): MeshBuilder {
  return new MeshBuilder()
    .namespace('istio-system')
    .namespace('shop', namespaceLabels)
    .workload('shop', 'web')
    .workload('shop', 'api-v1', { app: 'api', ...api })
    .service('shop', 'api')
    .workload('istio-system', 'istio-ingressgateway', {
      app: 'istio-ingressgateway',
      podLabels: { istio: 'ingressgateway' },
      podAnnotations: { 'sidecar.istio.io/status': '{}' },
    });
}
const denyAdmin = (extra: Record<string, unknown> = {}): KubeObject => ({
  kind: 'AuthorizationPolicy',
  metadata: { name: 'no-admin', namespace: 'shop' },
  spec: { action: 'DENY', rules: [{ to: [{ operation: { paths: ['/admin*'] } }] }], ...extra },
});

describe('sidecar destinations', () => {
  it('a sidecar enforces L7 policy itself: 403 on the denied path, no waypoint needed', () => {
    const flows = tick(BEHAVIOUR, mesh({}, { dataplane: 'sidecar' }).add(denyAdmin()).build()).flows;
    for (const flow of nonEmpty(flowsWhere(flows, { from: 'web' }))) {
      expect(flow).toMatchObject({ responseCode: 403, refusedBy: 'l7-policy', waypoint: null });
    }
    expect(countWhere(flows, { from: 'istio-ingressgateway', code: 200 })).toBeGreaterThan(480);
  });

  it('ambient to sidecar is mTLS; a plain client reaches a sidecar in plaintext', () => {
    const ambientClient = tick(BEHAVIOUR, mesh(ambient(), { dataplane: 'sidecar' }).build()).flows;
    expectAll(
      flowsWhere(ambientClient, { from: 'web' }),
      (f) => f.mtls && f.destination.dataplane === 'sidecar',
    );
    const plainClient = tick(BEHAVIOUR, mesh({}, { dataplane: 'sidecar' }).build()).flows;
    expectAll(flowsWhere(plainClient, { from: 'web' }), (f) => !f.mtls && f.responseCode === 200);
  });
});

describe('gateways and waypoints', () => {
  it('the ingress gateway skips the Service waypoint unless istio.io/ingress-use-waypoint says so', () => {
    const without = mesh(ambient('waypoint')).waypoint('shop').build();
    expectAll(
      flowsWhere(tick(BEHAVIOUR, without).flows, { from: 'istio-ingressgateway' }),
      (f) => f.waypoint === null && f.mtls,
    );
    const opted = mesh({ ...ambient('waypoint'), 'istio.io/ingress-use-waypoint': 'true' })
      .waypoint('shop')
      .build();
    expectAll(
      flowsWhere(tick(BEHAVIOUR, opted).flows, { from: 'istio-ingressgateway' }),
      (f) => f.waypoint?.workload === 'waypoint',
    );
  });

  it('a pod bound to a workload waypoint is reached through it, and its policies apply there', () => {
    const builder = mesh(ambient(), { podLabels: { 'istio.io/use-waypoint': 'pod-wp' } }).waypoint(
      'shop',
      'pod-wp',
      'workload',
    );
    const flows = tick(BEHAVIOUR, builder.build()).flows;
    expectAll(
      flowsWhere(flows, { from: 'web' }),
      (f) => f.waypoint?.workload === 'pod-wp' && f.responseCode === 200,
    );
    const denied = builder.add(denyAdmin({ targetRefs: [{ kind: 'Gateway', name: 'pod-wp' }] })).build();
    expectAll(flowsWhere(tick(BEHAVIOUR, denied).flows, { from: 'web' }), (f) => f.responseCode === 403);
  });

  it('a namespace waypoint for workloads only is not the Service waypoint, but serves the pods', () => {
    const builder = mesh(ambient('waypoint')).waypoint('shop', 'waypoint', 'workload');
    const deny = denyAdmin({ targetRefs: [{ kind: 'Service', group: '', name: 'api' }] });
    const flows = tick(BEHAVIOUR, builder.add(deny).build()).flows;
    // Reached through the workload waypoint; Service-targeted policies belong to a Service waypoint, so none apply.
    expectAll(
      flowsWhere(flows, { from: 'web' }),
      (f) => f.waypoint?.workload === 'waypoint' && f.responseCode === 200,
    );
  });
});

describe('sidecar clients and waypoints', () => {
  // Upstream Istio sends a sidecar's traffic straight to the destination pods, never through a waypoint: the
  // sidecar applies the VirtualService itself and the waypoint's policies do not apply to it.
  const SIDECAR_AND_AMBIENT = behaviourOf(
    [behave('shop', 'api-v1'), behave('shop', 'web'), behave('legacy', 'batch')],
    [],
    [
      source('shop/web', 'shop/api', 50, { path: '/admin/x' }),
      source('legacy/batch', 'shop/api', 50, { path: '/admin/x' }),
    ],
  );
  const withWaypoint = (): MeshBuilder =>
    mesh(ambient('waypoint'))
      .waypoint('shop')
      .namespace('legacy')
      .workload('legacy', 'batch', { dataplane: 'sidecar' });
  const abortFor = (sourceLabels: Record<string, string>): KubeObject => ({
    kind: 'VirtualService',
    metadata: { name: 'api', namespace: 'shop' },
    spec: {
      hosts: ['api'],
      http: [
        {
          match: [{ sourceLabels }],
          fault: { abort: { httpStatus: 418, percentage: { value: 100 } } },
          route: [{ destination: { host: 'api' } }],
        },
        { route: [{ destination: { host: 'api' } }] },
      ],
    },
  });

  it('a sidecar client goes straight to the pods of a Service that has a waypoint, over mTLS', () => {
    const flows = tick(SIDECAR_AND_AMBIENT, withWaypoint().build()).flows;
    expectAll(
      flowsWhere(flows, { from: 'batch' }),
      (f) => f.waypoint === null && f.mtls && f.destination.workload === 'api-v1' && f.responseCode === 200,
    );
    expectAll(flowsWhere(flows, { from: 'web' }), (f) => f.waypoint?.workload === 'waypoint');
  });

  it('an L7 policy bound to the waypoint refuses the ambient client but not the sidecar client', () => {
    for (const targetRefs of [
      [{ kind: 'Service', group: '', name: 'api' }],
      [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }],
    ]) {
      const flows = tick(SIDECAR_AND_AMBIENT, withWaypoint().add(denyAdmin({ targetRefs })).build()).flows;
      expectAll(
        flowsWhere(flows, { from: 'web' }),
        (f) => f.responseCode === 403 && f.refusedBy === 'l7-policy',
      );
      expectAll(flowsWhere(flows, { from: 'batch' }), (f) => f.responseCode === 200 && f.waypoint === null);
    }
  });

  it('the sidecar honours sourceLabels: a route matching it aborts its requests at the sidecar', () => {
    const flows = tick(
      SIDECAR_AND_AMBIENT,
      withWaypoint()
        .add(abortFor({ app: 'batch' }))
        .build(),
    ).flows;
    expectAll(
      flowsWhere(flows, { from: 'batch' }),
      (f) =>
        f.responseCode === 418 &&
        f.responseFlags === 'FI' &&
        f.waypoint === null &&
        f.destination.workload === 'api-v1',
    );
  });

  it('a route matching other sourceLabels leaves the sidecar alone, while the waypoint ignores them (applies to all)', () => {
    const flows = tick(
      SIDECAR_AND_AMBIENT,
      withWaypoint()
        .add(abortFor({ app: 'other' }))
        .build(),
    ).flows;
    expectAll(flowsWhere(flows, { from: 'batch' }), (f) => f.responseCode === 200 && f.responseFlags === '-');
    expectAll(
      flowsWhere(flows, { from: 'web' }),
      (f) => f.responseCode === 418 && f.responseFlags === 'FI' && f.waypoint?.workload === 'waypoint',
    );
  });
});

describe('configuration changes', () => {
  it('a policy applied between two ticks changes the traffic of the next tick', () => {
    const builder = mesh(ambient());
    const before = tick(BEHAVIOUR, builder.build()).flows;
    expect(countWhere(before, { from: 'web', code: 200 })).toBeGreaterThan(480);
    const deny: KubeObject = {
      kind: 'AuthorizationPolicy',
      metadata: { name: 'deny-all', namespace: 'shop' },
      spec: { action: 'DENY', rules: [{}] },
    };
    const after = tick(BEHAVIOUR, builder.add(deny).build()).flows;
    expectAll(flowsWhere(after, { service: 'api' }), (f) => f.refusedBy === 'ztunnel-policy');
  });
});

describe('the ingress gateway', () => {
  it('accepts the internet in plaintext even under mesh-wide STRICT', () => {
    const strict: KubeObject = {
      kind: 'PeerAuthentication',
      metadata: { name: 'default', namespace: 'istio-system' },
      spec: { mtls: { mode: 'STRICT' } },
    };
    const internet = behaviourOf([], [], [source(null, 'istio-system/istio-ingressgateway', 10)]);
    const builder = mesh(ambient()).service('istio-system', 'istio-ingressgateway').add(strict);
    expectAll(tick(internet, builder.build()).flows, (f) => f.responseCode === 200 && !f.mtls);
  });
});
