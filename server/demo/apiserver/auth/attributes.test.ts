import { describe, expect, it } from 'vitest';
import { parseRoute } from '../routes';
import { requestAttributes } from './attributes';

const attrs = (method: string, path: string) => requestAttributes(method, new URL(path, 'https://127.0.0.1'));

/** `verb group/resource/subresource ns/name` for compact tables. */
function brief(method: string, path: string): string {
  const a = attrs(method, path);
  if (!a.resourceRequest) return `${a.verb} path ${a.path}`;
  const resource = [a.apiGroup, a.resource, a.subresource].join('/');
  return `${a.verb} ${resource} ${a.namespace}/${a.name}`;
}

describe('requestAttributes', () => {
  it.each([
    ['GET', '/api/v1/namespaces/bookinfo/pods', 'list /pods/ bookinfo/'],
    ['GET', '/api/v1/pods', 'list /pods/ /'],
    ['GET', '/api/v1/namespaces/bookinfo/pods/p-1', 'get /pods/ bookinfo/p-1'],
    ['HEAD', '/api/v1/namespaces/bookinfo/pods/p-1', 'get /pods/ bookinfo/p-1'],
    ['GET', '/api/v1/namespaces/bookinfo/pods?watch=true', 'watch /pods/ bookinfo/'],
    ['GET', '/api/v1/namespaces/bookinfo/pods?watch=1', 'watch /pods/ bookinfo/'],
    ['GET', '/api/v1/namespaces/bookinfo/pods?watch=false', 'list /pods/ bookinfo/'],
    ['GET', '/api/v1/watch/namespaces/bookinfo/pods', 'watch /pods/ bookinfo/'],
    ['GET', '/api/v1/watch/namespaces/bookinfo/pods/p-1', 'watch /pods/ bookinfo/p-1'],
    ['GET', '/api/v1/watch/pods', 'watch /pods/ /'],
    ['POST', '/api/v1/namespaces/bookinfo/pods', 'create /pods/ bookinfo/'],
    ['PUT', '/api/v1/namespaces/bookinfo/pods/p-1/status', 'update /pods/status bookinfo/p-1'],
    [
      'PATCH',
      '/apis/apps/v1/namespaces/bookinfo/deployments/web/scale',
      'patch apps/deployments/scale bookinfo/web',
    ],
    ['DELETE', '/api/v1/namespaces/bookinfo/pods/p-1', 'delete /pods/ bookinfo/p-1'],
    ['DELETE', '/api/v1/namespaces/bookinfo/pods', 'deletecollection /pods/ bookinfo/'],
    ['OPTIONS', '/api/v1/namespaces/bookinfo/pods', ' /pods/ bookinfo/'],
    [
      'PUT',
      '/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices/reviews',
      'update networking.istio.io/virtualservices/ bookinfo/reviews',
    ],
    [
      'GET',
      '/apis/rbac.authorization.k8s.io/v1/clusterroles',
      'list rbac.authorization.k8s.io/clusterroles/ /',
    ],
    [
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      'create authorization.k8s.io/selfsubjectaccessreviews/ /',
    ],
  ])('%s %s is %s', (method, path, expected) => {
    expect(brief(method, path)).toBe(expected);
  });

  it("gives a Namespace object its own name as namespace, and reads namespace subresources as the Namespace's", () => {
    expect(brief('GET', '/api/v1/namespaces')).toBe('list /namespaces/ /');
    expect(brief('GET', '/api/v1/namespaces/bookinfo')).toBe('get /namespaces/ bookinfo/bookinfo');
    expect(brief('PUT', '/api/v1/namespaces/bookinfo/status')).toBe(
      'update /namespaces/status bookinfo/bookinfo',
    );
    expect(brief('PUT', '/api/v1/namespaces/bookinfo/finalize')).toBe(
      'update /namespaces/finalize bookinfo/bookinfo',
    );
    expect(brief('DELETE', '/api/v1/namespaces/bookinfo')).toBe('delete /namespaces/ bookinfo/bookinfo');
  });

  it('pins a list or watch to the name a metadata.name field selector requires', () => {
    const pinned = (query: string) => brief('GET', `/api/v1/namespaces/b/pods?${query}`);
    expect(pinned('fieldSelector=metadata.name%3Dp-1')).toBe('list /pods/ b/p-1');
    expect(pinned('watch=true&fieldSelector=status.phase%3DRunning,metadata.name%3D%3Dp-1')).toBe(
      'watch /pods/ b/p-1',
    );
    expect(pinned('fieldSelector=metadata.name!%3Dp-1')).toBe('list /pods/ b/');
    expect(pinned('fieldSelector=metadata.name%3Da%2Fb')).toBe('list /pods/ b/');
    expect(pinned('fieldSelector=%3D%3D%3D')).toBe('list /pods/ b/');
    // The /watch/ prefix already made it a watch: kube does not read the selector then.
    expect(brief('GET', '/api/v1/watch/namespaces/b/pods?fieldSelector=metadata.name%3Dp-1')).toBe(
      'watch /pods/ b/',
    );
  });

  it('makes everything shorter than a resource path a non-resource request on its path', () => {
    expect(brief('GET', '/api')).toBe('get path /api');
    expect(brief('GET', '/api/v1')).toBe('get path /api/v1');
    expect(brief('GET', '/apis/networking.istio.io/v1')).toBe('get path /apis/networking.istio.io/v1');
    expect(brief('GET', '/openapi/v3/apis/apps/v1')).toBe('get path /openapi/v3/apis/apps/v1');
    expect(brief('POST', '/healthz')).toBe('post path /healthz');
    expect(brief('GET', '/metrics/a/b')).toBe('get path /metrics/a/b');
  });

  it('reads the path as routing does, so what is authorized is what is served', () => {
    for (const path of [
      '/api/v1/namespaces/bookinfo/pods',
      '/api/v1//namespaces/bookinfo//pods/p-1/',
      '/api/v1/namespaces//pods',
      '/api/v1/namespaces/bookinfo/status',
      '/api/v1/watch/namespaces/x/pods/p',
      '/apis/gateway.networking.k8s.io/v1/gatewayclasses/istio',
      '/apis/security.istio.io/v1/namespaces/a%2Fb/authorizationpolicies',
    ]) {
      const route = parseRoute(path);
      const a = attrs('GET', path);
      if (route.kind !== 'resource' || !a.resourceRequest) throw new Error(`${path} is not a resource route`);
      const namespace = route.type.plural === 'namespaces' ? (route.name ?? '') : (route.namespace ?? '');
      expect(a, path).toMatchObject({
        apiGroup: route.type.group,
        resource: route.type.plural,
        subresource: route.subresource ?? '',
        namespace,
        name: route.name ?? '',
      });
    }
  });
});
