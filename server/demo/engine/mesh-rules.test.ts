import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import type { MeshBehaviour } from '../model/behaviour';
import { ambient, bookinfoBehaviour, bookinfoMesh } from './__fixtures__/bookinfo';
import { behave, behaviourOf, MeshBuilder, source } from './__fixtures__/mesh-builder';
import { countWhere, expectAll, flowsWhere, nonEmpty, tick } from './__fixtures__/tick';

function policy(kind: string, namespace: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { kind, metadata: { name, namespace }, spec };
}
const denyFromLegacy = policy('AuthorizationPolicy', 'shop', 'deny-legacy', {
  action: 'DENY',
  rules: [{ from: [{ source: { namespaces: ['legacy'] } }] }],
});

/** `shop/api` (ambient) called by clients in `shop` and in `legacy`; `legacy` labelled as given. */
function shop(
  options: { waypoint?: boolean; legacy?: Record<string, string>; clientDataplane?: 'sidecar' } = {},
): MeshBuilder {
  const builder = new MeshBuilder()
    .namespace('istio-system')
    .namespace('shop', ambient(options.waypoint ? 'waypoint' : undefined))
    .namespace('legacy', options.legacy ?? ambient())
    .workload('shop', 'web')
    .workload('shop', 'api-v1', { app: 'api', replicas: 2 })
    .service('shop', 'api')
    .workload('legacy', 'batch', options.clientDataplane ? { dataplane: options.clientDataplane } : {});
  return options.waypoint ? builder.waypoint('shop') : builder;
}
const SHOP_BEHAVIOUR: MeshBehaviour = behaviourOf(
  [behave('shop', 'web'), behave('shop', 'api-v1'), behave('legacy', 'batch')],
  [],
  [
    source('shop/web', 'shop/api', 50, { path: '/api/orders' }),
    source('legacy/batch', 'shop/api', 50, { path: '/admin' }),
  ],
);
const run = (builder: MeshBuilder, behaviour = SHOP_BEHAVIOUR) => tick(behaviour, builder.build()).flows;

describe('enrollment', () => {
  it('mesh-to-mesh traffic in ambient is mTLS', () => {
    expectAll(run(shop()), (f) => f.mtls);
  });

  it('a client outside the mesh talks plaintext to a captured server (PERMISSIVE accepts it)', () => {
    const flows = run(shop({ legacy: {} }));
    expectAll(flowsWhere(flows, { from: 'batch' }), (f) => !f.mtls && f.responseCode === 200);
    expect(flowsWhere(flows, { from: 'batch' })[0]?.source?.dataplane).toBe('none');
    expectAll(flowsWhere(flows, { from: 'web' }), (f) => f.mtls);
  });

  it('un-enrolling a namespace makes its flows plaintext', () => {
    const builder = shop();
    builder.config.namespaces = builder.config.namespaces.map((ns) =>
      ns.metadata.name === 'shop' ? { ...ns, metadata: { name: 'shop' } } : ns,
    );
    const flows = run(builder);
    expectAll(flowsWhere(flows, { to: 'api-v1' }), (f) => !f.mtls && f.destination.dataplane === 'none');
  });

  it("istio-cni's redirection annotation is the truth over the labels", () => {
    const builder = shop({ legacy: {} });
    builder.config.pods = builder.config.pods.map((p) =>
      p.metadata.namespace === 'legacy'
        ? { ...p, metadata: { ...p.metadata, annotations: { 'ambient.istio.io/redirection': 'enabled' } } }
        : p,
    );
    expectAll(
      flowsWhere(run(builder), { from: 'batch' }),
      (f) => f.mtls && f.source?.dataplane === 'ambient',
    );
  });
});

describe('AuthorizationPolicy', () => {
  it('an L4 DENY by namespace refuses the connections at the destination ztunnel', () => {
    const flows = run(shop().add(denyFromLegacy));
    const refused = flowsWhere(flows, { from: 'batch' });
    expect(refused.length).toBeGreaterThan(0);
    for (const flow of nonEmpty(refused)) {
      expect(flow).toMatchObject({
        responseCode: 0,
        responseFlags: 'DENY',
        refusedBy: 'ztunnel-policy',
        mtls: true,
      });
      expect(flow.destination.workload).toBe('api-v1');
    }
    expect(countWhere(flows, { from: 'web', code: 200 })).toBeGreaterThan(480);
  });

  it('behind a waypoint the destination ztunnel sees the waypoint, so a client-namespace rule there no longer matches', () => {
    const flows = run(shop({ waypoint: true }).add(denyFromLegacy));
    expect(countWhere(flows, { from: 'batch', code: 200 })).toBeGreaterThan(480);
  });

  it('an Envoy client whose connection ztunnel refuses answers 503 UF', () => {
    const flows = run(shop({ clientDataplane: 'sidecar' }).add(denyFromLegacy));
    for (const flow of nonEmpty(flowsWhere(flows, { from: 'batch' }))) {
      expect(flow).toMatchObject({ responseCode: 503, responseFlags: 'UF', refusedBy: 'ztunnel-policy' });
    }
  });

  it('an L7 DENY on a path at the waypoint answers 403 for that path only', () => {
    const deny = policy('AuthorizationPolicy', 'shop', 'no-admin', {
      targetRefs: [{ kind: 'Service', group: '', name: 'api' }],
      action: 'DENY',
      rules: [{ to: [{ operation: { paths: ['/admin*'] } }] }],
    });
    const flows = run(shop({ waypoint: true }).add(deny));
    for (const flow of nonEmpty(flowsWhere(flows, { from: 'batch' }))) {
      expect(flow).toMatchObject({ responseCode: 403, refusedBy: 'l7-policy' });
      expect(flow.waypoint?.workload).toBe('waypoint');
    }
    expect(countWhere(flows, { from: 'web', code: 200 })).toBeGreaterThan(480);
  });

  it('an ALLOW with only L7 rules bound by selector and no waypoint denies everything at ztunnel', () => {
    const allowGets = policy('AuthorizationPolicy', 'shop', 'allow-gets', {
      selector: { matchLabels: { app: 'api' } },
      action: 'ALLOW',
      rules: [{ to: [{ operation: { methods: ['GET'] } }] }],
    });
    const flows = run(shop().add(allowGets));
    expect(flows.length).toBeGreaterThan(0);
    expectAll(flows, (f) => f.refusedBy === 'ztunnel-policy' && f.responseCode === 0);
  });

  it('the same ALLOW bound to the waypoint with targetRefs admits the GETs', () => {
    const allowGets = policy('AuthorizationPolicy', 'shop', 'allow-gets', {
      targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }],
      action: 'ALLOW',
      rules: [{ to: [{ operation: { methods: ['GET'] } }] }],
    });
    expectAll(run(shop({ waypoint: true }).add(allowGets)), (f) => f.responseCode === 200);
  });
});

