import { describe, expect, it } from 'vitest';
import { SEES_ALL } from '@/lib/auth/visibility';
import { seeing } from '@/lib/graph/__fixtures__/visibility';
import type { KubeObject } from '@/lib/kube/object';
import {
  AMBIENT,
  CAPTURED,
  deployment,
  ns,
  peerAuthentication,
  pod,
  service,
  waypoint,
} from './__fixtures__/cluster';
import { edge, spiffe } from './__fixtures__/graph-edges';
import { mtlsFindings } from './mtls-findings';
import { mtlsView } from './mtls-view';
import type { ControlPlaneComponent, MeshOverview, NamespacePosture } from './types';
import type { WorkloadGroup } from './view-inputs';
import type { MtlsView, WaypointCard, WaypointsView } from './views-types';
import { visibleMtlsView, visibleOverview, visibleWaypointsView } from './visible-views';
import { waypointsView } from './waypoints-view';

const USE = 'istio.io/use-waypoint';
const USE_NS = 'istio.io/use-waypoint-namespace';
const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';
const META = { windowSeconds: 300, end: '2026-05-01T10:00:00.000Z', queries: 6, durationMs: 5 };

/** The viewer of every test: shop only; infra and plain exist but are hidden. */
const shopOnly = seeing(['shop'], ['infra', 'plain', 'istio-system']);

const app = (namespace: string, name: string, labels: Record<string, string> = {}): WorkloadGroup => ({
  namespace,
  name: `${name}-v1`,
  pods: [pod(namespace, `${name}-v1-a`, { labels: { app: name, ...labels }, annotations: CAPTURED })],
});
const waypointPods = (namespace: string, name: string): WorkloadGroup => ({
  namespace,
  name,
  pods: [pod(namespace, `${name}-x`, { labels: { [GATEWAY_NAME]: name } })],
});
const bound = (status: string): Record<string, string>[] => [
  { type: 'istio.io/WaypointBound', status, reason: 'NotReady' },
];

// ---------------------------------------------------------------------------------------------- overview

describe('visibleOverview', () => {
  const posture = (name: string): NamespacePosture => ({
    name,
    mode: 'ambient',
    enrollment: null,
    pods: { total: 1, captured: 1, sidecar: 0, uncaptured: 0, infrastructure: 0 },
    waypoints: [],
    peerAuthentication: null,
    traffic: null,
    health: 'healthy',
    problems: [],
  });
  const component = (objects: string[]): ControlPlaneComponent => ({
    id: 'ztunnel',
    label: 'ztunnel',
    state: 'ok',
    summary: '2/2 ready',
    version: '1.28.0',
    ready: 2,
    desired: 2,
    nodes: [
      { node: 'node-1', pod: 'ztunnel-a', ready: true },
      { node: 'node-2', pod: null, ready: false },
    ],
    objects,
  });
  const overview: MeshOverview = {
    controlPlane: [component(['istio-system/ztunnel']), component(['shop/ztunnel'])],
    namespaces: [posture('plain'), posture('shop'), posture('infra')],
    meta: META,
  };

  it('gives a viewer who sees everything the overview itself', () => {
    expect(visibleOverview(overview, SEES_ALL)).toBe(overview);
  });

  const shown = visibleOverview(overview, shopOnly);

  it('keeps the cards of the namespaces the viewer sees, in order', () => {
    expect(shown.namespaces.map((n) => n.name)).toEqual(['shop']);
  });

  it("keeps the control plane's state, but not its objects or pods in hidden namespaces", () => {
    expect(shown.controlPlane[0]).toEqual({
      ...component([]),
      nodes: [
        { node: 'node-1', pod: 'hidden', ready: true },
        { node: 'node-2', pod: null, ready: false },
      ],
    });
    expect(shown.controlPlane[1]).toBe(overview.controlPlane[1]);
    expect(shown.meta).toBe(overview.meta);
  });
});

// ---------------------------------------------------------------------------------------------- waypoints

