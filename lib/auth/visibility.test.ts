import { describe, expect, it } from 'vitest';
import { watchedKind } from '@/lib/kube/kinds';
import type { AccessMap, ResourceRule } from './rules';
import { visibilityFrom } from './visibility';

const view: ResourceRule = {
  verbs: ['get', 'list', 'watch'],
  apiGroups: ['', 'networking.istio.io'],
  resources: ['pods', 'virtualservices'],
};
const access: AccessMap = new Map([
  ['bookinfo', { rules: [view], incomplete: false }],
  [
    'legacy',
    {
      rules: [{ verbs: ['get'], apiGroups: [''], resources: ['namespaces'], resourceNames: ['legacy'] }],
      incomplete: false,
    },
  ],
  [
    'payments',
    {
      rules: [
        { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectrulesreviews'] },
      ],
      incomplete: false,
    },
  ],
]);

describe('visibilityFrom', () => {
  const v = visibilityFrom(access);

  it('shows the namespaces where the user may read a watched kind or get the namespace itself', () => {
    expect([...v.namespaces].sort()).toEqual(['bookinfo', 'legacy']);
    expect(v.seesNamespace('payments')).toBe(false);
    expect(v.seesNamespace('istio-system')).toBe(false);
  });

  it('answers per kind and namespace', () => {
    expect(v.mayList(watchedKind('virtualservices'), 'bookinfo')).toBe(true);
    expect(v.mayList(watchedKind('authorizationpolicies'), 'bookinfo')).toBe(false);
    expect(v.mayList(watchedKind('pods'), 'legacy')).toBe(false);
    expect(
      v.may({ verb: 'update', group: 'networking.istio.io', resource: 'virtualservices' }, 'bookinfo'),
    ).toBe(false);
  });
});
