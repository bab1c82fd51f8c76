import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { AMBIENT, CAPTURED, ns, peerAuthentication, pod } from './__fixtures__/cluster';
import { NO_TRAFFIC, namespacePosture } from './namespace-posture';
import type { NamespacePosture, NamespaceTraffic } from './types';

const posture = (
  namespace: KubeObject,
  pods: KubeObject[],
  input: Partial<Parameters<typeof namespacePosture>[2]> = {},
): NamespacePosture =>
  namespacePosture(
    namespace,
    { pods, services: [] },
    {
      gateways: [],
      gatewayClasses: [],
      peerAuthentications: [],
      traffic: null,
      ztunnelReadyNodes: null,
      ...input,
    },
  );

const traffic = (t: Partial<NamespaceTraffic>): Map<string, NamespaceTraffic> =>
  new Map([['shop', { ...NO_TRAFFIC, ...t }]]);

describe('namespacePosture: traffic, health and mTLS (graph thresholds: any 5xx degraded, 10% failing)', () => {
  const strict = [peerAuthentication('istio-system', 'default', 'STRICT')];
  const captured = [pod('shop', 'a', { annotations: CAPTURED })];
  const rows: [string, KubeObject, Partial<NamespaceTraffic> | null, KubeObject[], string, RegExp[]][] = [
    ['no metrics: health unknown, no traffic problem', ns('shop', AMBIENT), null, [], 'unknown', []],
    ['nothing came in: idle', ns('shop', AMBIENT), {}, [], 'idle', []],
    ['all mTLS, no errors', ns('shop', AMBIENT), { requestsPerSecond: 10, mtlsShare: 1 }, [], 'healthy', []],
    [
      'one 5xx in a hundred: degraded, which the card says, not a problem of its own',
      ns('shop', AMBIENT),
      { requestsPerSecond: 100, errorsPerSecond: 1, mtlsShare: 1 },
      [],
      'degraded',
      [],
    ],
    [
      'a 5xx share of 10%: failing, and a problem',
      ns('shop', AMBIENT),
      { requestsPerSecond: 10, errorsPerSecond: 1, mtlsShare: 1 },
      [],
      'failing',
      [/^5xx errors in the window: 1\/s \(10% of requests\)$/],
    ],
    [
      '4xx under 10%: healthy, not a problem',
      ns('shop', AMBIENT),
      { requestsPerSecond: 100, clientErrorsPerSecond: 5, mtlsShare: 1 },
      [],
      'healthy',
      [],
    ],
    [
      'connections refused by ztunnel count as failures',
      ns('shop', AMBIENT),
      { connectionsPerSecond: 4, deniedPerSecond: 1, mtlsShare: 1 },
      [],
      'failing',
      [/^1\/s connections refused by ztunnel/],
    ],
    [
      'bytes over open connections are traffic',
      ns('shop', AMBIENT),
      { bytesPerSecond: 900 },
      [],
      'healthy',
      [],
    ],
    [
      'PERMISSIVE with plaintext seen: plaintext accepted',
      ns('shop', AMBIENT),
      { connectionsPerSecond: 10, mtlsShare: 0.75 },
      [],
      'healthy',
      [/^PERMISSIVE: plaintext accepted \(25% of inbound traffic was plaintext\)$/],
    ],
    [
      'STRICT with plaintext seen',
      ns('shop', AMBIENT),
      { connectionsPerSecond: 10, mtlsShare: 0.9 },
      strict,
      'healthy',
      [/^STRICT, but 10% of inbound traffic was plaintext$/],
    ],
    [
      'out of the mesh: plaintext is expected',
      ns('shop'),
      { connectionsPerSecond: 10, mtlsShare: 0 },
      [],
      'healthy',
      [],
    ],
  ];
  it.each(rows)('%s', (_name, namespace, t, policies, health, problems) => {
    const pods = namespace.metadata.labels?.['istio.io/dataplane-mode'] ? captured : [pod('shop', 'a')];
    const result = posture(namespace, pods, {
      traffic: t === null ? null : traffic(t),
      peerAuthentications: policies,
    });
    expect(result.health).toBe(health);
    expect(result.problems).toEqual(problems.map((p) => expect.stringMatching(p)));
  });
});
