import { describe, expect, it } from 'vitest';
import {
  groupVersionsToFetch,
  missingKindReports,
  resolveKinds,
  resourcePath,
  type ApiResourceInfo,
  type DiscoverySnapshot,
} from './discovery';
import { parseApiGroupList, parseApiResourceList } from './discovery-parse';
import { WATCHED_KINDS, watchedKind } from './kinds';

const lw = ['get', 'list', 'watch'];
const res = (...names: string[]): ApiResourceInfo[] => names.map((name) => ({ name, verbs: lw }));

const core = res('namespaces', 'pods', 'services');
const fullGroups = new Map([
  ['apps', ['v1']],
  ['gateway.networking.k8s.io', ['v1', 'v1beta1']],
  ['networking.istio.io', ['v1', 'v1beta1', 'v1alpha3']],
  ['security.istio.io', ['v1', 'v1beta1']],
  ['telemetry.istio.io', ['v1', 'v1alpha1']],
]);
const fullResources = new Map<string, ApiResourceInfo[] | string>([
  ['apps/v1', res('deployments', 'daemonsets')],
  ['gateway.networking.k8s.io/v1', res('gateways', 'httproutes', 'gatewayclasses')],
  ['gateway.networking.k8s.io/v1beta1', res('gateways', 'httproutes', 'gatewayclasses')],
  ['networking.istio.io/v1', res('virtualservices', 'destinationrules', 'serviceentries')],
  ['networking.istio.io/v1beta1', res('virtualservices', 'destinationrules', 'serviceentries')],
  ['networking.istio.io/v1alpha3', res('virtualservices', 'destinationrules', 'serviceentries')],
  ['security.istio.io/v1', res('authorizationpolicies', 'peerauthentications', 'requestauthentications')],
  [
    'security.istio.io/v1beta1',
    res('authorizationpolicies', 'peerauthentications', 'requestauthentications'),
  ],
  ['telemetry.istio.io/v1', res('telemetries')],
  ['telemetry.istio.io/v1alpha1', res('telemetries')],
]);

describe('resolveKinds', () => {
  it('serves every kind at v1 on a current cluster', () => {
    const { served, missing } = resolveKinds(WATCHED_KINDS, {
      core,
      groups: fullGroups,
      resources: fullResources,
    });
    expect(missing).toEqual([]);
    expect(served.map((k) => k.apiVersion)).toContain('networking.istio.io/v1');
    expect(served.find((k) => k.name === 'pods')?.apiVersion).toBe('v1');
    expect(served.every((k) => k.servedVersion === 'v1')).toBe(true);
  });

  it('falls back to v1beta1 and v1alpha1 on an older Istio', () => {
    const groups = new Map([
      ['apps', ['v1']],
      ['networking.istio.io', ['v1beta1', 'v1alpha3']],
      ['security.istio.io', ['v1beta1']],
      ['telemetry.istio.io', ['v1alpha1']],
    ]);
    const snapshot: DiscoverySnapshot = { core, groups, resources: fullResources };
    const { served, missing } = resolveKinds(WATCHED_KINDS, snapshot);
    const version = (name: string): string | undefined => served.find((k) => k.name === name)?.apiVersion;
    expect(version('virtualservices')).toBe('networking.istio.io/v1beta1');
    expect(version('peerauthentications')).toBe('security.istio.io/v1beta1');
    expect(version('telemetries')).toBe('telemetry.istio.io/v1alpha1');
    expect(missing.map((m) => m.kind.name)).toEqual(['gatewayclasses', 'gateways', 'httproutes']);
    expect(missing[0]?.reason).toBe('API group gateway.networking.k8s.io is not served');
  });

  it('reports a kind whose group/version lacks the resource or could not be read', () => {
    const resources = new Map(fullResources);
    resources.set('telemetry.istio.io/v1', res());
    resources.set('telemetry.istio.io/v1alpha1', 'HTTP 503');
    const { missing } = resolveKinds([watchedKind('telemetries')], { core, groups: fullGroups, resources });
    expect(missing[0]?.reason).toBe(
      'telemetry.istio.io/v1 does not list telemetries; telemetry.istio.io/v1alpha1: HTTP 503',
    );
  });

  it('does not accept a resource that cannot be watched', () => {
    const snapshot = { core: [{ name: 'pods', verbs: ['get'] }], groups: new Map(), resources: new Map() };
    expect(resolveKinds([watchedKind('pods')], snapshot).missing[0]?.reason).toBe(
      'the core API does not list pods',
    );
  });
});

describe('groupVersionsToFetch', () => {
  it('asks only for accepted versions of groups that exist', () => {
    const groups = new Map([
      ['apps', ['v1']],
      ['telemetry.istio.io', ['v1alpha1', 'v2']],
    ]);
    expect(groupVersionsToFetch(WATCHED_KINDS, groups).sort()).toEqual([
      'apps/v1',
      'telemetry.istio.io/v1alpha1',
    ]);
  });
});

describe('missingKindReports', () => {
  it('says a family is not installed when all its kinds are missing, and names partial gaps', () => {
    const missing = ['gatewayclasses', 'gateways', 'httproutes', 'telemetries'].map((name) => ({
      kind: watchedKind(name as 'gateways'),
      reason: 'x',
    }));
    expect(missingKindReports(missing).map((r) => r.message)).toEqual([
      'Gateway API not installed: gatewayclasses, gateways, httproutes',
      'Istio kinds not served: telemetries',
    ]);
    const noClasses = [{ kind: watchedKind('gatewayclasses'), reason: 'x' }];
    expect(missingKindReports(noClasses).map((r) => r.message)).toEqual([
      'Gateway API kinds not served: gatewayclasses',
    ]);
  });
});

describe('resourcePath', () => {
  const served = resolveKinds(WATCHED_KINDS, { core, groups: fullGroups, resources: fullResources }).served;
  const find = (name: string): (typeof served)[number] => served.find((k) => k.name === name)!;
  it('builds core, group and namespaced paths', () => {
    expect(resourcePath(find('pods'))).toBe('/api/v1/pods');
    expect(resourcePath(find('deployments'), 'book info')).toBe(
      '/apis/apps/v1/namespaces/book%20info/deployments',
    );
    expect(resourcePath(find('namespaces'), 'ignored')).toBe('/api/v1/namespaces');
    expect(resourcePath(find('gatewayclasses'), 'ignored')).toBe(
      '/apis/gateway.networking.k8s.io/v1/gatewayclasses',
    );
  });
});

describe('discovery parsers', () => {
  it('parses an APIGroupList and skips subresources in an APIResourceList', () => {
    const groups = parseApiGroupList({
      kind: 'APIGroupList',
      groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }] }],
    });
    expect([...groups]).toEqual([['apps', ['v1']]]);
    const resources = parseApiResourceList({
      resources: [
        { name: 'pods', namespaced: true, kind: 'Pod', verbs: lw },
        { name: 'pods/log', namespaced: true, kind: 'Pod', verbs: ['get'] },
      ],
    });
    expect(resources).toEqual([{ name: 'pods', namespaced: true, kind: 'Pod', verbs: lw }]);
  });

  it('rejects documents that are not discovery documents', () => {
    expect(() => parseApiGroupList('<html>')).toThrow('APIGroupList: expected an object');
    expect(() => parseApiResourceList({ resources: 'nope' })).toThrow('resources is not an array');
    expect(parseApiResourceList({ resources: null })).toEqual([]);
  });
});