/**
 * shop (seen): a namespace waypoint `shop/waypoint` (services only), `shop/lonely` that only plain's Service binds,
 * `shop/unused` that nothing binds; its db bound to `infra/shared`. infra (hidden): the shared waypoint. plain
 * (hidden): its namespace uses `shop/waypoint`, one of its workloads binds it in vain, its Service is not bound.
 */
function waypointsFixture(): WaypointsView {
  const view = waypointsView({
    namespaces: [
      ns('shop', { ...AMBIENT, [USE]: 'waypoint' }),
      ns('infra'),
      ns('plain', { ...AMBIENT, [USE]: 'waypoint', [USE_NS]: 'shop' }),
      ns('bare', AMBIENT),
    ],
    services: [
      service('shop', 'api'),
      service('shop', 'db', { [USE]: 'shared', [USE_NS]: 'infra' }),
      service('plain', 'web', {}, bound('False')),
      service('plain', 'lone', { [USE]: 'lonely', [USE_NS]: 'shop' }),
    ],
    serviceEntries: [],
    workloads: [
      app('shop', 'api'),
      app('shop', 'db'),
      app('shop', 'batch', { [USE]: 'waypoint' }),
      waypointPods('shop', 'waypoint'),
      waypointPods('shop', 'lonely'),
      waypointPods('shop', 'unused'),
      waypointPods('infra', 'shared'),
      app('plain', 'web', { [USE]: 'waypoint', [USE_NS]: 'shop' }),
      app('bare', 'job'),
    ],
    gateways: [
      waypoint('shop'),
      waypoint('shop', 'lonely'),
      waypoint('shop', 'unused'),
      waypoint('infra', 'shared', { waypointFor: 'all' }),
    ],
    gatewayClasses: [],
    deployments: ['waypoint', 'lonely', 'unused'].map((name) =>
      deployment('shop', name, {
        image: 'istio/proxyv2:1.28.0',
        templateLabels: {},
        labels: { [GATEWAY_NAME]: name },
      }),
    ),
    edges: [
      edge('workload:plain/web-v1', 'workload:shop/api-v1', {
        via: 'workload:shop/waypoint',
        requestsPerSecond: 10,
      }),
      edge('workload:shop/batch-v1', 'workload:shop/api-v1', {
        via: 'workload:shop/waypoint',
        requestsPerSecond: 2,
      }),
      edge('workload:shop/api-v1', 'workload:shop/db-v1', {
        via: 'workload:infra/shared',
        requestsPerSecond: 4,
      }),
    ],
  });
  return { ...view, meta: META };
}

function card(view: WaypointsView, key: string): WaypointCard {
  const found = view.waypoints.find((w) => `${w.namespace}/${w.name}` === key);
  if (!found) throw new Error(`no card ${key}`);
  return found;
}

