import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { evaluateAuthorization } from './authorization';
import type {
  AuthorizationPolicySpec,
  AuthorizationRequest,
  AuthorizationRule,
  EnforcementPoint,
} from './authorization-types';

function ap(
  name: string,
  action: AuthorizationPolicySpec['action'],
  rules?: AuthorizationRule[],
  extra: Partial<AuthorizationPolicySpec> = {},
): KubeObject {
  const spec = { action, ...(rules ? { rules } : {}), ...extra };
  return { kind: 'AuthorizationPolicy', metadata: { name, namespace: 'shop' }, spec };
}
function request(from: string, path = '/', extra: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    source: {
      principal: `cluster.local/ns/${from}/sa/client`,
      namespace: from,
      serviceAccount: 'client',
      ip: '10.1.2.3',
    },
    destination: { ip: '10.9.0.1', port: 9080 },
    http: { host: 'api.shop.svc.cluster.local:9080', method: 'GET', path, headers: { 'end-user': 'jason' } },
    ...extra,
  };
}
const PLAINTEXT: AuthorizationRequest = {
  source: { ip: '192.168.1.1' },
  destination: { port: 9080 },
  http: { host: 'api', method: 'GET', path: '/', headers: {} },
};
const TCP: AuthorizationRequest = { ...request('shop'), http: undefined };
const ZTUNNEL: EnforcementPoint = { kind: 'ztunnel', namespace: 'shop', labels: { app: 'api' } };
const WAYPOINT: EnforcementPoint = {
  kind: 'waypoint',
  gateway: { namespace: 'shop', name: 'wp', className: 'istio-waypoint' },
};
const SIDECAR: EnforcementPoint = { kind: 'sidecar', namespace: 'shop', labels: { app: 'api' } };
const fromNs = (...namespaces: string[]): AuthorizationRule => ({ from: [{ source: { namespaces } }] });
const toPaths = (...paths: string[]): AuthorizationRule => ({ to: [{ operation: { paths } }] });

