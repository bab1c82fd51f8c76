import { describe, expect, it } from 'vitest';
import { watchedKind, WATCHED_KINDS } from '@/lib/kube/kinds';
import { WRITABLE_KINDS } from '@/lib/write/writable-kinds';
import {
  AUDIT_PERMISSIONS,
  comparePermissions,
  IMPERSONATION_PERMISSIONS,
  permission,
  permissionsOf,
  readPermissions,
  reviewsIn,
  writePermissions,
} from './rbac';

describe('permission', () => {
  it('spells a permission as kubectl auth can-i does', () => {
    expect(permission('list', '', 'pods')).toBe('list pods');
    expect(permission('update', 'apps', 'deployments')).toBe('update deployments.apps');
  });
});

describe('readPermissions', () => {
  const expected = readPermissions();

  it('reads every watched kind in its group', () => {
    expect(expected).toContain('watch telemetries.telemetry.istio.io');
    expect(expected).toContain('list namespaces');
    expect(expected).toContain('get httproutes.gateway.networking.k8s.io');
  });

  it('writes nothing: changes are made as the signed-in user', () => {
    const verbs = new Set([...expected].map((p) => p.split(' ')[0]));
    expect([...verbs].sort()).toEqual(['create', 'get', 'list', 'watch']);
    expect([...expected].filter((p) => p.startsWith('create ')).sort()).toEqual([
      'create selfsubjectreviews.authentication.k8s.io',
      'create selfsubjectrulesreviews.authorization.k8s.io',
    ]);
  });

  it('follows the table: a kind added to the code is a permission the ClusterRole must grant', () => {
    const more = [...WATCHED_KINDS, { ...watchedKind('pods'), group: 'example.io', plural: 'widgets' }];
    expect(comparePermissions(readPermissions(more), expected)).toEqual({
      missing: ['get widgets.example.io', 'list widgets.example.io', 'watch widgets.example.io'],
      extra: [],
    });
  });
});

describe('writePermissions', () => {
  const expected = writePermissions();

  it('gives each writable kind its write verbs and nothing else: label edits are update only, never patch', () => {
    expect(expected).toContain('create virtualservices.networking.istio.io');
    expect(expected).toContain('delete gateways.gateway.networking.k8s.io');
    expect(expected).toContain('update deployments.apps');
    expect(expected).toContain('update namespaces');
    expect(expected).not.toContain('create deployments.apps');
    expect(expected).not.toContain('delete namespaces');
    expect([...expected].filter((p) => !/^(create|update|delete) /.test(p))).toEqual([]);
    expect([...expected].filter((p) => p.includes('telemetries') || p.includes('serviceentries'))).toEqual(
      [],
    );
  });

  it('follows the table: a kind dropped from the code is a permission the component must drop', () => {
    const writable = WRITABLE_KINDS.filter((k) => k.kind !== 'Gateway');
    expect(comparePermissions(writePermissions(writable), expected)).toEqual({
      missing: [],
      extra: [
        'create gateways.gateway.networking.k8s.io',
        'delete gateways.gateway.networking.k8s.io',
        'update gateways.gateway.networking.k8s.io',
      ],
    });
  });
});

describe('the other grants', () => {
  it('keep audit ConfigMaps to their Role and impersonation to its component', () => {
    const cluster = [...readPermissions(), ...writePermissions()];
    expect(cluster.filter((p) => p.includes('configmaps') || p.startsWith('impersonate '))).toEqual([]);
    expect([...AUDIT_PERMISSIONS].sort()).toEqual(['create configmaps', 'get configmaps', 'list configmaps']);
    expect([...IMPERSONATION_PERMISSIONS].sort()).toEqual([
      'impersonate groups',
      'impersonate serviceaccounts',
      'impersonate users',
    ]);
  });
});

describe('permissionsOf', () => {
  it('expands each rule into group x resource x verb', () => {
    const { permissions, problems } = permissionsOf([
      { apiGroups: ['', 'apps'], resources: ['deployments'], verbs: ['get', 'list'] },
    ]);
    expect([...permissions].sort()).toEqual([
      'get deployments',
      'get deployments.apps',
      'list deployments',
      'list deployments.apps',
    ]);
    expect(problems).toEqual([]);
  });

  it('reports wildcards, non-resource URLs and empty rules', () => {
    const { problems } = permissionsOf([
      { apiGroups: ['*'], resources: ['pods'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods/*'], verbs: ['*'] },
      { nonResourceURLs: ['/metrics'], verbs: ['get'] },
    ]);
    expect(problems).toEqual([
      'rule 1: a wildcard in apiGroups',
      'rule 2: a wildcard in resources',
      'rule 2: a wildcard in verbs',
      'rule 3: nonResourceURLs',
      'rule 3: no apiGroups, resources or verbs',
    ]);
  });
});

describe('comparePermissions', () => {
  it('lists what is missing and what is extra, sorted', () => {
    expect(
      comparePermissions(
        new Set(['get pods', 'list pods']),
        new Set(['list pods', 'delete pods', 'create pods']),
      ),
    ).toEqual({ missing: ['get pods'], extra: ['create pods', 'delete pods'] });
  });
});

describe('reviewsIn', () => {
  it('finds the reviews a source sends by REST path or client-node call', () => {
    const source = [
      "kube.create('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', body, 'rules review');",
      "kube.create('/apis/authentication.k8s.io/v1/selfsubjectreviews', body, 'token review');",
      "kube.create(`/apis/authorization.k8s.io/v1/namespaces/${ns}/localsubjectaccessreviews`, body, 'x');",
      'await authn.createTokenReview({ body });',
      'await authz.createSubjectAccessReview({ body });',
      "get('/apis/networking.istio.io/v1/virtualservices'); // not a review",
    ].join('\n');
    expect([...reviewsIn(source)].sort()).toEqual([
      'create localsubjectaccessreviews.authorization.k8s.io',
      'create selfsubjectreviews.authentication.k8s.io',
      'create selfsubjectrulesreviews.authorization.k8s.io',
      'create subjectaccessreviews.authorization.k8s.io',
      'create tokenreviews.authentication.k8s.io',
    ]);
    expect(reviewsIn('no reviews here')).toEqual(new Set());
  });
});
