import { describe, expect, it } from 'vitest';
import type { AuthorizationPolicySpec } from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import { peerAuthentication, waypoint } from './__fixtures__/cluster';
import {
  authorizationRows,
  enforcementPoints,
  peerAuthenticationRows,
  policyAppliesTo,
  type PolicySubject,
} from './detail-policies';
import type { EnforcementKind } from './detail-types';

function ap(namespace: string, name: string, spec: AuthorizationPolicySpec = {}): KubeObject {
  return { kind: 'AuthorizationPolicy', metadata: { name, namespace }, spec: { rules: [{}], ...spec } };
}
const L7_RULES = { rules: [{ to: [{ operation: { methods: ['GET'] } }] }] };
const FROM_RULES = { rules: [{ from: [{ source: { principals: ['cluster.local/ns/web/sa/a'] } }] }] };
const POLICIES = [
  ap('shop', 'namespace-wide'),
  ap('shop', 'selects-api', { selector: { matchLabels: { app: 'api' } } }),
  ap('shop', 'selects-db', { selector: { matchLabels: { app: 'db' } } }),
  ap('istio-system', 'mesh-wide', { action: 'DENY' }),
  ap('other', 'other-namespace'),
  ap('shop', 'targets-service', { targetRefs: [{ kind: 'Service', group: '', name: 'api' }] }),
  ap('shop', 'targets-waypoint', {
    targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }],
  }),
  ap('istio-system', 'targets-class', {
    targetRefs: [{ kind: 'GatewayClass', group: 'gateway.networking.k8s.io', name: 'istio-waypoint' }],
  }),
];

const api = { namespace: 'shop', labels: { app: 'api' } };
const behindWaypoint: PolicySubject = {
  ...api,
  dataplane: 'ambient',
  waypoints: [{ gateway: waypoint('shop'), service: { namespace: 'shop', name: 'api' } }],
};
const SUBJECTS: Record<string, PolicySubject> = {
  'ambient, behind a waypoint': behindWaypoint,
  'ambient, L4 only': { ...api, dataplane: 'ambient', waypoints: [] },
  sidecar: { ...api, dataplane: 'sidecar', waypoints: [] },
  'out of the mesh': { ...api, dataplane: 'none', waypoints: [] },
};

/** name -> where it is enforced, for one subject. */
function where(subject: PolicySubject): Record<string, string> {
  return Object.fromEntries(
    authorizationRows(POLICIES, subject).map((r) => [r.name, r.enforcedAt.join('+') || 'nowhere']),
  );
}

