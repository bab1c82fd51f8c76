import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import {
  AMBIENT,
  CAPTURED,
  INJECTION,
  SIDECAR,
  ns,
  peerAuthentication,
  pod,
  waypoint,
} from './__fixtures__/cluster';
import { namespacePosture, sortPostures } from './namespace-posture';
import type { NamespaceMode, NamespacePosture, PodCounts } from './types';

const base = {
  gateways: [],
  gatewayClasses: [],
  peerAuthentications: [],
  traffic: null,
  ztunnelReadyNodes: null,
};
const posture = (
  namespace: KubeObject,
  pods: KubeObject[],
  input: Partial<Parameters<typeof namespacePosture>[2]> = {},
): NamespacePosture => namespacePosture(namespace, { pods, services: [] }, { ...base, ...input });

const WAYPOINT_POD = pod('shop', 'waypoint-1', {
  labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint', 'istio.io/dataplane-mode': 'none' },
});

describe('namespacePosture: the data plane (docs: "A pod is captured when…")', () => {
  const rows: [string, KubeObject, KubeObject[], NamespaceMode, Partial<PodCounts>, RegExp | null][] = [
    [
      'an ambient namespace whose pods istio-cni captured',
      ns('shop', AMBIENT),
      [pod('shop', 'a', { annotations: CAPTURED }), pod('shop', 'b', { annotations: CAPTURED })],
      'ambient',
      { total: 2, captured: 2, uncaptured: 0 },
      null,
    ],
    [
      'a waypoint pod (never captured) is infrastructure, not a mixed data plane',
      ns('shop', AMBIENT),
      [pod('shop', 'a', { annotations: CAPTURED }), WAYPOINT_POD],
      'ambient',
      { total: 1, captured: 1, infrastructure: 1 },
      null,
    ],
    [
      'a pod opted out with none makes the namespace mixed, without a problem',
      ns('shop', AMBIENT),
      [
        pod('shop', 'a', { annotations: CAPTURED }),
        pod('shop', 'b', { labels: { 'istio.io/dataplane-mode': 'none' } }),
      ],
      'mixed',
      { captured: 1, uncaptured: 1 },
      null,
    ],
    [
      'redirection pending: not captured, and istio-cni is the one to check',
      ns('shop', AMBIENT),
      [pod('shop', 'a', { annotations: { 'ambient.istio.io/redirection': 'pending' } })],
      'none',
      { uncaptured: 1 },
      /^1 pod not captured \(istio-cni reports redirection pending\): restart not needed, but check istio-cni$/,
    ],
    [
      'a sidecar namespace',
      ns('legacy', INJECTION),
      [pod('legacy', 'a', { annotations: SIDECAR })],
      'sidecar',
      { sidecar: 1 },
      null,
    ],
    [
      'sidecar pods are never captured, even in an ambient namespace',
      ns('shop', { ...AMBIENT, ...INJECTION }),
      [pod('shop', 'a', { annotations: SIDECAR }), pod('shop', 'b', { annotations: CAPTURED })],
      'mixed',
      { sidecar: 1, captured: 1 },
      /both ambient and sidecar injection are on/,
    ],
    [
      'a namespace out of the mesh',
      ns('outside'),
      [pod('outside', 'client')],
      'none',
      { total: 1, uncaptured: 1 },
      null,
    ],
    [
      'hostNetwork pods are never captured, and that is not a problem',
      ns('shop', AMBIENT),
      [pod('shop', 'a', { labels: AMBIENT, hostNetwork: true })],
      'none',
      { uncaptured: 1 },
      null,
    ],
    ['an empty ambient namespace reads its label', ns('new', AMBIENT), [], 'ambient', { total: 0 }, null],
    [
      'an empty namespace with injection reads its label',
      ns('new', INJECTION),
      [],
      'sidecar',
      { total: 0 },
      null,
    ],
  ];
  it.each(rows)('%s', (_name, namespace, pods, mode, counts, problem) => {
    const result = posture(namespace, pods);
    expect(result.mode).toBe(mode);
    expect(result.pods).toMatchObject(counts);
    if (problem === null) expect(result.problems).toEqual([]);
    else expect(result.problems).toEqual([expect.stringMatching(problem)]);
  });

  it('blames captured pods on a node where no ztunnel is ready', () => {
    const result = posture(
      ns('shop', AMBIENT),
      [
        pod('shop', 'a', { annotations: CAPTURED, node: 'node-2' }),
        pod('shop', 'b', { annotations: CAPTURED }),
      ],
      { ztunnelReadyNodes: new Set(['node-1']) },
    );
    expect(result.problems).toEqual([
      '1 captured pod on node-2, where no ztunnel is ready: their traffic fails',
    ]);
  });
});