describe('visibleWaypointsView', () => {
  const whole = waypointsFixture();
  const shown = visibleWaypointsView(whole, shopOnly);

  it('gives a viewer who sees everything the view itself', () => {
    expect(visibleWaypointsView(whole, SEES_ALL)).toBe(whole);
  });

  it("keeps the cards and rows of the viewer's namespaces", () => {
    expect(whole.waypoints.map((w) => w.namespace)).toContain('infra');
    expect(shown.waypoints.map((w) => `${w.namespace}/${w.name}`)).toEqual([
      'shop/lonely',
      'shop/unused',
      'shop/waypoint',
    ]);
    expect(whole.namespaces.map((n) => n.namespace)).toEqual(['infra', 'plain', 'shop']);
    expect(shown.namespaces.map((n) => n.namespace)).toEqual(['shop']);
    expect(whole.withoutWaypoint).toEqual(['bare']);
    expect(shown.withoutWaypoint).toEqual([]);
  });

  it("keeps a row's effective waypoint in a hidden namespace: it is the row's own truth", () => {
    const db = shown.namespaces[0]?.services.find((r) => r.name === 'db');
    expect(db?.waypoint).toEqual({ namespace: 'infra', name: 'shared' });
  });

  it('leaves out bindings of hidden namespaces and counts what it serves in the rows that remain', () => {
    const before = card(whole, 'shop/waypoint');
    const after = card(shown, 'shop/waypoint');
    expect(before.bindings.map((b) => `${b.kind} ${b.namespace}/${b.name}`)).toEqual([
      'namespace plain/plain',
      'namespace shop/shop',
      'workload plain/web-v1',
      'workload shop/batch-v1',
    ]);
    expect(after.bindings.map((b) => `${b.kind} ${b.namespace}/${b.name}`)).toEqual([
      'namespace shop/shop',
      'workload shop/batch-v1',
    ]);
    expect(before.serves).toEqual({ services: 2, workloads: 2 });
    expect(after.serves).toEqual({ services: 1, workloads: 1 });
  });

  it("leaves out calls from hidden namespaces, keeping the waypoint's own throughput", () => {
    const traffic = card(shown, 'shop/waypoint').traffic;
    expect(traffic?.topCalls.map((c) => c.source)).toEqual(['workload:shop/batch-v1']);
    expect(traffic?.requestsPerSecond).toBe(12);
  });

  it('says its problems again over what remains', () => {
    expect(card(whole, 'shop/waypoint').problems).toEqual([
      '2 objects bound by label but ignored: this waypoint serves services only',
      'Service plain/web: WaypointBound False (NotReady)',
    ]);
    expect(card(shown, 'shop/waypoint').problems).toEqual([
      '1 object bound by label but ignored: this waypoint serves services only',
    ]);
  });

  it('never says "nothing uses it" of a waypoint only hidden namespaces use, and still says it when true', () => {
    expect(card(whole, 'shop/lonely').problems).toEqual([]);
    expect(card(shown, 'shop/lonely')).toMatchObject({ bindings: [], serves: { services: 0, workloads: 0 } });
    expect(card(shown, 'shop/lonely').problems).toEqual([]);
    expect(card(shown, 'shop/unused').problems).toEqual(card(whole, 'shop/unused').problems);
    expect(card(shown, 'shop/unused').problems).toEqual([
      'nothing uses it: no namespace, Service or pod names it in istio.io/use-waypoint',
    ]);
  });

  it('says "no Deployment runs it" only when the whole view said so', () => {
    const noDeployment = { ...card(whole, 'shop/unused'), replicas: null };
    const view = (problems: string[]): WaypointsView => ({
      ...whole,
      waypoints: [{ ...noDeployment, problems }],
    });
    const said = ['no Deployment runs it', ...noDeployment.problems];
    expect(visibleWaypointsView(view(said), shopOnly).waypoints[0]?.problems).toEqual(said);
    expect(visibleWaypointsView(view(noDeployment.problems), shopOnly).waypoints[0]?.problems).toEqual(
      noDeployment.problems,
    );
  });

  it('names no hidden namespace but in effective waypoints and their reasons', () => {
    const { namespaces: _rows, ...cards } = shown;
    expect(JSON.stringify(cards)).not.toMatch(/plain\/|"plain"|infra/);
  });
});

// ---------------------------------------------------------------------------------------------- mTLS

const workload = (
  namespace: string,
  name: string,
  annotations: Record<string, string> = CAPTURED,
): WorkloadGroup => ({
  namespace,
  name,
  pods: [pod(namespace, `${name}-a`, { labels: { app: name }, annotations })],
});

/**
 * shop (seen, PERMISSIVE): api receives plaintext from plain/client (hidden) and mTLS from shop/web; db receives
 * mTLS from infra/job only. infra (hidden, STRICT by its own policy): job.
 */
