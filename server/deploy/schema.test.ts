import { describe, expect, it } from 'vitest';
import type { Manifest } from './manifests';
import { modelClass, schemaErrors, unknownFields } from './schema';

const deployment = (container: Record<string, unknown>, spec: Record<string, unknown> = {}): Manifest => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'web:1', ...container }] },
    },
    ...spec,
  },
});

describe('schemaErrors', () => {
  it('accepts a valid object', () => {
    expect(schemaErrors(deployment({ ports: [{ name: 'http', containerPort: 3000 }] }))).toEqual([]);
  });

  it('names each field of the wrong type', () => {
    expect(schemaErrors(deployment({ ports: [{ containerPort: 'http' }] }, { replicas: '2' }))).toEqual([
      '/spec/replicas: must be integer',
      '/spec/template/spec/containers/0/ports/0/containerPort: must be integer',
    ]);
  });

  it('refuses an apiVersion or kind it has no schema for', () => {
    const object = { apiVersion: 'example.io/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(schemaErrors(object)).toEqual(['no schema for example.io/v1 Widget']);
    expect(schemaErrors({ ...object, apiVersion: 'v1', kind: 'Container' })).toEqual([
      'no schema for v1 Container',
    ]);
    expect(modelClass('policy/v1', 'PodDisruptionBudget')?.kind).toBe('PodDisruptionBudget');
    expect(modelClass('policy/v1beta1', 'PodDisruptionBudget')).toBeUndefined();
  });
});

describe('unknownFields', () => {
  it('finds a misspelt field anywhere, which the schemas let through', () => {
    const typo = deployment({ securityContext: { readOnlyRootFileSystem: true } }, { replica: 2 });
    expect(schemaErrors(typo)).toEqual([]);
    expect(unknownFields(typo)).toEqual([
      'unknown field spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem',
      'unknown field spec.replica',
    ]);
  });

  it('walks maps and lists and knows every field of a sound object', () => {
    const sound = deployment({
      env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
      resources: { limits: { memory: '1Gi' } },
      readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
    });
    expect(unknownFields(sound)).toEqual([]);
    expect(
      unknownFields({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'r', labels: { a: 'b' } },
        rules: [{ apiGroups: [''], resources: ['pods'], verb: ['get'] }],
      }),
    ).toEqual(['unknown field rules[0].verb']);
  });

  it('says so for a kind it has no field list for', () => {
    expect(unknownFields({ apiVersion: 'example.io/v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual([
      'no field list for example.io/v1 Widget',
    ]);
  });
});
