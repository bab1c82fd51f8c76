import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { AMBIENT, CAPTURED, INJECTION, SIDECAR, ns, peerAuthentication, pod } from './__fixtures__/cluster';
import { edge } from './__fixtures__/graph-edges';
import { mtlsView } from './mtls-view';
import type { WorkloadGroup } from './view-inputs';
import type { GraphEdge } from '@/lib/graph/types';
import type { MtlsFinding } from './views-types';

const app = (
  namespace: string,
  name: string,
  annotations: Record<string, string> = CAPTURED,
): WorkloadGroup => ({
  namespace,
  name,
  pods: [pod(namespace, `${name}-a`, { labels: { app: name }, annotations })],
});
const API = 'workload:shop/api';
const DB = 'workload:shop/db';
const INVENTORY = 'workload:legacy/inventory';
const fromOutside = (fields: Partial<GraphEdge>): GraphEdge =>
  edge('workload:outside/client', API, { layer: 'L4', mtls: 0, ...fields });
const meshCall = (target: string): GraphEdge => edge('workload:shop/web', target, { mtls: 1 });

function findings(
  policies: KubeObject[],
  edges: GraphEdge[],
): Pick<MtlsFinding, 'code' | 'subject' | 'severity'>[] {
  return mtlsView({
    namespaces: [ns('shop', AMBIENT), ns('legacy', INJECTION), ns('outside')],
    workloads: [
      app('shop', 'api'),
      app('shop', 'db'),
      app('shop', 'web'),
      app('legacy', 'inventory', SIDECAR),
      app('outside', 'client', {}),
    ],
    peerAuthentications: policies,
    edges,
  }).findings.map(({ code, subject, severity }) => ({ code, subject, severity }));
}

const strict = peerAuthentication('shop', 'strict', 'STRICT');

/** Rows from docs/istio-ambient.md, "PeerAuthentication". */
describe('mtlsFindings', () => {
  const rows: [string, KubeObject[], GraphEdge[], [MtlsFinding['code'], string][]][] = [
    [
      'STRICT additionally rejects plaintext from out-of-mesh clients: refused attempts are reported',
      [strict],
      [fromOutside({ bytesPerSecond: 0, responseCodes: { '0': 5 } }), meshCall(DB)],
      [['strict-refusing-plaintext', 'shop/api']],
    ],
    [
      'PERMISSIVE accepts plaintext: the receiver and its senders are named',
      [],
      [fromOutside({ bytesPerSecond: 900 }), meshCall(DB)],
      [['permissive-plaintext', 'shop/api']],
    ],
    [
      'PERMISSIVE and DISABLE behave the same (plaintext accepted)',
      [peerAuthentication('shop', 'off', 'DISABLE')],
      [fromOutside({ bytesPerSecond: 900 })],
      [
        ['permissive-plaintext', 'shop/api'],
        ['disable', 'shop'],
      ],
    ],
    [
      'mesh-to-mesh traffic is always mTLS: PERMISSIVE is safe to make STRICT',
      [],
      [meshCall(API), meshCall(DB), edge('workload:legacy/sync', INVENTORY)],
      [
        ['permissive-all-mtls', 'legacy'],
        ['permissive-all-mtls', 'shop'],
      ],
    ],
    [
      'not safe while some workload of the namespace still takes plaintext',
      [],
      [meshCall(DB), fromOutside({ bytesPerSecond: 900 })],
      [['permissive-plaintext', 'shop/api']],
    ],
    ['nothing came in: nothing to judge', [], [], []],
    ['STRICT with all traffic mTLS: nothing to say', [strict], [meshCall(API), meshCall(DB)], []],
    [
      'a workload-level PERMISSIVE in a STRICT namespace is judged on its own',
      [strict, peerAuthentication('shop', 'api-relaxed', 'PERMISSIVE', { app: 'api' })],
      [meshCall(API)],
      [['permissive-all-mtls', 'shop/api']],
    ],
    [
      'a workload-level DISABLE is reported on the workload',
      [strict, peerAuthentication('shop', 'api-off', 'DISABLE', { app: 'api' })],
      [],
      [['disable', 'shop/api']],
    ],
    [
      'out of the mesh, PeerAuthentication does not apply: no finding',
      [peerAuthentication('outside', 'off', 'DISABLE')],
      [edge(API, 'workload:outside/client', { mtls: 0 })],
      [],
    ],
  ];
  it.each(rows)('%s', (_name, policies, edges, expected) => {
    expect(findings(policies, edges).map((f) => [f.code, f.subject])).toEqual(expected);
  });

  it('words the findings as the rule, with who sends and how much', () => {
    const view = mtlsView({
      namespaces: [ns('shop', AMBIENT)],
      workloads: [app('shop', 'api'), app('shop', 'db')],
      peerAuthentications: [],
      edges: [fromOutside({ bytesPerSecond: 9_963 }), edge('unknown', DB, { layer: 'L4', mtls: 0 })],
    });
    expect(view.findings.map((f) => f.message)).toEqual([
      'PERMISSIVE: plaintext accepted into shop/api from outside/client (9.96 kB/s)',
      'PERMISSIVE: plaintext accepted into shop/db from unknown (outside the mesh) (1 kB/s)',
    ]);
    const refused = mtlsView({
      namespaces: [ns('shop', AMBIENT)],
      workloads: [app('shop', 'api')],
      peerAuthentications: [strict],
      edges: [fromOutside({ bytesPerSecond: 0, responseCodes: { '0': 4.5 } })],
    });
    expect(refused.findings).toEqual([
      {
        code: 'strict-refusing-plaintext',
        severity: 'warning',
        subject: 'shop/api',
        scope: 'workload',
        message:
          'STRICT but plaintext attempts are being refused: shop/api refuses outside/client (4.5 conn/s)',
      },
    ]);
    const safe = mtlsView({
      namespaces: [ns('shop', AMBIENT)],
      workloads: [app('shop', 'api'), app('shop', 'web')],
      peerAuthentications: [],
      edges: [meshCall(API)],
    });
    expect(safe.findings[0]?.message).toBe(
      'PERMISSIVE while all traffic is already mTLS: safe to make STRICT (1 inbound edge, all mTLS; no policy: PERMISSIVE by default)',
    );
  });

  it('lists warnings before information', () => {
    const list = findings([], [meshCall(DB), edge('workload:legacy/sync', INVENTORY), fromOutside({})]);
    expect(list.map((f) => f.severity)).toEqual(['warning', 'info']);
  });
});
