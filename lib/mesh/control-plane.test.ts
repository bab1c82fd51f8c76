import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { daemonSet, deployment, pod } from './__fixtures__/cluster';
import { controlPlane, ztunnelReadyNodes, type ControlPlaneInput } from './control-plane';
import type { ComponentState, ControlPlaneComponent } from './types';

const NODES = ['node-1', 'node-2', 'node-3'];
const ISTIOD = { app: 'istiod', istio: 'pilot' };
const ZTUNNEL = { app: 'ztunnel' };
const CNI = { 'k8s-app': 'istio-cni-node' };

const istiod = (o: { ready?: number; replicas?: number; image?: string } = {}): KubeObject =>
  deployment('istio-system', 'istiod', {
    image: o.image ?? 'docker.io/istio/pilot:1.28.0',
    templateLabels: ISTIOD,
    ...(o.replicas !== undefined && { replicas: o.replicas }),
    ...(o.ready !== undefined && { ready: o.ready }),
  });
const ztunnel = (ready = 3, image = 'docker.io/istio/ztunnel:1.28.0'): KubeObject =>
  daemonSet('istio-system', 'ztunnel', { image, templateLabels: ZTUNNEL, desired: 3, ready });
const cni = (): KubeObject =>
  daemonSet('istio-system', 'istio-cni-node', {
    image: 'docker.io/istio/install-cni:1.28.0-distroless',
    templateLabels: CNI,
    desired: 3,
  });
/** One pod of the DaemonSet per node, the ones in `notReady` not Ready, those in `absent` missing. */
const dsPods = (
  name: string,
  labels: Record<string, string>,
  notReady: string[] = [],
  absent: string[] = [],
) =>
  NODES.filter((n) => !absent.includes(n)).map((node) =>
    pod('istio-system', `${name}-${node}`, {
      labels,
      node,
      ready: !notReady.includes(node),
      owner: { kind: 'DaemonSet', name },
    }),
  );

function input(over: Partial<ControlPlaneInput> = {}): ControlPlaneInput {
  return {
    deployments: [istiod()],
    daemonSets: [ztunnel(), cni()],
    pods: [...dsPods('ztunnel', ZTUNNEL), ...dsPods('istio-cni-node', CNI)],
    gatewayApi: { gateways: null, httproutes: null },
    capturedNodes: new Set(['node-1', 'node-2']),
    ...over,
  };
}

const byId = (items: ControlPlaneComponent[], id: string): ControlPlaneComponent => {
  const found = items.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('controlPlane', () => {
  it('a healthy ambient control plane (the demo: istiod, ztunnel and istio-cni on three nodes)', () => {
    const items = controlPlane(input());
    expect(items.map((c) => [c.id, c.state])).toEqual([
      ['istiod', 'ok'],
      ['ztunnel', 'ok'],
      ['cni', 'ok'],
      ['gateway-api', 'ok'],
    ]);
    expect(byId(items, 'istiod')).toMatchObject({
      summary: '1/1 replica ready, 1.28.0',
      version: '1.28.0',
      ready: 1,
      desired: 1,
      objects: ['istio-system/istiod'],
    });
    expect(byId(items, 'ztunnel')).toMatchObject({
      summary: 'ready on 3/3 nodes, 1.28.0',
      ready: 3,
      desired: 3,
    });
    expect(byId(items, 'ztunnel').nodes).toEqual(
      NODES.map((node) => ({ node, pod: `ztunnel-${node}`, ready: true })),
    );
    expect(byId(items, 'cni').version).toBe('1.28.0');
    expect(ztunnelReadyNodes(items)).toEqual(new Set(NODES));
  });

  const rows: [string, Partial<ControlPlaneInput>, string, ComponentState, RegExp][] = [
    [
      'istiod with no replica ready',
      { deployments: [istiod({ ready: 0 })] },
      'istiod',
      'error',
      /^0\/1 replica ready/,
    ],
    [
      'istiod with one of two ready',
      { deployments: [istiod({ replicas: 2, ready: 1 })] },
      'istiod',
      'warn',
      /^1\/2 replicas/,
    ],
    [
      'no istiod at all',
      { deployments: [] },
      'istiod',
      'error',
      /no istiod Deployment \(pods labelled app=istiod\)/,
    ],
    ['Deployments unreadable', { deployments: null }, 'istiod', 'unknown', /could not be read/],
    [
      'ztunnel not ready on a node that runs captured pods: their traffic fails',
      { daemonSets: [ztunnel(2), cni()], pods: [...dsPods('ztunnel', ZTUNNEL, ['node-2'])] },
      'ztunnel',
      'error',
      /^ready on 2\/3 nodes, 1\.28\.0; not ready on node-2$/,
    ],
    [
      'ztunnel missing on a node without captured pods: a warning',
      {
        daemonSets: [ztunnel(2), cni()],
        pods: [...dsPods('ztunnel', ZTUNNEL, [], ['node-3']), pod('x', 'y', { node: 'node-3' })],
      },
      'ztunnel',
      'warn',
      /not ready on node-3$/,
    ],
    [
      'no ztunnel while pods are captured',
      { daemonSets: [cni()] },
      'ztunnel',
      'error',
      /^no ztunnel DaemonSet, but pods are captured on 2 nodes$/,
    ],
    [
      'no ztunnel in a sidecar-only mesh',
      { daemonSets: [], capturedNodes: new Set() },
      'ztunnel',
      'warn',
      /^not installed: ambient mode is not available$/,
    ],
    [
      'ztunnel a minor version behind istiod',
      { daemonSets: [ztunnel(3, 'docker.io/istio/ztunnel:1.27.3'), cni()] },
      'ztunnel',
      'warn',
      /1\.27\.3; istiod is 1\.28\.0$/,
    ],
    [
      'a patch version apart is fine',
      { daemonSets: [ztunnel(3, 'docker.io/istio/ztunnel:1.28.1'), cni()] },
      'ztunnel',
      'ok',
      /1\.28\.1$/,
    ],
    [
      'Gateway API CRDs not installed',
      { gatewayApi: { gateways: 'missing_kind', httproutes: 'missing_kind' } },
      'gateway-api',
      'warn',
      /^not installed: no waypoints, no HTTPRoutes$/,
    ],
    [
      'HTTPRoute alone not served',
      { gatewayApi: { gateways: null, httproutes: 'missing_kind' } },
      'gateway-api',
      'warn',
      /^HTTPRoute not served: waypoints work/,
    ],
    [
      'Gateway API unreadable',
      { gatewayApi: { gateways: 'forbidden', httproutes: null } },
      'gateway-api',
      'unknown',
      /gateways: forbidden/,
    ],
  ];
  it.each(rows)('%s', (_name, over, id, state, summary) => {
    const item = byId(controlPlane(input(over)), id);
    expect(item.state).toBe(state);
    expect(item.summary).toMatch(summary);
  });

  it('knows no ready nodes when pods cannot be read', () => {
    expect(ztunnelReadyNodes(controlPlane(input({ pods: null })))).toBeNull();
  });
});
