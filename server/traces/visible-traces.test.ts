import { describe, expect, it } from 'vitest';
import { SEES_ALL } from '@/lib/auth/visibility';
import { seeing } from '@/lib/graph/__fixtures__/visibility';
import type { TraceSearchResult } from '@/lib/queries/traces';
import { testSpan, testTrace, TRACE_ID } from '@/lib/traces/__fixtures__/spans';
import type { MatchedSpan, Span, TraceSummary } from '@/lib/traces/types';
import {
  hiddenTraceError,
  matchedSpanNamespace,
  namespaceOfService,
  spanNamespace,
  visibleSearch,
  visibleTrace,
} from './visible-traces';

const viewer = seeing(['bookinfo'], ['payments']);

/** A span of `service`, with Istio's attributes as given. */
function span(
  id: string,
  parent: string | null,
  start: number,
  service: string,
  extra: Partial<Span> = {},
): Span {
  return { ...testSpan(id, parent, start, 10), name: `${service} op`, service, ...extra };
}

describe('where a span belongs', () => {
  it.each([
    [
      'istio.namespace',
      span('a', null, 0, 'x', { attributes: { 'istio.namespace': 'bookinfo' } }),
      'bookinfo',
    ],
    [
      "the proxy's node_id",
      span('a', null, 0, 'x', {
        attributes: { node_id: 'sidecar~10.0.0.1~reviews-v1-abc.payments~payments.svc.cluster.local' },
      }),
      'payments',
    ],
    [
      "the resource's k8s.namespace.name",
      span('a', null, 0, 'x', { resource: { 'k8s.namespace.name': 'payments' } }),
      'payments',
    ],
    ['the service name, Istio style', span('a', null, 0, 'reviews.bookinfo'), 'bookinfo'],
    [
      'the attribute before the service name',
      span('a', null, 0, 'reviews.bookinfo', { attributes: { 'istio.namespace': 'payments' } }),
      'payments',
    ],
    ['nothing', span('a', null, 0, 'frontend'), null],
  ])('%s', (_, s, ns) => {
    expect(spanNamespace(s)).toBe(ns);
  });

  it.each([
    ['reviews.bookinfo', 'bookinfo'],
    ['frontend', null],
    ['trailing.', null],
    ['.leading', null],
  ])('service %s -> %s', (service, ns) => {
    expect(namespaceOfService(service)).toBe(ns);
  });

  it.each([
    [{ service: 'api.payments', attributes: {} }, 'payments'],
    [{ service: 'frontend', attributes: { 'k8s.namespace.name': 'bookinfo' } }, 'bookinfo'],
    [{ service: null, attributes: { 'istio.namespace': 'bookinfo' } }, 'bookinfo'],
    [{ service: null, attributes: {} }, null],
  ])('matched span %j -> %s', (fields, ns) => {
    const matched: MatchedSpan = { spanId: 'a', name: null, startMs: 0, durationMs: 1, ...fields };
    expect(matchedSpanNamespace(matched)).toBe(ns);
  });
});

