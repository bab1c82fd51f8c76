import { describe, expect, it } from 'vitest';
import { AMBIENT, CAPTURED, daemonSet, deployment, ns, pod } from './__fixtures__/cluster';
import { capturedNodes, meshPosture, type MeshPostureInput } from './overview';

const owner = { kind: 'DaemonSet', name: 'ztunnel' };
const input = (ztunnelOnNode2Ready: boolean): MeshPostureInput => ({
  namespaces: [ns('shop', AMBIENT), ns('outside')],
  pods: [
    pod('shop', 'a', { annotations: CAPTURED, node: 'node-2' }),
    pod('outside', 'b', { node: 'node-3' }),
    pod('istio-system', 'zt-1', { labels: { app: 'ztunnel' }, node: 'node-1', owner }),
    pod('istio-system', 'zt-2', {
      labels: { app: 'ztunnel' },
      node: 'node-2',
      owner,
      ready: ztunnelOnNode2Ready,
    }),
  ],
  services: [],
  gateways: [],
  gatewayClasses: [],
  peerAuthentications: [],
  deployments: [
    deployment('istio-system', 'istiod', { image: 'istio/pilot:1.28.0', templateLabels: { app: 'istiod' } }),
  ],
  daemonSets: [
    daemonSet('istio-system', 'ztunnel', {
      image: 'istio/ztunnel:1.28.0',
      templateLabels: { app: 'ztunnel' },
      desired: 2,
      ready: ztunnelOnNode2Ready ? 2 : 1,
    }),
  ],
  gatewayApi: { gateways: null, httproutes: null },
  traffic: null,
});

describe('meshPosture', () => {
  it('knows which nodes run captured pods', () => {
    const { namespaces, pods } = input(true);
    expect(capturedNodes(pods ?? [], namespaces)).toEqual(new Set(['node-2']));
  });

  it('a ztunnel not ready where pods are captured: an error in the strip and a problem on the namespace', () => {
    const broken = meshPosture(input(false));
    expect(broken.controlPlane.find((c) => c.id === 'ztunnel')).toMatchObject({
      state: 'error',
      summary: 'ready on 1/2 nodes, 1.28.0; not ready on node-2, node-3',
    });
    expect(broken.namespaces[0]).toMatchObject({
      name: 'shop',
      problems: ['1 captured pod on node-2, where no ztunnel is ready: their traffic fails'],
    });

    const fine = meshPosture(input(true));
    expect(fine.namespaces.find((n) => n.name === 'shop')?.problems).toEqual([]);
    // node-3 runs only an out-of-mesh pod: no ztunnel there is a warning, not an error.
    expect(fine.controlPlane.find((c) => c.id === 'ztunnel')?.state).toBe('warn');
  });
});
