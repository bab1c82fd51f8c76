import { describe, expect, it } from 'vitest';
import { type Attributes, type ResourceAttributes } from './attributes';
import { forbidden } from './forbidden';

const on = (more: Partial<ResourceAttributes>): Attributes => ({
  resourceRequest: true,
  verb: 'list',
  apiGroup: '',
  resource: 'pods',
  subresource: '',
  namespace: '',
  name: '',
  ...more,
});

describe('forbidden', () => {
  it.each<[string, Attributes, string]>([
    [
      'a namespaced list',
      on({ namespace: 'bookinfo' }),
      'pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "bookinfo"',
    ],
    [
      'a cluster-scoped list',
      on({ resource: 'namespaces' }),
      'namespaces is forbidden: User "bob" cannot list resource "namespaces" in API group "" at the cluster scope',
    ],
    [
      'a named object of a group',
      on({
        verb: 'update',
        apiGroup: 'networking.istio.io',
        resource: 'virtualservices',
        namespace: 'bookinfo',
        name: 'reviews',
      }),
      'virtualservices.networking.istio.io "reviews" is forbidden: User "bob" cannot update resource ' +
        '"virtualservices" in API group "networking.istio.io" in the namespace "bookinfo"',
    ],
    [
      'a subresource',
      on({
        verb: 'patch',
        apiGroup: 'apps',
        resource: 'deployments',
        subresource: 'scale',
        namespace: 'b',
        name: 'web',
      }),
      'deployments.apps "web" is forbidden: User "bob" cannot patch resource "deployments/scale" in API group "apps" ' +
        'in the namespace "b"',
    ],
    [
      'an impersonation',
      on({ verb: 'impersonate', resource: 'users', name: 'alice' }),
      'users "alice" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope',
    ],
    [
      'a path',
      { resourceRequest: false, verb: 'get', path: '/apis' },
      'forbidden: User "bob" cannot get path "/apis"',
    ],
  ])('words %s as kube does', (_what, attributes, message) => {
    const error = forbidden('bob', attributes);
    expect(error.status).toMatchObject({ code: 403, reason: 'Forbidden', message });
  });

  it('names the resource and group in details, and appends a reason', () => {
    const error = forbidden(
      'bob',
      on({
        verb: 'get',
        apiGroup: 'apps',
        resource: 'deployments',
        subresource: 'scale',
        namespace: 'b',
        name: 'w',
      }),
      'RBAC: role.rbac.authorization.k8s.io "x" not found',
    );
    expect(error.status.details).toEqual({ name: 'w', group: 'apps', kind: 'deployments' });
    expect(error.message).toMatch(
      /in the namespace "b": RBAC: role\.rbac\.authorization\.k8s\.io "x" not found$/,
    );
    expect(forbidden('bob', on({ namespace: 'x' })).status.details).toEqual({ group: '', kind: 'pods' });
  });
});
