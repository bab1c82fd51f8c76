import { describe, expect, it } from 'vitest';
import {
  containerEnv,
  objectRef,
  objectsOf,
  parseManifests,
  resolvePort,
  secretPlaceholder,
  theObject,
  type ContainerSpec,
} from './manifests';

const stream = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-abc
  namespace: ns
data:
  A: from-config
  B: from-config
---
# a comment only
---
apiVersion: v1
kind: Namespace
metadata:
  name: ns
`;

describe('parseManifests', () => {
  it('reads every object of a YAML stream and skips empty documents', () => {
    const objects = parseManifests(stream);
    expect(objects.map(objectRef)).toEqual(['ConfigMap ns/settings-abc', 'Namespace ns']);
    expect(theObject(objects, 'Namespace').metadata.name).toBe('ns');
    expect(objectsOf(objects, 'Secret')).toEqual([]);
    expect(() => theObject(objects, 'Secret')).toThrow('expected one Secret, found 0');
  });

  it('refuses YAML errors and documents that are not Kubernetes objects, naming the document', () => {
    expect(() => parseManifests('a: [1\n')).toThrow(/^document 1: /);
    expect(() => parseManifests(`${stream}---\nkind: Thing\nmetadata: {name: x}\n`)).toThrow(
      'document 4 is not a Kubernetes object (apiVersion, kind and metadata.name)',
    );
    expect(() => parseManifests('- 1\n- 2\n')).toThrow(/not a Kubernetes object/);
  });
});

describe('containerEnv', () => {
  const objects = parseManifests(stream);
  const container: ContainerSpec = {
    name: 'app',
    ports: [{ name: 'http', containerPort: 3000 }],
    envFrom: [
      { configMapRef: { name: 'settings-abc' } },
      { secretRef: { name: 'credentials', optional: true } },
    ],
    env: [
      { name: 'B', value: 'from-env' },
      { name: 'SESSION_SECRET', valueFrom: { secretKeyRef: { name: 'session', key: 'SESSION_SECRET' } } },
      { name: 'C', valueFrom: { configMapKeyRef: { name: 'settings-abc', key: 'A' } } },
    ],
  };

  it('builds the environment like the kubelet: envFrom in order, then env, which wins', () => {
    expect(containerEnv(container, objects)).toEqual({
      A: 'from-config',
      B: 'from-env',
      C: 'from-config',
      SESSION_SECRET: secretPlaceholder('session', 'SESSION_SECRET'),
    });
  });

  it('takes the given Secrets for secretKeyRef and for an optional envFrom Secret', () => {
    const env = containerEnv(container, objects, {
      session: { SESSION_SECRET: 's'.repeat(32) },
      credentials: { PROMETHEUS_TOKEN: 't', A: 'from-secret' },
    });
    expect(env).toMatchObject({ A: 'from-secret', PROMETHEUS_TOKEN: 't', SESSION_SECRET: 's'.repeat(32) });
  });

  it('fails on a ConfigMap that is not rendered', () => {
    expect(() =>
      containerEnv({ name: 'app', envFrom: [{ configMapRef: { name: 'other' } }] }, objects),
    ).toThrow('container app: no ConfigMap other');
    expect(
      containerEnv({ name: 'app', envFrom: [{ configMapRef: { name: 'other', optional: true } }] }, objects),
    ).toEqual({});
  });

  it('resolves a named port to its number', () => {
    expect(resolvePort(container, 'http')).toBe(3000);
    expect(resolvePort(container, 8080)).toBe(8080);
    expect(resolvePort(container, 'metrics')).toBeUndefined();
  });
});
