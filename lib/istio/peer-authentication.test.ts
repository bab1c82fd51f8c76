import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import {
  effectivePeerAuthentication,
  mtlsModeForPort,
  type MtlsMode,
  type PeerAuthenticationSpec,
} from './peer-authentication';

function pa(
  namespace: string,
  name: string,
  spec: PeerAuthenticationSpec,
  created = '2025-01-01T00:00:00Z',
): KubeObject {
  return { kind: 'PeerAuthentication', metadata: { name, namespace, creationTimestamp: created }, spec };
}
const mode = (m: MtlsMode): PeerAuthenticationSpec => ({ mtls: { mode: m } });
const subject = { namespace: 'shop', labels: { app: 'api' } };

describe('effectivePeerAuthentication (mesh -> namespace -> workload, UNSET inherits)', () => {
  const rows: [string, KubeObject[], string, string][] = [
    ['nothing set: PERMISSIVE by default', [], 'PERMISSIVE', 'default'],
    ['mesh-wide STRICT', [pa('istio-system', 'default', mode('STRICT'))], 'STRICT', 'istio-system/default'],
    [
      'a namespace overrides the mesh',
      [pa('istio-system', 'default', mode('STRICT')), pa('shop', 'ns', mode('PERMISSIVE'))],
      'PERMISSIVE',
      'shop/ns',
    ],
    [
      'namespace UNSET inherits the mesh',
      [pa('istio-system', 'default', mode('STRICT')), pa('shop', 'ns', mode('UNSET'))],
      'STRICT',
      'istio-system/default',
    ],
    [
      'a workload selector overrides the namespace',
      [
        pa('shop', 'ns', mode('STRICT')),
        pa('shop', 'api', { selector: { matchLabels: { app: 'api' } }, ...mode('DISABLE') }),
      ],
      'DISABLE',
      'shop/api',
    ],
    [
      'a selector for other workloads does not apply',
      [
        pa('shop', 'ns', mode('STRICT')),
        pa('shop', 'db', { selector: { matchLabels: { app: 'db' } }, ...mode('DISABLE') }),
      ],
      'STRICT',
      'shop/ns',
    ],
    [
      "another namespace's policy does not apply",
      [pa('other', 'ns', mode('STRICT'))],
      'PERMISSIVE',
      'default',
    ],
    [
      'a selector policy in the root namespace is not mesh-wide',
      [pa('istio-system', 'api', { selector: { matchLabels: { app: 'api' } }, ...mode('STRICT') })],
      'PERMISSIVE',
      'default',
    ],
    // docs/istio-ambient.md, "PeerAuthentication": "inheritance mesh (root namespace) -> namespace -> workload, UNSET inherits".
    [
      'docs: a workload policy with mode UNSET inherits the namespace',
      [
        pa('shop', 'ns', mode('STRICT')),
        pa('shop', 'api', { selector: { matchLabels: { app: 'api' } }, ...mode('UNSET') }),
      ],
      'STRICT',
      'shop/ns',
    ],
    [
      'docs: a mesh policy with mode UNSET leaves the default',
      [pa('istio-system', 'default', mode('UNSET'))],
      'PERMISSIVE',
      'default',
    ],
    [
      'docs: mesh, then namespace, then workload: the narrowest set mode wins',
      [
        pa('istio-system', 'default', mode('DISABLE')),
        pa('shop', 'ns', mode('PERMISSIVE')),
        pa('shop', 'api', { selector: { matchLabels: { app: 'api' } }, ...mode('STRICT') }),
      ],
      'STRICT',
      'shop/api',
    ],
    [
      'two at one level: the oldest wins',
      [pa('shop', 'newer', mode('DISABLE'), '2025-02-01T00:00:00Z'), pa('shop', 'older', mode('STRICT'))],
      'STRICT',
      'shop/older',
    ],
  ];
  it.each(rows)('%s', (_name, policies, expected, from) => {
    const effective = effectivePeerAuthentication(policies, subject);
    expect(effective.mode).toBe(expected);
    expect(effective.source ? `${effective.source.namespace}/${effective.source.name}` : 'default').toBe(
      from,
    );
    expect(effective.reason).toContain(expected);
  });

  it('applies port-level modes of the workload policy, inheriting the rest', () => {
    const policies = [
      pa('shop', 'ns', mode('PERMISSIVE')),
      pa('shop', 'api', {
        selector: { matchLabels: { app: 'api' } },
        mtls: { mode: 'UNSET' },
        portLevelMtls: { '8080': { mode: 'STRICT' } },
      }),
    ];
    const effective = effectivePeerAuthentication(policies, subject);
    expect(mtlsModeForPort(effective, 8080)).toBe('STRICT');
    expect(mtlsModeForPort(effective, 9090)).toBe('PERMISSIVE');
  });

  it('ignores port-level modes on a namespace-wide policy (only workload policies honour them)', () => {
    const effective = effectivePeerAuthentication(
      [pa('shop', 'ns', { mtls: { mode: 'STRICT' }, portLevelMtls: { '8080': { mode: 'DISABLE' } } })],
      subject,
    );
    expect(effective.ports).toEqual({});
    expect(mtlsModeForPort(effective, 8080)).toBe('STRICT');
  });
});
