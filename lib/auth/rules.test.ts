import { describe, expect, it } from 'vitest';
import { allows, type ResourceRule } from './rules';

const aliceInBookinfo: ResourceRule[] = [
  { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'services'] },
  {
    verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    apiGroups: ['networking.istio.io'],
    resources: ['virtualservices', 'destinationrules'],
  },
  { verbs: ['get'], apiGroups: [''], resources: ['namespaces'], resourceNames: ['bookinfo'] },
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectrulesreviews'] },
];

describe('allows', () => {
  it('answers by verb, group and resource', () => {
    expect(allows(aliceInBookinfo, { verb: 'list', group: '', resource: 'pods' })).toBe(true);
    expect(allows(aliceInBookinfo, { verb: 'delete', group: '', resource: 'pods' })).toBe(false);
    expect(
      allows(aliceInBookinfo, { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices' }),
    ).toBe(true);
    expect(
      allows(aliceInBookinfo, {
        verb: 'update',
        group: 'security.istio.io',
        resource: 'authorizationpolicies',
      }),
    ).toBe(false);
    expect(allows(aliceInBookinfo, { verb: 'list', group: 'apps', resource: 'pods' })).toBe(false);
  });

  it('limits a rule with resourceNames to those names', () => {
    expect(
      allows(aliceInBookinfo, { verb: 'get', group: '', resource: 'namespaces', name: 'bookinfo' }),
    ).toBe(true);
    expect(
      allows(aliceInBookinfo, { verb: 'get', group: '', resource: 'namespaces', name: 'payments' }),
    ).toBe(false);
    expect(allows(aliceInBookinfo, { verb: 'get', group: '', resource: 'namespaces' })).toBe(false);
  });

  it('treats * as anything and matches subresources only when named', () => {
    const admin: ResourceRule[] = [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }];
    expect(allows(admin, { verb: 'patch', group: 'apps', resource: 'deployments/scale' })).toBe(true);
    const podsOnly: ResourceRule[] = [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }];
    expect(allows(podsOnly, { verb: 'get', group: '', resource: 'pods/log' })).toBe(false);
    const logs: ResourceRule[] = [{ verbs: ['get'], apiGroups: [''], resources: ['pods/*'] }];
    expect(allows(logs, { verb: 'get', group: '', resource: 'pods/log' })).toBe(true);
    expect(allows([], { verb: 'get', group: '', resource: 'pods' })).toBe(false);
  });
});