describe('namespacePosture: PeerAuthentication (mesh -> namespace, UNSET inherits)', () => {
  const mesh = peerAuthentication('istio-system', 'default', 'STRICT');
  const rows: [string, KubeObject[], NamespacePosture['peerAuthentication']][] = [
    [
      'nothing set: PERMISSIVE by default',
      [],
      { mode: 'PERMISSIVE', level: 'default', source: null, workloadPolicies: 0 },
    ],
    [
      'mesh-wide STRICT',
      [mesh],
      { mode: 'STRICT', level: 'mesh', source: 'istio-system/default', workloadPolicies: 0 },
    ],
    [
      'the namespace overrides the mesh',
      [mesh, peerAuthentication('shop', 'relaxed', 'PERMISSIVE')],
      { mode: 'PERMISSIVE', level: 'namespace', source: 'shop/relaxed', workloadPolicies: 0 },
    ],
    [
      'UNSET in the namespace inherits the mesh',
      [mesh, peerAuthentication('shop', 'unset', 'UNSET')],
      { mode: 'STRICT', level: 'mesh', source: 'istio-system/default', workloadPolicies: 0 },
    ],
    [
      'workload-level policies are counted, not applied to the namespace',
      [mesh, peerAuthentication('shop', 'db', 'DISABLE', { app: 'db' })],
      { mode: 'STRICT', level: 'mesh', source: 'istio-system/default', workloadPolicies: 1 },
    ],
    [
      'a selector that matches label-less pods is still workload-level',
      [
        mesh,
        {
          metadata: { name: 'odd', namespace: 'shop' },
          spec: {
            selector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] },
            mtls: { mode: 'DISABLE' },
          },
        },
      ],
      { mode: 'STRICT', level: 'mesh', source: 'istio-system/default', workloadPolicies: 1 },
    ],
    [
      "another namespace's policy does not apply",
      [peerAuthentication('other', 'default', 'STRICT')],
      {
        mode: 'PERMISSIVE',
        level: 'default',
        source: null,
        workloadPolicies: 0,
      },
    ],
  ];
  it.each(rows)('%s', (_name, policies, expected) => {
    expect(posture(ns('shop', AMBIENT), [], { peerAuthentications: policies }).peerAuthentication).toEqual(
      expected,
    );
  });

  it('is null (unknown) when PeerAuthentications cannot be read', () => {
    expect(posture(ns('shop', AMBIENT), [], { peerAuthentications: null }).peerAuthentication).toBeNull();
  });
});

describe('namespacePosture: waypoints', () => {
  const shop = ns('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' });
  const captured = [pod('shop', 'a', { annotations: CAPTURED })];
  it('names the namespace waypoint, which exists and is Programmed', () => {
    const result = posture(shop, captured, { gateways: [waypoint('shop')] });
    expect(result.waypoints).toEqual([
      {
        namespace: 'shop',
        name: 'waypoint',
        exists: true,
        programmed: true,
        trafficType: 'service',
        usedBy: ['namespace'],
      },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('says so when the waypoint does not exist', () => {
    expect(posture(shop, captured).problems).toEqual(['uses waypoint shop/waypoint which does not exist']);
  });

  it('says so when no pod of the namespace is captured', () => {
    const result = posture(ns('shop', { 'istio.io/use-waypoint': 'waypoint' }), [pod('shop', 'a')], {
      gateways: [waypoint('shop')],
    });
    expect(result.problems).toEqual([
      'asks for waypoint waypoint, but none of its pods is captured: the waypoint is not used',
    ]);
  });
});

describe('sortPostures', () => {
  const card = (
    name: string,
    health: NamespacePosture['health'],
    problems: string[] = [],
  ): NamespacePosture => ({
    ...posture(ns(name), []),
    health,
    problems,
  });
  it('puts failing first, then with problems, then degraded, then the rest, by name', () => {
    const sorted = sortPostures([
      card('a-fine', 'healthy'),
      card('f-degraded', 'degraded'),
      card('c-failing', 'failing', ['5xx']),
      card('d-problem', 'idle', ['uses waypoint x/y which does not exist']),
      card('b-degraded', 'degraded'),
      card('e-idle', 'idle'),
    ]);
    expect(sorted.map((p) => p.name)).toEqual([
      'c-failing',
      'd-problem',
      'b-degraded',
      'f-degraded',
      'a-fine',
      'e-idle',
    ]);
  });
});
