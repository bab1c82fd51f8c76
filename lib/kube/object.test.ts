import { describe, expect, it } from 'vitest';
import { WATCHED_KINDS, groupVersion, watchedKind } from './kinds';
import {
  annotationOf,
  isKubeObject,
  isNewVersion,
  labelOf,
  normalizeObject,
  objectKey,
  type KubeObject,
} from './object';

const pod: KubeObject = {
  metadata: {
    name: 'reviews-v1-abc',
    namespace: 'bookinfo',
    resourceVersion: '7',
    labels: { app: 'reviews' },
    annotations: { 'ambient.istio.io/redirection': 'enabled' },
  },
};

describe('kube object helpers', () => {
  it('keys namespaced and cluster-scoped objects', () => {
    expect(objectKey(pod)).toBe('bookinfo/reviews-v1-abc');
    expect(objectKey({ metadata: { name: 'bookinfo' } })).toBe('bookinfo');
  });

  it('reads labels and annotations', () => {
    expect(labelOf(pod, 'app')).toBe('reviews');
    expect(labelOf(pod, 'version')).toBeUndefined();
    expect(annotationOf(pod, 'ambient.istio.io/redirection')).toBe('enabled');
  });

  it('recognises objects by metadata.name', () => {
    expect(isKubeObject(pod)).toBe(true);
    expect(isKubeObject({ metadata: { name: '' } })).toBe(false);
    expect(isKubeObject({ metadata: null })).toBe(false);
    expect(isKubeObject('pod')).toBe(false);
  });

  it('compares resource versions by equality only', () => {
    expect(isNewVersion(pod, { metadata: { ...pod.metadata } })).toBe(false);
    expect(isNewVersion(pod, { metadata: { ...pod.metadata, resourceVersion: '10' } })).toBe(true);
    expect(isNewVersion({ metadata: { name: 'x' } }, { metadata: { name: 'x' } })).toBe(true);
  });

  it('drops managedFields and fills apiVersion/kind that list items lack', () => {
    const raw = { metadata: { ...pod.metadata, managedFields: [{ manager: 'kubectl' }] } } as KubeObject;
    const stored = normalizeObject(raw, 'v1', 'Pod');
    expect(stored).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: pod.metadata });
    expect(normalizeObject({ ...pod, kind: 'Other' }, 'v1', 'Pod').kind).toBe('Other');
  });
});

describe('watched kinds table', () => {
  it('has unique names and prefers v1 everywhere', () => {
    expect(new Set(WATCHED_KINDS.map((k) => k.name)).size).toBe(WATCHED_KINDS.length);
    expect(WATCHED_KINDS.every((k) => k.versions[0] === 'v1')).toBe(true);
    expect(watchedKind('telemetries').versions).toContain('v1alpha1');
    expect(() => watchedKind('nope' as 'pods')).toThrow('unknown watched kind');
  });

  it('spells group versions like the API server', () => {
    expect(groupVersion('', 'v1')).toBe('v1');
    expect(groupVersion('apps', 'v1')).toBe('apps/v1');
  });
});