describe('visibleTrace', () => {
  // productpage.bookinfo -> api.payments (error) -> postgres.payments; productpage -> reviews.bookinfo
  const root = span('r', null, 0, 'productpage.bookinfo');
  const api = span('p', 'r', 1, 'api.payments', {
    status: { code: 'error', message: 'card declined for acct 42' },
    attributes: { 'istio.namespace': 'payments', 'http.url': 'http://api.payments/charge' },
    resource: { 'service.name': 'api.payments' },
    events: [{ name: 'exception', timeUnixNano: '1', timeMs: 0, attributes: {} }],
  });
  const db = span('d', 'p', 2, 'postgres.payments');
  const reviews = span('v', 'r', 3, 'reviews.bookinfo');
  const trace = testTrace([root, api, db, reviews]);

  it('gives a viewer who sees everything the trace itself', () => {
    expect(visibleTrace(trace, SEES_ALL)).toBe(trace);
  });

  it('gives a trace whose spans are all seen unchanged', () => {
    const mine = testTrace([root, reviews]);
    expect(visibleTrace(mine, viewer)).toBe(mine);
  });

  it('hides the spans of hidden namespaces but keeps their place, timing, kind and status code', () => {
    const shown = visibleTrace(trace, viewer);
    expect(shown?.spans.map((s) => [s.spanId, s.parentSpanId, s.service, s.name])).toEqual([
      ['r', null, 'productpage.bookinfo', 'productpage.bookinfo op'],
      ['p', 'r', 'hidden', 'hidden'],
      ['d', 'p', 'hidden', 'hidden'],
      ['v', 'r', 'reviews.bookinfo', 'reviews.bookinfo op'],
    ]);
    expect(shown?.spans[1]).toEqual({
      ...api,
      name: 'hidden',
      service: 'hidden',
      status: { code: 'error' },
      attributes: {},
      resource: {},
      events: [],
    });
    expect(shown?.spans[0]).toBe(root);
    expect(JSON.stringify(shown)).not.toMatch(/payments|declined/);
  });

  it('derives the summary again: the hidden services count as one, errors still count', () => {
    expect(trace).toMatchObject({ serviceCount: 4, errorCount: 1, rootService: 'productpage.bookinfo' });
    expect(visibleTrace(trace, viewer)).toMatchObject({
      serviceCount: 3,
      errorCount: 1,
      rootService: 'productpage.bookinfo',
      startMs: trace.startMs,
      durationMs: trace.durationMs,
      partial: false,
    });
  });

  it('hides the root when its namespace is hidden, and keeps a partial reason', () => {
    const cut = {
      ...testTrace([span('p', null, 0, 'api.payments'), span('v', 'p', 1, 'reviews.bookinfo')]),
      partial: true,
      partialReason: 'too large',
    };
    expect(visibleTrace(cut, viewer)).toMatchObject({
      rootService: 'hidden',
      rootName: 'hidden',
      partial: true,
      partialReason: 'too large',
    });
  });

  it('shows nothing of a trace without a span the viewer sees', () => {
    expect(visibleTrace(testTrace([api, db]), viewer)).toBeNull();
    expect(visibleTrace(testTrace([span('f', null, 0, 'frontend')]), viewer)).toBeNull();
  });

  it("answers such a trace as the source's own not found", () => {
    expect(hiddenTraceError(TRACE_ID)).toEqual({
      source: 'tempo',
      kind: 'not_found',
      message: `tempo trace: no trace ${TRACE_ID}`,
      status: 404,
    });
  });
});

describe('visibleSearch', () => {
  const matched = (spanId: string, service: string | null, attributes = {}): MatchedSpan => ({
    spanId,
    name: service && `${service} op`,
    service,
    startMs: 0,
    durationMs: 1,
    attributes,
  });
  const hit = (traceId: string, rootService: string, spans: MatchedSpan[]): TraceSummary => ({
    traceId,
    rootService,
    rootName: `${rootService} op`,
    startMs: 0,
    durationMs: 5,
    spanSets: [{ matched: spans.length, spans }],
    spanCount: 9,
    errorCount: 1,
  });
  const result: TraceSearchResult = {
    traces: [
      hit('1', 'productpage.bookinfo', [matched('a', 'reviews.bookinfo')]),
      hit('2', 'productpage.bookinfo', [matched('b', 'api.payments', { 'istio.namespace': 'payments' })]),
      hit('3', 'gateway.payments', [matched('c', 'api.payments')]),
      hit('4', 'gateway.payments', [matched('d', null, { 'k8s.namespace.name': 'bookinfo' })]),
      hit('5', '<root span not yet received>', [matched('e', 'reviews.bookinfo')]),
      hit('6', 'frontend', [matched('f', null)]),
    ],
    traceql: '{ status = error }',
    start: '2026-05-01T09:45:00.000Z',
    end: '2026-05-01T10:00:00.000Z',
    limit: 20,
  };

  it('gives a viewer who sees everything the result itself', () => {
    expect(visibleSearch(result, SEES_ALL)).toBe(result);
  });

  const shown = visibleSearch(result, viewer);

  it('keeps the hits whose root or matched spans the viewer sees', () => {
    expect(shown.traces.map((t) => t.traceId)).toEqual(['1', '2', '4', '5']);
    expect(shown.traces[0]).toEqual(result.traces[0]);
    expect({ ...shown, traces: [] }).toEqual({ ...result, traces: [] });
  });

  it('hides the roots and matched spans of hidden namespaces', () => {
    expect(shown.traces[1]?.spanSets[0]?.spans).toEqual([
      { spanId: 'b', name: 'hidden', service: 'hidden', startMs: 0, durationMs: 1, attributes: {} },
    ]);
    expect(shown.traces[2]).toMatchObject({ rootService: 'hidden', rootName: 'hidden', spanCount: 9 });
    expect(shown.traces[3]?.rootService).toBe('<root span not yet received>');
    expect(JSON.stringify(shown)).not.toContain('payments');
  });
});
