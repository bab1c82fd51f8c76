import { describe, expect, it } from 'vitest';
import { setPeerAuthentication } from './actions-mtls';
import { NO_TRAFFIC, type ActionTraffic } from './actions-types';
import { CLIENT_TO_API, legacy, outside, payments } from './__fixtures__/action-world';
import { peerAuthentication } from './__fixtures__/cluster';

const seen = (...plaintext: ActionTraffic['plaintext'] & object): ActionTraffic => ({
  ...NO_TRAFFIC,
  plaintext,
});
const REFUSED = { ...CLIENT_TO_API, outcome: 'refused' as const, destinationMode: 'STRICT' as const };
const OTHER_NS = {
  ...CLIENT_TO_API,
  target: 'workload:bookinfo/details-v1',
  receiver: 'bookinfo/details-v1',
};

describe('setPeerAuthentication', () => {
  it('payments STRICT: the plaintext edge that breaks comes first, and a default policy is created', () => {
    const action = setPeerAuthentication(payments(), 'STRICT', seen(CLIENT_TO_API, OTHER_NS));
    expect(action).toEqual({
      action: 'set-peerauthentication',
      title: 'Set the PeerAuthentication of payments to STRICT',
      kind: 'PeerAuthentication',
      namespace: 'payments',
      name: 'default',
      object: {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'default', namespace: 'payments' },
        spec: { mtls: { mode: 'STRICT' } },
      },
      effect: [
        'Breaks: outside/client → payments/api-v1, 5 rps plaintext will be refused',
        'Plaintext from clients outside the mesh will be refused; mesh traffic (HBONE) is mTLS already and is unchanged',
        'payments goes from PERMISSIVE (by default) to STRICT (namespace policy payments/default)',
      ],
      warnings: ['1 plaintext edge into payments seen in the window will break'],
    });
  });

  it.each<[string, ActionTraffic, string, string[]]>([
    [
      'nothing seen',
      seen(),
      'No plaintext into payments was seen in the window: nothing observed breaks',
      [],
    ],
    [
      'metrics unavailable',
      NO_TRAFFIC,
      'Plaintext from clients outside the mesh will be refused; mesh traffic (HBONE) is mTLS already and is unchanged',
      ['Plaintext into payments is unknown (metrics unavailable): clients outside the mesh may break'],
    ],
  ])('STRICT with %s', (_what, traffic, first, warnings) => {
    const action = setPeerAuthentication(payments(), 'STRICT', traffic);
    expect(action.effect[0]).toBe(first);
    expect(action.warnings).toEqual(warnings);
  });

  it('PERMISSIVE over a STRICT namespace policy: edits that policy at its version, and names what is accepted', () => {
    const live = {
      ...peerAuthentication('payments', 'mtls', 'STRICT'),
      metadata: { name: 'mtls', namespace: 'payments', resourceVersion: '40' },
    };
    const action = setPeerAuthentication(
      payments({ peerAuthentications: [live] }),
      'PERMISSIVE',
      seen(REFUSED),
    );
    expect(action).toMatchObject({
      name: 'mtls',
      baseResourceVersion: '40',
      object: { metadata: { name: 'mtls', resourceVersion: '40' }, spec: { mtls: { mode: 'PERMISSIVE' } } },
      effect: [
        'Accepted from now: outside/client → payments/api-v1 (5 rps refused in the window)',
        'Plaintext from clients outside the mesh will be accepted',
        'Mesh traffic to captured pods stays mTLS (HBONE)',
        'payments goes from STRICT (namespace policy payments/mtls) to PERMISSIVE (namespace policy payments/mtls)',
      ],
      warnings: [],
    });
  });

  it('DISABLE: in ambient it behaves as PERMISSIVE; sidecars take plaintext only', () => {
    expect(setPeerAuthentication(payments(), 'DISABLE', seen()).effect).toContain(
      'In ambient, DISABLE behaves as PERMISSIVE: ztunnel keeps mTLS between mesh workloads; to turn mTLS off, take the namespace out of ambient',
    );
    expect(setPeerAuthentication(legacy(), 'DISABLE', seen()).effect).toEqual([
      'Plaintext from clients outside the mesh will be accepted',
      "2 sidecar pods will take plaintext only: their clients' sidecars stop using mTLS to them",
      'legacy goes from PERMISSIVE (by default) to DISABLE (namespace policy legacy/default)',
    ]);
  });

  it('warns about a mode already set, the oldest of several policies, workload policies, and pods outside the mesh', () => {
    const policies = [
      peerAuthentication('payments', 'old', 'STRICT', undefined, '2025-01-01T00:00:00Z'),
      peerAuthentication('payments', 'new', 'PERMISSIVE', undefined, '2026-01-01T00:00:00Z'),
      peerAuthentication('payments', 'db', 'PERMISSIVE', { app: 'postgres' }),
    ];
    const action = setPeerAuthentication(payments({ peerAuthentications: policies }), 'STRICT', seen());
    expect(action.name).toBe('old');
    expect(action.warnings).toEqual([
      'payments is STRICT already: nothing changes',
      'payments has 2 namespace-wide PeerAuthentications; the oldest (old) decides and is the one changed',
      'Workload-level PeerAuthentications keep their own modes: db',
    ]);
    expect(setPeerAuthentication(outside(), 'STRICT', seen()).warnings).toEqual([
      'No pod of outside is in the mesh: the mode has no effect until one is',
    ]);
  });

  it('a mesh-wide STRICT is overridden for the namespace', () => {
    const mesh = peerAuthentication('istio-system', 'default', 'STRICT');
    const action = setPeerAuthentication(payments({ peerAuthentications: [mesh] }), 'PERMISSIVE', seen());
    expect(action.effect.at(-1)).toBe(
      'payments goes from STRICT (mesh policy istio-system/default) to PERMISSIVE (namespace policy payments/default)',
    );
  });
});
