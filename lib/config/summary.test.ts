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
  const meta = (labels: Record<string, string>, annotations: Record<string, string> = {}): object => ({
    metadata: { name: 'x', labels, annotations },
  });
  it.each([
    [
      'Argo CD annotation tracking',
      meta({}, { 'argocd.argoproj.io/tracking-id': 'shop:/VirtualService:b/x' }),
      'argo-cd',
    ],
    ['Flux kustomize labels', meta({ 'kustomize.toolkit.fluxcd.io/name': 'apps' }), 'flux'],
    ['Flux helm labels', meta({ 'helm.toolkit.fluxcd.io/name': 'bookinfo' }), 'flux'],
    ['Helm alone (app.kubernetes.io/instance)', meta({ 'app.kubernetes.io/instance': 'bookinfo' }), null],
  ])('%s', (_name, object, tool) => {
    expect(gitOpsOwnerOf(object as never)?.tool ?? null).toBe(tool);
  });
  it('names the evidence', () => {
    expect(gitOpsOwnerOf(meta({ 'kustomize.toolkit.fluxcd.io/name': 'apps' }) as never)).toEqual({
      tool: 'flux',
      evidence: 'label kustomize.toolkit.fluxcd.io/name',
    });
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
