import { describe, expect, it } from 'vitest';
import { WATCHED_KINDS } from '@/lib/kube/kinds';
import { aggregatedDiscovery, apiGroupList, apiResourceList, wantsAggregated } from './discovery';
import { RESOURCE_TYPES, resolveResource } from './resource-table';

describe('resource table', () => {
  it('resolves kubectl names: short names, singulars, kinds and plural.group', () => {
    expect(resolveResource('vs')?.kind).toBe('VirtualService');
    expect(resolveResource('authorizationpolicy')?.plural).toBe('authorizationpolicies');
    expect(resolveResource('gtw')?.group).toBe('gateway.networking.k8s.io');
    expect(resolveResource('gateways')?.group).toBe('gateway.networking.k8s.io');
    expect(resolveResource('gateways.networking.istio.io')?.group).toBe('networking.istio.io');
    expect(resolveResource('ServiceEntry')?.plural).toBe('serviceentries');
    expect(resolveResource('widgets')).toBeUndefined();
  });

  it('serves every kind the dashboard and the world need', () => {
    const keys = RESOURCE_TYPES.map((t) => `${t.plural}.${t.group}`);
    for (const wanted of [
      'pods.',
      'nodes.',
      'events.',
      'replicasets.apps',
      'gatewayclasses.gateway.networking.k8s.io',
      'telemetries.telemetry.istio.io',
      'peerauthentications.security.istio.io',
    ]) {
      expect(keys).toContain(wanted);
    }
  });

  it.each(WATCHED_KINDS.map((k) => [k.name, k] as const))(
    'serves %s, which the dashboard watches, at its first version and scope',
    (_name, kind) => {
      const type = RESOURCE_TYPES.find((t) => t.group === kind.group && t.plural === kind.plural);
      expect(type).toMatchObject({ version: kind.versions[0], kind: kind.kind, namespaced: kind.namespaced });
      expect(type?.verbs).toEqual(expect.arrayContaining(['get', 'list', 'watch']));
    },
  );
});

describe('discovery documents', () => {
  it('lists API groups in table order, Gateway API before Istio networking', () => {
    const groups = (apiGroupList()['groups'] as { name: string }[]).map((g) => g.name);
    expect(groups.indexOf('gateway.networking.k8s.io')).toBeLessThan(groups.indexOf('networking.istio.io'));
    expect(groups).toContain('apps');
  });

  it('describes resources and their status subresources', () => {
    const list = apiResourceList('', 'v1') as {
      resources: { name: string; shortNames?: string[]; namespaced: boolean }[];
    };
    expect(list.resources).toContainEqual(
      expect.objectContaining({ name: 'pods', shortNames: ['po'], namespaced: true }),
    );
    expect(list.resources.map((r) => r.name)).toContain('pods/status');
    expect(apiResourceList('networking.istio.io', 'v1beta1')).toBeUndefined();
  });

  it('answers aggregated discovery v2 with scopes, categories and subresources', () => {
    const doc = aggregatedDiscovery('apis') as {
      items: { metadata: { name: string }; versions: { resources: Record<string, unknown>[] }[] }[];
    };
    const security = doc.items.find((i) => i.metadata.name === 'security.istio.io');
    expect(security?.versions[0]?.resources).toContainEqual(
      expect.objectContaining({
        resource: 'authorizationpolicies',
        scope: 'Namespaced',
        shortNames: ['ap'],
        categories: ['istio-io', 'security-istio-io'],
      }),
    );
  });

  it('recognises the Accept header kubectl 1.32 sends', () => {
    const kubectl =
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    expect(wantsAggregated(kubectl)).toBe(true);
    expect(
      wantsAggregated(
        'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json',
      ),
    ).toBe(false);
    expect(wantsAggregated('application/json')).toBe(false);
  });
});