describe('evaluateAuthorization: CUSTOM, then DENY, then ALLOW', () => {
  const rows: [string, KubeObject[], AuthorizationRequest, EnforcementPoint, 'allow' | 'deny', RegExp][] = [
    ['no policy: allow', [], request('legacy'), ZTUNNEL, 'allow', /no ALLOW policy applies/],
    [
      'ALLOW by namespace admits that namespace',
      [ap('a', 'ALLOW', [fromNs('shop')])],
      request('shop'),
      ZTUNNEL,
      'allow',
      /allowed by shop\/a/,
    ],
    [
      'ALLOW by namespace denies another',
      [ap('a', 'ALLOW', [fromNs('shop')])],
      request('legacy'),
      ZTUNNEL,
      'deny',
      /no ALLOW policy matched: shop\/a/,
    ],
    [
      'DENY by namespace denies it',
      [ap('d', 'DENY', [fromNs('legacy')])],
      request('legacy'),
      ZTUNNEL,
      'deny',
      /denied by shop\/d/,
    ],
    [
      'DENY beats a matching ALLOW',
      [ap('a', 'ALLOW', [{}]), ap('d', 'DENY', [fromNs('legacy')])],
      request('legacy'),
      ZTUNNEL,
      'deny',
      /shop\/d/,
    ],
    [
      'AUDIT never changes the decision',
      [ap('audit', 'AUDIT', [{}])],
      request('legacy'),
      ZTUNNEL,
      'allow',
      /no ALLOW/,
    ],
    [
      'CUSTOM is a no-op in the demo',
      [ap('ext', 'CUSTOM', [{}])],
      request('legacy'),
      ZTUNNEL,
      'allow',
      /no ALLOW/,
    ],
    [
      'ALLOW without rules allows nothing',
      [ap('a', 'ALLOW')],
      request('shop'),
      ZTUNNEL,
      'deny',
      /no ALLOW policy matched/,
    ],
    [
      'ALLOW with one empty rule allows everything',
      [ap('a', 'ALLOW', [{}])],
      request('legacy'),
      ZTUNNEL,
      'allow',
      /allowed/,
    ],
    ['DENY without rules denies nothing', [ap('d', 'DENY')], request('legacy'), ZTUNNEL, 'allow', /no ALLOW/],
    [
      'notNamespaces',
      [ap('d', 'DENY', [{ from: [{ source: { notNamespaces: ['shop'] } }] }])],
      request('legacy'),
      ZTUNNEL,
      'deny',
      /shop\/d/,
    ],
    [
      'rules are OR-ed',
      [ap('a', 'ALLOW', [fromNs('x'), fromNs('legacy')])],
      request('legacy'),
      ZTUNNEL,
      'allow',
      /allowed/,
    ],
    [
      'from and to are AND-ed',
      [ap('a', 'ALLOW', [{ ...fromNs('shop'), to: [{ operation: { ports: ['8080'] } }] }])],
      request('shop'),
      ZTUNNEL,
      'deny',
      /no ALLOW/,
    ],
    [
      'principals with a wildcard',
      [ap('a', 'ALLOW', [{ from: [{ source: { principals: ['cluster.local/ns/shop/*'] } }] }])],
      request('shop'),
      ZTUNNEL,
      'allow',
      /allowed/,
    ],
    [
      'a plaintext client has no principal',
      [ap('a', 'ALLOW', [{ from: [{ source: { principals: ['*'] } }] }])],
      PLAINTEXT,
      ZTUNNEL,
      'deny',
      /no ALLOW/,
    ],
    [
      'serviceAccounts, short names in the policy namespace',
      [ap('a', 'ALLOW', [{ from: [{ source: { serviceAccounts: ['client'] } }] }])],
      request('shop'),
      ZTUNNEL,
      'allow',
      /allowed/,
    ],
    [
      'ipBlocks by CIDR',
      [ap('d', 'DENY', [{ from: [{ source: { ipBlocks: ['10.1.0.0/16'] } }] }])],
      request('shop'),
      ZTUNNEL,
      'deny',
      /shop\/d/,
    ],
    [
      'when source.namespace is L4',
      [ap('d', 'DENY', [{ when: [{ key: 'source.namespace', values: ['legacy'] }] }])],
      request('legacy'),
      ZTUNNEL,
      'deny',
      /shop\/d/,
    ],
    [
      'L7 DENY on a path at a waypoint denies that path',
      [ap('d', 'DENY', [toPaths('/admin*')], { targetRefs: [{ kind: 'Gateway', name: 'wp' }] })],
      request('shop', '/admin/users'),
      WAYPOINT,
      'deny',
      /denied by shop\/d/,
    ],
    [
      'a policy without targetRefs is not enforced by a waypoint',
      [ap('d', 'DENY', [toPaths('/admin*')])],
      request('shop', '/admin/users'),
      WAYPOINT,
      'allow',
      /no ALLOW/,
    ],
    [
      'L7 DENY on a path at a sidecar denies that path',
      [ap('d', 'DENY', [toPaths('/admin*')])],
      request('shop', '/admin/users'),
      SIDECAR,
      'deny',
      /shop\/d/,
    ],
    [
      'L7 DENY on a path at a sidecar lets other paths through',
      [ap('d', 'DENY', [toPaths('/admin*')])],
      request('shop', '/'),
      SIDECAR,
      'allow',
      /no ALLOW/,
    ],
    [
      'when request.headers at a sidecar',
      [ap('d', 'DENY', [{ when: [{ key: 'request.headers[End-User]', values: ['jason'] }] }])],
      request('shop'),
      SIDECAR,
      'deny',
      /shop\/d/,
    ],
    [
      'ztunnel: an ALLOW rule with L7 parts never matches (deny-all)',
      [ap('a', 'ALLOW', [{ to: [{ operation: { methods: ['GET'] } }] }])],
      request('shop'),
      ZTUNNEL,
      'deny',
      /never match at ztunnel: shop\/a/,
    ],
    [
      'ztunnel: L4-only ALLOW rules of the same policy still match',
      [ap('a', 'ALLOW', [{ to: [{ operation: { methods: ['GET'] } }] }, fromNs('shop')])],
      request('shop'),
      ZTUNNEL,
      'allow',
      /allowed/,
    ],
    [
      'ztunnel: a DENY rule loses its L7 parts, denying every path',
      [ap('d', 'DENY', [toPaths('/admin')])],
      request('shop', '/'),
      ZTUNNEL,
      'deny',
      /L7 parts ignored/,
    ],
    [
      'ztunnel: a stripped DENY keeps its L4 parts',
      [ap('d', 'DENY', [{ ...fromNs('legacy'), ...toPaths('/admin') }])],
      request('shop', '/'),
      ZTUNNEL,
      'allow',
      /no ALLOW/,
    ],
    [
      'TCP at an Envoy: L7 ALLOW rules never match',
      [ap('a', 'ALLOW', [{ to: [{ operation: { methods: ['GET'] } }] }])],
      TCP,
      SIDECAR,
      'deny',
      /never match/,
    ],
  ];
  it.each(rows)('%s', (_name, policies, req, point, decision, reason) => {
    const result = evaluateAuthorization(policies, req, point);
    expect(result.decision).toBe(decision);
    expect(result.reason).toMatch(reason);
  });

  it('names the deciding policy', () => {
    const result = evaluateAuthorization([ap('d', 'DENY', [fromNs('legacy')])], request('legacy'), ZTUNNEL);
    expect(result.policy).toEqual({ namespace: 'shop', name: 'd' });
  });

  it('ignores policies that do not apply at the point (targetRefs at a ztunnel)', () => {
    const policy: KubeObject = {
      metadata: { name: 'wp-only', namespace: 'shop' },
      spec: { action: 'DENY', rules: [{}], targetRefs: [{ kind: 'Gateway', name: 'waypoint' }] },
    };
    expect(evaluateAuthorization([policy], request('shop'), ZTUNNEL).decision).toBe('allow');
    const waypoint: EnforcementPoint = {
      kind: 'waypoint',
      gateway: { namespace: 'shop', name: 'waypoint', className: 'istio-waypoint' },
    };
    expect(evaluateAuthorization([policy], request('shop'), waypoint).decision).toBe('deny');
  });
});