function mtlsFixture(
  policies: KubeObject[] | null = [peerAuthentication('infra', 'strict', 'STRICT')],
): MtlsView {
  const view = mtlsView({
    namespaces: [ns('shop', AMBIENT), ns('infra', AMBIENT), ns('plain')],
    workloads: [
      workload('shop', 'api'),
      workload('shop', 'web'),
      workload('shop', 'db'),
      workload('infra', 'job'),
      workload('plain', 'client', {}),
    ],
    peerAuthentications: policies,
    edges: [
      edge('workload:plain/client', 'workload:shop/api', { mtls: 0, requestsPerSecond: 3 }),
      edge('workload:shop/web', 'workload:shop/api', {
        sourcePrincipals: [spiffe('shop', 'web')],
        destinationPrincipals: [spiffe('shop', 'api')],
      }),
      edge('workload:infra/job', 'workload:shop/db', {
        sourcePrincipals: [spiffe('infra', 'job')],
        destinationPrincipals: [spiffe('shop', 'db')],
      }),
      edge('workload:shop/web', 'workload:infra/job', { mtls: 0.5 }),
    ],
  });
  return { ...view, meta: META };
}

describe('visibleMtlsView', () => {
  const whole = mtlsFixture();
  const shown = visibleMtlsView(whole, shopOnly);

  it('gives a viewer who sees everything the view itself', () => {
    expect(visibleMtlsView(whole, SEES_ALL)).toBe(whole);
  });

  it("keeps the viewer's namespaces and workloads, with their modes and inbound shares judged on all traffic", () => {
    expect(shown.namespaces.map((n) => n.namespace)).toEqual(['shop']);
    expect(shown.workloads.map((w) => `${w.namespace}/${w.name}`)).toEqual([
      'shop/api',
      'shop/db',
      'shop/web',
    ]);
    expect(shown.workloads.find((w) => w.name === 'api')?.inboundMtls).toBe(0);
  });

  it('keeps the edges and plaintext between namespaces the viewer sees', () => {
    expect(whole.edges).toHaveLength(4);
    expect(shown.edges.map((e) => `${e.source}->${e.target}`)).toEqual([
      'workload:shop/web->workload:shop/api',
    ]);
    expect(whole.plaintext).toHaveLength(2);
    expect(shown.plaintext).toEqual([]);
  });

  it('counts the identities seen on the edges that remain', () => {
    expect(whole.principals.map((p) => p.principal)).toContain(spiffe('infra', 'job'));
    expect(shown.principals).toEqual([
      { principal: spiffe('shop', 'api'), as: ['destination'], edges: 1 },
      { principal: spiffe('shop', 'web'), as: ['source'], edges: 1 },
    ]);
  });

  it('judges findings on every caller, naming hidden senders "hidden", about subjects the viewer sees', () => {
    expect(whole.findings.map((f) => f.message)).toEqual([
      'PERMISSIVE: plaintext accepted into shop/api from plain/client (3 rps)',
    ]);
    expect(shown.findings).toEqual([
      {
        ...whole.findings[0],
        message: 'PERMISSIVE: plaintext accepted into shop/api from hidden (3 rps)',
      },
    ]);
  });

  it('never advises STRICT while hidden callers send plaintext: findings are judged on every caller', () => {
    expect(shown.findings.map((f) => f.code)).not.toContain('permissive-all-mtls');
    const onVisibleOnly = mtlsFindings({ ...shown, plaintext: shown.plaintext, edges: shown.edges });
    expect(onVisibleOnly.map((f) => `${f.code} ${f.subject}`)).toEqual(['permissive-all-mtls shop']);
  });

  it('leaves out findings about hidden namespaces and their workloads', () => {
    const view = mtlsFixture([peerAuthentication('infra', 'off', 'DISABLE')]);
    expect(view.findings.map((f) => f.subject)).toEqual(['infra/job', 'shop/api', 'infra']);
    expect(visibleMtlsView(view, shopOnly).findings.map((f) => f.subject)).toEqual(['shop/api']);
  });

  it('lists no finding when policies could not be read', () => {
    expect(visibleMtlsView(mtlsFixture(null), shopOnly).findings).toEqual([]);
  });

  it('names no hidden namespace but in findings about what it sent', () => {
    expect(JSON.stringify({ ...shown, findings: [] })).not.toMatch(/plain\/|"plain"|infra/);
  });
});