describe('PeerAuthentication', () => {
  const strict = policy('PeerAuthentication', 'istio-system', 'default', { mtls: { mode: 'STRICT' } });
  const outside = behaviourOf([behave('shop', 'api-v1')], [], [source(null, 'shop/api', 20)]);

  it('STRICT refuses a plaintext client from outside the mesh', () => {
    const flows = run(shop().add(strict), outside);
    expect(flows.length).toBeGreaterThan(0);
    for (const flow of nonEmpty(flows)) {
      expect(flow).toMatchObject({ source: null, responseCode: 0, refusedBy: 'strict-mtls', mtls: false });
    }
  });

  it('PERMISSIVE and DISABLE accept it, in plaintext', () => {
    for (const mode of ['PERMISSIVE', 'DISABLE']) {
      const pa = policy('PeerAuthentication', 'shop', 'ns', { mtls: { mode } });
      const flows = run(shop().add(strict, pa), outside);
      expectAll(flows, (f) => f.responseCode === 200 && !f.mtls);
    }
  });

  it('STRICT does not touch mesh-to-mesh traffic', () => {
    expectAll(run(shop().add(strict)), (f) => f.responseCode === 200 && f.mtls);
  });
});

describe('protocols and unresolvable destinations', () => {
  const db = (portName: string): MeshBuilder =>
    new MeshBuilder()
      .namespace('shop', ambient())
      .workload('shop', 'web')
      .workload('shop', 'db-v1', { app: 'db' })
      .service('shop', 'db', 9080, { portName });
  const dbBehaviour = behaviourOf(
    [behave('shop', 'web'), behave('shop', 'db-v1', { requestBytes: 500, responseBytes: 9_000 })],
    [],
    [source('shop/web', 'shop/db', 10)],
  );

  it('a tcp-* port gives TCP flows: connections, no status, bytes from the behaviour', () => {
    const flows = run(db('tcp-postgres'), dbBehaviour);
    expect(flows.length).toBeGreaterThan(0);
    for (const flow of nonEmpty(flows)) {
      expect(flow.service.protocol).toBe('tcp');
      expect(flow.responseCode).toBe(0);
      expect(flow.bytes).toEqual({ sent: 500 * flow.count, received: 9_000 * flow.count });
    }
  });

  it('a grpc port answers HTTP 200 with a gRPC status', () => {
    for (const flow of nonEmpty(run(db('grpc'), dbBehaviour)))
      expect(flow).toMatchObject({ responseCode: 200, grpcStatus: 0 });
  });

  it('a Service without endpoints answers 503 UH to an unknown destination', () => {
    const builder = db('http');
    builder.config.pods = builder.config.pods.filter((p) => !p.metadata.name.startsWith('db'));
    for (const flow of nonEmpty(run(builder, dbBehaviour)))
      expect(flow).toMatchObject({
        responseCode: 503,
        responseFlags: 'UH',
        destination: { workload: 'unknown' },
      });
  });

  it('a missing Service answers 503 NR', () => {
    const missing = behaviourOf([behave('shop', 'web')], [], [source('shop/web', 'shop/nowhere', 10)]);
    for (const flow of nonEmpty(run(db('http'), missing)))
      expect(flow).toMatchObject({ responseCode: 503, responseFlags: 'NR' });
  });

  it('a subset without pods answers 503 UH; an undefined subset 503 NC', () => {
    const dr = policy('DestinationRule', 'bookinfo', 'ratings', {
      host: 'ratings',
      subsets: [{ name: 'v2', labels: { version: 'v2' } }],
    });
    const ratings = (subset: string) => {
      const vs = policy('VirtualService', 'bookinfo', 'ratings', {
        hosts: ['ratings'],
        http: [{ route: [{ destination: { host: 'ratings', subset } }] }],
      });
      const config = bookinfoMesh(ambient('waypoint')).waypoint('bookinfo').add(dr, vs).build();
      return flowsWhere(tick(bookinfoBehaviour(), config).flows, { service: 'ratings' });
    };
    expectAll(ratings('v2'), (f) => f.responseCode === 503 && f.responseFlags === 'UH');
    expectAll(ratings('v9'), (f) => f.responseCode === 503 && f.responseFlags === 'NC');
  });

  it('a waypoint with no ready pods fails the traffic bound to it with 503 UH', () => {
    const builder = shop({ waypoint: true });
    builder.config.pods = builder.config.pods.filter((p) => !p.metadata.name.startsWith('waypoint'));
    expectAll(run(builder), (f) => f.responseCode === 503 && f.responseFlags === 'UH');
  });
});