describe('where AuthorizationPolicies are enforced', () => {
  it.each<[string, Record<string, string>]>([
    [
      'ambient, behind a waypoint',
      {
        'namespace-wide': 'ztunnel',
        'selects-api': 'ztunnel',
        'mesh-wide': 'ztunnel',
        'targets-service': 'waypoint',
        'targets-waypoint': 'waypoint',
        'targets-class': 'waypoint',
      },
    ],
    ['ambient, L4 only', { 'namespace-wide': 'ztunnel', 'selects-api': 'ztunnel', 'mesh-wide': 'ztunnel' }],
    ['sidecar', { 'namespace-wide': 'sidecar', 'selects-api': 'sidecar', 'mesh-wide': 'sidecar' }],
    ['out of the mesh', { 'namespace-wide': 'nowhere', 'selects-api': 'nowhere', 'mesh-wide': 'nowhere' }],
  ])('%s', (name, expected) => {
    expect(where(SUBJECTS[name] as PolicySubject)).toEqual(expected);
  });

  it('gives the enforcement points of each data plane', () => {
    const kinds = (s: PolicySubject): EnforcementKind[] => enforcementPoints(s).map((p) => p.kind);
    expect(kinds(behindWaypoint)).toEqual(['ztunnel', 'waypoint']);
    expect(enforcementPoints(behindWaypoint)[1]?.point).toEqual({
      kind: 'waypoint',
      gateway: { namespace: 'shop', name: 'waypoint', className: 'istio-waypoint' },
      service: { namespace: 'shop', name: 'api' },
    });
    expect(kinds(SUBJECTS.sidecar as PolicySubject)).toEqual(['sidecar']);
    expect(kinds(SUBJECTS['out of the mesh'] as PolicySubject)).toEqual([]);
  });

  it.each<[string, KubeObject, PolicySubject, RegExp | null]>([
    [
      'an L7 ALLOW rule at ztunnel never matches',
      ap('shop', 'l7', L7_RULES),
      SUBJECTS['ambient, L4 only'] as PolicySubject,
      /never match: those rules are dropped/,
    ],
    [
      'an L7 DENY rule at ztunnel is stripped',
      ap('shop', 'l7', { action: 'DENY', ...L7_RULES }),
      SUBJECTS['ambient, L4 only'] as PolicySubject,
      /strips the L7 parts/,
    ],
    ['an L7 rule at a sidecar is fine', ap('shop', 'l7', L7_RULES), SUBJECTS.sidecar as PolicySubject, null],
    [
      'an L7 rule bound to the waypoint is fine',
      ap('shop', 'l7', { ...L7_RULES, targetRefs: [{ kind: 'Service', name: 'api' }] }),
      behindWaypoint,
      null,
    ],
    [
      'identities behind a waypoint reach ztunnel as the waypoint',
      ap('shop', 'from', FROM_RULES),
      behindWaypoint,
      /ztunnel sees the waypoint's identity/,
    ],
    [
      'out of the mesh, nothing enforces it',
      ap('shop', 'any'),
      SUBJECTS['out of the mesh'] as PolicySubject,
      /not in the mesh: nothing enforces it/,
    ],
  ])('notes: %s', (_what, policy, subject, note) => {
    const [row] = authorizationRows([policy], subject);
    expect(row?.note ?? null).toEqual(note === null ? null : expect.stringMatching(note));
  });

  it('says what a policy applies to', () => {
    const text = (name: string): string =>
      policyAppliesTo(POLICIES.find((p) => p.metadata.name === name) as KubeObject);
    expect(text('namespace-wide')).toBe('every workload in the namespace');
    expect(text('selects-api')).toBe('workloads app=api');
    expect(text('mesh-wide')).toBe('mesh-wide (every namespace)');
    expect(text('targets-service')).toBe('Service api');
    expect(text('targets-class')).toBe('GatewayClass istio-waypoint');
  });

  it('keeps the action, ALLOW when none is given', () => {
    const rows = authorizationRows(POLICIES, behindWaypoint);
    expect(rows.find((r) => r.name === 'mesh-wide')?.action).toBe('DENY');
    expect(rows.find((r) => r.name === 'selects-api')?.action).toBe('ALLOW');
  });
});

describe('the PeerAuthentications that reach a workload', () => {
  const policies = [
    peerAuthentication('istio-system', 'default', 'STRICT'),
    peerAuthentication('shop', 'namespace', 'PERMISSIVE'),
    peerAuthentication('shop', 'api', 'UNSET', { app: 'api' }),
    peerAuthentication('shop', 'db', 'DISABLE', { app: 'db' }),
    peerAuthentication('other', 'default', 'DISABLE'),
  ];

  it('lists mesh, namespace and workload levels, enforced where the data plane is', () => {
    const rows = peerAuthenticationRows(
      policies,
      SUBJECTS['ambient, L4 only'] as PolicySubject,
      'shop/namespace',
    );
    expect(rows.map((r) => [r.name, r.mode, r.enforcedAt.join('+'), r.note])).toEqual([
      ['default', 'STRICT', 'ztunnel', 'overridden by a narrower policy'],
      ['namespace', 'PERMISSIVE', 'ztunnel', null],
      ['api', 'UNSET', 'ztunnel', 'UNSET: inherits the level above'],
    ]);
  });

  it('a sidecar enforces them itself; out of the mesh they do not apply', () => {
    expect(
      peerAuthenticationRows(policies, SUBJECTS.sidecar as PolicySubject, null).map((r) => r.enforcedAt),
    ).toEqual([['sidecar'], ['sidecar'], ['sidecar']]);
    const [row] = peerAuthenticationRows(policies, SUBJECTS['out of the mesh'] as PolicySubject, null);
    expect(row).toMatchObject({ enforcedAt: [], note: expect.stringMatching(/does not apply/) });
  });
});
