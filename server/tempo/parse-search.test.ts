import { describe, expect, it } from 'vitest';
import { isSourceError } from '@/lib/source-error';
import { fixture } from './__fixtures__/load';
import { parseSearchResponse } from './parse-search';

describe('parseSearchResponse', () => {
  it('reads the recorded sidecar bookinfo search', () => {
    const [hit, ...rest] = parseSearchResponse(fixture('search-sidecar-bookinfo'));
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({
      traceId: '100cb753c787ed5657c8d88dafc176ed',
      rootService: 'istio-ingressgateway.istio-system',
      rootName: 'productpage.bookinfo.svc.cluster.local:9080/productpage',
      startMs: 1701778055570.888,
      durationMs: 9,
    });
    // `spanSets` wins; the repeated `spanSet` is not counted twice.
    expect(hit?.spanSets).toHaveLength(1);
    const set = hit?.spanSets[0];
    expect(set?.matched).toBe(6);
    expect(set?.spans.map((s) => s.spanId)).toEqual([
      '2e6ca056f5fc6fdc',
      '5d7ab9e039d25ebd',
      '75257c892130096e',
    ]);
    expect(set?.spans[0]).toEqual({
      spanId: '2e6ca056f5fc6fdc',
      name: null,
      service: 'reviews.bookinfo',
      startMs: 1701778055578.25,
      durationMs: 0.556,
      attributes: {
        node_id: 'sidecar~10.244.0.20~reviews-v1-667b5cc65d-4m24g.bookinfo~bookinfo.svc.cluster.local',
        status: 'unset',
        'service.name': 'reviews.bookinfo',
      },
    });
    expect(set?.spans[1]?.service).toBeNull();
    // This Tempo predates serviceStats: the counts are unknown, not zero.
    expect(hit).not.toHaveProperty('spanCount');
    expect(hit).not.toHaveProperty('errorCount');
  });

  it('sums serviceStats into the trace’s span and error counts, omitted zeros included', () => {
    const [hit] = parseSearchResponse(fixture('search-service-stats'));
    expect(hit).toMatchObject({ spanCount: 9, errorCount: 1 });
  });

  it('refuses a serviceStats entry that is not an object', () => {
    const body = { traces: [{ traceID: '1', serviceStats: { a: 3 } }] };
    expect(() => parseSearchResponse(body)).toThrow(/serviceStats entry is not an object/);
  });

  it('reads an older answer that fills only spanSet', () => {
    const [hit] = parseSearchResponse(fixture('search-spanset-only'));
    expect(hit?.spanSets).toHaveLength(1);
    expect(hit?.spanSets[0]?.spans).toHaveLength(3);
    expect(hit?.spanSets[0]?.matched).toBe(6);
  });

  it('reads an omitted durationMs as 0, no span sets as none, and pads a stripped trace ID', () => {
    const [first, second] = parseSearchResponse(fixture('search-no-duration'));
    expect(first?.durationMs).toBe(0);
    expect(first?.spanSets).toHaveLength(1);
    expect(second).toMatchObject({
      traceId: '0000cb753c787ed5657c8d88dafc176e',
      durationMs: 3,
      spanSets: [],
    });
  });

  it('reads an answer without traces as no hits', () => {
    expect(parseSearchResponse({ metrics: { completedJobs: 1 } })).toEqual([]);
  });

  it.each([
    ['an array', []],
    ['traces that are not a list', { traces: {} }],
    ['a hit without a trace ID', { traces: [{ rootServiceName: 'x' }] }],
    ['a matched span without an ID', { traces: [{ traceID: 'ab', spanSets: [{ spans: [{}] }] }] }],
  ])('rejects %s as bad_response', (_label, body) => {
    let thrown: unknown;
    try {
      parseSearchResponse(body);
    } catch (error) {
      thrown = error;
    }
    expect(isSourceError(thrown) && thrown.kind === 'bad_response' && thrown.source === 'tempo').toBe(true);
  });
});
