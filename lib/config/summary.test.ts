import { describe, expect, it } from 'vitest';
import { ParamError } from '@/lib/api/params';
import { thrown } from '@/lib/testing/thrown';
import { bookinfoContext } from './__fixtures__/cluster';
import { REVIEWS_80_20, virtualService, weighted } from './__fixtures__/objects';
import { gitOpsOwnerOf } from './gitops';
import { parseConfigListParams } from './params';
import { summarizeObject } from './summary';

const ctx = bookinfoContext();

describe('summarizeObject', () => {
  it('says a clean object is ok and what it applies to', () => {
    const object = {
      ...REVIEWS_80_20,
      metadata: {
        ...REVIEWS_80_20.metadata,
        resourceVersion: '42',
        creationTimestamp: '2026-05-01T10:00:00Z',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"VirtualService"}',
          team: 'books',
        },
      },
    };
    expect(summarizeObject('VirtualService', object, ctx)).toEqual({
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      namespace: 'bookinfo',
      name: 'reviews',
      resourceVersion: '42',
      created: '2026-05-01T10:00:00Z',
      appliesTo: 'service reviews (host reviews)',
      status: 'ok',
      counts: { error: 0, warning: 0, info: 0 },
      findings: [],
      gitops: null,
      object: { ...object, metadata: { ...object.metadata, annotations: { team: 'books' } } },
    });
  });

  it('counts findings by severity; the worst is the status', () => {
    const summary = summarizeObject(
      'VirtualService',
      virtualService('reviews', 'bookinfo', {
        ...weighted('reviews', [70, 20]),
        hosts: ['reviews', 'reviewz'],
      }),
      ctx,
    );
    expect(summary.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(summary.status).toBe('error');
    expect(summary.findings.map((f) => f.code)).toEqual(['weights-not-100', 'host-unknown']);
  });
});

describe('gitOpsOwnerOf', () => {
  // What counts as evidence is tested with the shared table (lib/kube/gitops.test.ts); here, the config list's shape.
  const meta = (labels: Record<string, string>, annotations: Record<string, string> = {}): object => ({
    metadata: { name: 'x', labels, annotations },
  });
  it('names the tool and the evidence; annotations people write themselves are not evidence alone', () => {
    expect(gitOpsOwnerOf(meta({ 'kustomize.toolkit.fluxcd.io/name': 'apps' }) as never)).toEqual({
      tool: 'flux',
      evidence: 'label kustomize.toolkit.fluxcd.io/name',
    });
    expect(
      gitOpsOwnerOf(meta({}, { 'argocd.argoproj.io/tracking-id': 'shop:/VirtualService:b/x' }) as never),
    ).toEqual({
      tool: 'argo-cd',
      evidence: 'annotation argocd.argoproj.io/tracking-id',
    });
    for (const key of [
      'argocd.argoproj.io/sync-wave',
      'argocd.argoproj.io/sync-options',
      'argocd.argoproj.io/compare-options',
      'kustomize.toolkit.fluxcd.io/reconcile',
    ]) {
      expect(gitOpsOwnerOf(meta({}, { [key]: 'x' }) as never), key).toBeNull();
    }
  });
});

describe('parseConfigListParams', () => {
  const parse = (query: string): ReturnType<typeof parseConfigListParams> =>
    parseConfigListParams(new URLSearchParams(query));
  it('lists every kind of every namespace by default', () => {
    expect(parse('')).toEqual({ namespaces: '*', kinds: null });
  });
  it('takes namespaces and kinds', () => {
    expect(parse('namespaces=bookinfo,payments&kind=VirtualService,DestinationRule')).toEqual({
      namespaces: ['bookinfo', 'payments'],
      kinds: ['VirtualService', 'DestinationRule'],
    });
  });
  it.each([
    ['kind=Ingress', 'kind', /^kind must be a comma-separated list of Gateway, HTTPRoute/],
    ['namespaces=Bad_Name', 'namespaces', /^namespaces must be \*/],
    ['ns=bookinfo', 'ns', /^unknown parameter "ns"$/],
  ])('refuses %s', (query, parameter, message) => {
    const error = thrown(() => parse(query), ParamError);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(message);
  });
});
