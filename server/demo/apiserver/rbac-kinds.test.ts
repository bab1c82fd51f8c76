import { describe, expect, it } from 'vitest';
import { aggregatedDiscovery } from './discovery';
import { groupVersionDocument, openApiIndex } from './openapi';
import { isBuiltIn, resolveResource, type ResourceType } from './resource-table';
import { buildTable } from './table';

function type(name: string): ResourceType {
  const found = resolveResource(name);
  if (!found) throw new Error(name);
  return found;
}

type DiscoveryDoc = {
  items: {
    metadata: { name: string };
    versions: { resources: { resource: string; scope: string; verbs: string[] }[] }[];
  }[];
};

describe('the RBAC and review kinds', () => {
  it('are in aggregated discovery: RBAC kinds with every verb, reviews with create only', () => {
    const doc = aggregatedDiscovery('apis') as DiscoveryDoc;
    const resources = (group: string) =>
      doc.items
        .find((i) => i.metadata.name === group)
        ?.versions[0]?.resources.map((r) => `${r.resource} ${r.scope} ${r.verbs.join(',')}`);
    expect(resources('rbac.authorization.k8s.io')).toEqual([
      'clusterroles Cluster create,delete,deletecollection,get,list,patch,update,watch',
      'clusterrolebindings Cluster create,delete,deletecollection,get,list,patch,update,watch',
      'roles Namespaced create,delete,deletecollection,get,list,patch,update,watch',
      'rolebindings Namespaced create,delete,deletecollection,get,list,patch,update,watch',
    ]);
    expect(resources('authorization.k8s.io')).toEqual([
      'selfsubjectaccessreviews Cluster create',
      'selfsubjectrulesreviews Cluster create',
      'subjectaccessreviews Cluster create',
    ]);
    expect(resources('authentication.k8s.io')).toEqual([
      'selfsubjectreviews Cluster create',
      'tokenreviews Cluster create',
    ]);
  });

  it('are built in (strategic merge patch), and only the stored ones publish OpenAPI PATCH operations', () => {
    expect(isBuiltIn(type('rolebindings'))).toBe(true);
    expect(type('selfsubjectaccessreviews').review).toBe(true);
    expect(type('roles').review).toBe(false);
    expect(
      Object.keys(groupVersionDocument('apis/rbac.authorization.k8s.io/v1')?.['paths'] as object),
    ).toContain('/apis/rbac.authorization.k8s.io/v1/namespaces/{namespace}/rolebindings/{name}');
    expect(groupVersionDocument('apis/authorization.k8s.io/v1')).toBeUndefined();
    expect(Object.keys(openApiIndex()['paths'] as object)).not.toContain('apis/authentication.k8s.io/v1');
  });

  it('print as kubectl get prints them: CREATED AT for roles, ROLE and subjects for bindings', () => {
    const now = new Date('2025-03-01T12:05:00Z');
    const metadata = { name: 'view', creationTimestamp: '2025-03-01T12:00:00Z' };
    const role = buildTable(type('clusterroles'), [{ metadata, rules: [] }], { now, include: 'None' });
    expect(role['columnDefinitions']).toMatchObject([{ name: 'Name' }, { name: 'Created At', type: 'date' }]);
    expect(role['rows']).toEqual([{ cells: ['view', '2025-03-01T12:00:00Z'] }]);
    const binding = buildTable(
      type('rolebindings'),
      [
        {
          metadata: { ...metadata, namespace: 'b' },
          roleRef: { kind: 'ClusterRole', name: 'view' },
          subjects: [
            { kind: 'User', name: 'alice' },
            { kind: 'User', name: 'bob' },
            { kind: 'Group', name: 'team' },
            { kind: 'ServiceAccount', name: 'sa', namespace: 'b' },
          ],
        },
      ],
      { now, include: 'None' },
    );
    expect(binding['rows']).toEqual([
      { cells: ['view', 'ClusterRole/view', '5m', 'alice, bob', 'team', 'b/sa'] },
    ]);
  });
});
