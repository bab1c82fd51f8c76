import { describe, expect, it } from 'vitest';
import { spanMatchesFilter } from './filter';
import type { Span } from './types';

function span(overrides: Partial<Span>): Span {
  return {
    traceId: '100cb753c787ed5657c8d88dafc176ed',
    spanId: '2e6ca056f5fc6fdc',
    parentSpanId: null,
    name: 'reviews.bookinfo.svc.cluster.local:9080/*',
    service: 'reviews.bookinfo',
    kind: 'server',
    startTimeUnixNano: '1701778055578250000',
    startMs: 1701778055578.25,
    durationMs: 0.556,
    status: { code: 'unset' },
    attributes: {},
    resource: {},
    events: [],
    ...overrides,
  };
}

describe('spanMatchesFilter', () => {
  it('matches everything with an empty filter or empty strings', () => {
    expect(spanMatchesFilter(span({}), {})).toBe(true);
    expect(spanMatchesFilter(span({}), { service: '', namespace: '', workload: '' })).toBe(true);
  });

  it('compares the service exactly', () => {
    expect(spanMatchesFilter(span({}), { service: 'reviews.bookinfo' })).toBe(true);
    expect(spanMatchesFilter(span({}), { service: 'reviews' })).toBe(false);
  });

  it('finds the namespace on a sidecar span, on either end of a waypoint span, or on the resource', () => {
    const filter = { namespace: 'bookinfo' };
    expect(spanMatchesFilter(span({ attributes: { 'istio.namespace': 'bookinfo' } }), filter)).toBe(true);
    expect(
      spanMatchesFilter(span({ attributes: { 'istio.destination_namespace': 'bookinfo' } }), filter),
    ).toBe(true);
    expect(spanMatchesFilter(span({ resource: { 'k8s.namespace.name': 'bookinfo' } }), filter)).toBe(true);
    expect(spanMatchesFilter(span({ attributes: { 'istio.namespace': 'default' } }), filter)).toBe(false);
    // The attribute must be on the scope the table names: a span attribute `k8s.namespace.name` does not count.
    expect(spanMatchesFilter(span({ attributes: { 'k8s.namespace.name': 'bookinfo' } }), filter)).toBe(false);
  });

  it('finds the workload on ambient waypoint spans', () => {
    const waypoint = span({ attributes: { 'istio.source_workload': 'productpage-v1' } });
    expect(spanMatchesFilter(waypoint, { workload: 'productpage-v1' })).toBe(true);
    expect(spanMatchesFilter(waypoint, { workload: 'reviews-v1' })).toBe(false);
  });

  it('keeps only errors when asked', () => {
    expect(spanMatchesFilter(span({ status: { code: 'error' } }), { errorsOnly: true })).toBe(true);
    expect(spanMatchesFilter(span({ status: { code: 'ok' } }), { errorsOnly: true })).toBe(false);
  });

  it('treats both duration bounds as inclusive', () => {
    const slow = span({ durationMs: 500 });
    expect(spanMatchesFilter(slow, { minDurationMs: 500, maxDurationMs: 500 })).toBe(true);
    expect(spanMatchesFilter(slow, { minDurationMs: 500.001 })).toBe(false);
    expect(spanMatchesFilter(slow, { maxDurationMs: 499.999 })).toBe(false);
  });

  it('requires every condition on the same span', () => {
    const filter = { service: 'reviews.bookinfo', errorsOnly: true };
    expect(spanMatchesFilter(span({ status: { code: 'error' } }), filter)).toBe(true);
    expect(spanMatchesFilter(span({ service: 'ratings.bookinfo', status: { code: 'error' } }), filter)).toBe(
      false,
    );
  });
});
