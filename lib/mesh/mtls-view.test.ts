import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { AMBIENT, CAPTURED, INJECTION, SIDECAR, ns, peerAuthentication, pod } from './__fixtures__/cluster';
import { edge } from './__fixtures__/graph-edges';
import { mtlsView, type MtlsInput } from './mtls-view';
import type { WorkloadGroup } from './view-inputs';

const app = (
  namespace: string,
  name: string,
  annotations: Record<string, string> = CAPTURED,
): WorkloadGroup => ({
  namespace,
  name,
  pods: [pod(namespace, `${name}-a`, { labels: { app: name }, annotations })],
});

function input(policies: KubeObject[] | null, extra: Partial<MtlsInput> = {}): MtlsInput {
  return {
    namespaces: [ns('shop', AMBIENT), ns('legacy', INJECTION), ns('outside')],
    workloads: [
      app('shop', 'api'),
      app('shop', 'db'),
      app('legacy', 'inventory', SIDECAR),
      app('outside', 'client', {}),
    ],
    peerAuthentications: policies,
    edges: [],
    ...extra,
  };
}

describe('mtlsView: the effective mode and the object it comes from (docs: "mesh (root namespace) -> namespace -> workload, UNSET inherits")', () => {
  const rows: [string, KubeObject[], string, string, string][] = [
    ['nothing set', [], 'PERMISSIVE', 'no policy: PERMISSIVE by default', 'no policy: PERMISSIVE by default'],
    [
      'mesh-wide STRICT in the root namespace',
      [peerAuthentication('istio-system', 'default', 'STRICT')],
      'STRICT',
      'mesh default (istio-system/default)',
      'mesh default (istio-system/default)',
    ],
    [
      'the namespace overrides the mesh',
      [
        peerAuthentication('istio-system', 'default', 'STRICT'),
        peerAuthentication('shop', 'relaxed', 'PERMISSIVE'),
      ],
      'PERMISSIVE',
      'namespace policy shop/relaxed',
      'namespace policy shop/relaxed',
    ],
    [
      'a namespace UNSET inherits the mesh',
      [peerAuthentication('istio-system', 'default', 'STRICT'), peerAuthentication('shop', 'unset', 'UNSET')],
      'STRICT',
      'mesh default (istio-system/default)',
      'mesh default (istio-system/default)',
    ],
    [
      'a workload selector overrides the namespace for that workload only',
      [
        peerAuthentication('shop', 'strict', 'STRICT'),
        peerAuthentication('shop', 'api-off', 'DISABLE', { app: 'api' }),
      ],
      'STRICT',
      'namespace policy shop/strict',
      'workload policy shop/api-off',
    ],
  ];
  it.each(rows)('%s', (_name, policies, nsMode, nsText, apiText) => {
    const view = mtlsView(input(policies));
    expect(view.namespaces.find((n) => n.namespace === 'shop')).toMatchObject({ mode: nsMode, text: nsText });
    expect(view.workloads.find((w) => w.name === 'api')?.text).toBe(apiText);
  });

  it('lists the port-level modes of the workload policy (the rest inherits)', () => {
    const policy: KubeObject = {
      ...peerAuthentication('shop', 'api-ports', 'UNSET', { app: 'api' }),
      spec: {
        selector: { matchLabels: { app: 'api' } },
        mtls: { mode: 'UNSET' },
        portLevelMtls: { '9090': { mode: 'DISABLE' } },
      },
    };
    const api = mtlsView(input([peerAuthentication('shop', 'strict', 'STRICT'), policy])).workloads.find(
      (w) => w.name === 'api',
    );
    expect(api).toMatchObject({
      mode: 'STRICT',
      text: 'namespace policy shop/strict',
      ports: [{ port: 9090, mode: 'DISABLE' }],
    });
  });

  it('says how each namespace is in the mesh and counts its workload policies', () => {
    const view = mtlsView(input([peerAuthentication('shop', 'db', 'STRICT', { app: 'db' })]));
    expect(view.namespaces.map((n) => [n.namespace, n.dataplane, n.workloadPolicies])).toEqual([
      ['legacy', 'sidecar', 0],
      ['outside', 'none', 0],
      ['shop', 'ambient', 1],
    ]);
  });
});

describe('mtlsView: traffic', () => {
  const edges = [
    edge('workload:outside/client', 'workload:shop/api', { layer: 'L4', mtls: 0, bytesPerSecond: 500 }),
    edge('workload:shop/api', 'workload:shop/db', { layer: 'L4', mtls: 1 }),
    edge('workload:shop/api', 'workload:outside/client', { mtls: 0 }),
  ];

  it('gives each workload and namespace the lowest inbound share; a callee out of the mesh has no mode', () => {
    const view = mtlsView(input([], { edges }));
    expect(view.workloads.map((w) => [w.name, w.inboundMtls])).toEqual([
      ['inventory', null],
      ['client', 0],
      ['api', 0],
      ['db', 1],
    ]);
    expect(view.namespaces.find((n) => n.namespace === 'shop')?.inboundMtls).toBe(0);
    expect(view.edges.find((e) => e.target === 'workload:outside/client')?.destinationMode).toBeNull();
    expect(view.plaintext.map((p) => `${p.sender} -> ${p.receiver}`)).toEqual([
      'outside/client -> shop/api',
      'shop/api -> outside/client',
    ]);
    expect(view.findings.map((f) => [f.code, f.subject])).toEqual([['permissive-plaintext', 'shop/api']]);
  });

  it('says what it could not read instead of answering zeros (errors are data)', () => {
    const noMetrics = mtlsView(input([], { edges: null }));
    expect(noMetrics).toMatchObject({ trafficKnown: false, policiesKnown: true, edges: [], plaintext: [] });
    expect(noMetrics.workloads.every((w) => w.inboundMtls === null)).toBe(true);
    const noPolicies = mtlsView(input(null, { edges }));
    expect(noPolicies).toMatchObject({ trafficKnown: true, policiesKnown: false, findings: [] });
    expect(noPolicies.plaintext).toHaveLength(2);
  });
});
