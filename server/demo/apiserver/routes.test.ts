import { describe, expect, it } from 'vitest';
import { parseRoute } from './routes';

function describeRoute(path: string): string {
  const route = parseRoute(path);
  if (route.kind !== 'resource') return route.kind;
  return [
    route.type.kind,
    route.namespace ?? '*',
    route.name ?? '',
    route.subresource ?? '',
    route.watchPath ? 'watch' : '',
  ].join('|');
}

describe('parseRoute', () => {
  it('routes discovery paths', () => {
    expect(describeRoute('/version')).toBe('version');
    expect(describeRoute('/api')).toBe('legacyRoot');
    expect(describeRoute('/apis/')).toBe('groupsRoot');
    expect(parseRoute('/apis/networking.istio.io')).toEqual({ kind: 'group', group: 'networking.istio.io' });
    expect(parseRoute('/api/v1')).toEqual({ kind: 'groupVersion', group: '', version: 'v1' });
    expect(describeRoute('/openapi/v3/apis/apps/v1')).toBe('openapi');
  });

  it('routes namespaced, cluster-wide and cluster-scoped resource paths', () => {
    expect(describeRoute('/api/v1/namespaces/bookinfo/pods')).toBe('Pod|bookinfo|||');
    expect(describeRoute('/api/v1/pods')).toBe('Pod|*|||');
    expect(describeRoute('/api/v1/namespaces/bookinfo')).toBe('Namespace|*|bookinfo||');
    expect(describeRoute('/api/v1/namespaces')).toBe('Namespace|*|||');
    expect(describeRoute('/api/v1/namespaces/bookinfo/pods/p-1/status')).toBe('Pod|bookinfo|p-1|status|');
    expect(describeRoute('/apis/security.istio.io/v1/namespaces/x/authorizationpolicies/deny')).toBe(
      'AuthorizationPolicy|x|deny||',
    );
    expect(describeRoute('/apis/gateway.networking.k8s.io/v1/gatewayclasses/istio')).toBe(
      'GatewayClass|*|istio||',
    );
    expect(describeRoute('/api/v1/watch/namespaces/x/pods')).toBe('Pod|x|||watch');
  });

  it('marks unknown kinds, versions and subresources as unknown', () => {
    expect(describeRoute('/api/v1/namespaces/x/widgets')).toBe('unknown');
    expect(describeRoute('/apis/networking.istio.io/v1alpha3/virtualservices')).toBe('unknown');
    expect(describeRoute('/api/v1/namespaces/x/pods/p/log')).toBe('unknown');
    expect(describeRoute('/api/v1/namespaces/x/configmaps/c/status')).toBe('unknown');
    expect(describeRoute('/api/v2/pods')).toBe('unknown');
    expect(describeRoute('/healthz')).toBe('health');
    expect(describeRoute('/metrics')).toBe('unknown');
  });
});
