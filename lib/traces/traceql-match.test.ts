import { describe, expect, it } from 'vitest';
import { spanMatchesFilter, type SpanFilter } from './filter';
import { buildTraceQL } from './traceql';
import { compileTraceQL } from './traceql-match';
import type { Span } from './types';

let nextId = 0;

function span(overrides: Partial<Span>): Span {
  nextId++;
  return {
    traceId: '100cb753c787ed5657c8d88dafc176ed',
    spanId: nextId.toString(16).padStart(16, '0'),
    parentSpanId: '0000000000000001',
    name: 'reviews.bookinfo.svc.cluster.local:9080/*',
    service: 'reviews.bookinfo',
    kind: 'server',
    startTimeUnixNano: `${1701778055578250 + nextId}000`,
    startMs: 1701778055578.25 + nextId / 1000,
    durationMs: 0.556,
    status: { code: 'unset' },
    attributes: {},
    resource: {},
    events: [],
    ...overrides,
  };
}

/** One request through a waypoint that failed with a 503, as the demo mesh records it. */
const root = span({
  spanId: '0000000000000001',
  parentSpanId: null,
  name: 'productpage.bookinfo.svc.cluster.local:9080/productpage',
  service: 'productpage.bookinfo',
  kind: 'client',
  durationMs: 620.5,
  attributes: {
    'http.status_code': 200,
    'http.url': 'http://productpage.bookinfo.svc.cluster.local:9080/productpage',
    'istio.namespace': 'bookinfo',
    response_flags: '-',
    sampled: true,
  },
});
const waypoint = span({
  service: 'waypoint.bookinfo',
  durationMs: 13.5,
  status: { code: 'error', message: 'upstream request timeout' },
  attributes: {
    'http.status_code': 503,
    'istio.source_workload': 'productpage-v1',
    'istio.destination_workload': 'reviews-v2',
    upstream_cluster: 'inbound-vip|9080|http|reviews.bookinfo.svc.cluster.local',
    response_flags: 'UT',
  },
});
const sidecar = span({
  service: 'reviews.bookinfo',
  durationMs: 1.234,
  attributes: { 'istio.namespace': 'bookinfo', 'http.status_code': 503 },
  resource: { 'k8s.deployment.name': 'reviews-v2', 'service.name': 'reviews.bookinfo', region: 'eu' },
});
const spans = [root, waypoint, sidecar];

/** Which of the spans a query selects, by variable name; null when the trace does not match. */
function matched(query: string, of: readonly Span[] = spans): string[] | null {
  const names = new Map<Span, string>([
    [root, 'root'],
    [waypoint, 'waypoint'],
    [sidecar, 'sidecar'],
  ]);
  return (
    compileTraceQL(query)
      .matchSpans(of)
      ?.map((s) => names.get(s) ?? s.spanId) ?? null
  );
}

describe('compileTraceQL: conditions', () => {
  it.each<[string, string[] | null]>([
    ['{}', ['root', 'waypoint', 'sidecar']],
    ['', ['root', 'waypoint', 'sidecar']],
    ['{ resource.service.name = "waypoint.bookinfo" && status = error }', ['waypoint']],
    ['{ resource.service.name = "reviews" }', null],
    ['{ span.http.status_code >= 500 }', ['waypoint', 'sidecar']],
    ['{ span.http.status_code < 500 }', ['root']],
    // Type mismatch: the attribute is a number, so a string never equals it.
    ['{ span.http.status_code = "503" }', null],
    ['{ span.http.status_code = 503.0 }', ['waypoint', 'sidecar']],
    ['{ duration > 500ms }', ['root']],
    ['{ duration >= 13.5ms && duration <= 0.1s }', ['waypoint']],
    ['{ duration = 1234us }', ['sidecar']],
    ['{ span:duration < 0.001s }', null],
    ['{ status = error }', ['waypoint']],
    ['{ status != error }', ['root', 'sidecar']],
    ['{ status = "error" }', null],
    ['{ statusMessage = "upstream request timeout" }', ['waypoint']],
    ['{ kind = client }', ['root']],
    ['{ span:kind = server }', ['waypoint', 'sidecar']],
    ['{ name = "productpage.bookinfo.svc.cluster.local:9080/productpage" }', ['root']],
    ['{ span:name =~ "productpage.*" }', ['root']],
    // Regular expressions match the whole value.
    ['{ name =~ "productpage" }', null],
    ['{ span.upstream_cluster =~ "inbound-vip\\\\|.*" }', ['waypoint']],
    ['{ span.upstream_cluster !~ "inbound.*" }', null],
    ['{ .response_flags =~ "(?i)ut" }', ['waypoint']],
    ['{ span.http.status_code =~ "5.*" }', null],
    // A missing attribute is only `= nil`; `!=` on it is false.
    ['{ span.istio.source_workload != "productpage-v1" }', null],
    ['{ span.istio.source_workload = nil }', ['root', 'sidecar']],
    ['{ span.istio.source_workload != nil }', ['waypoint']],
    ['{ span.sampled = true }', ['root']],
    ['{ span.sampled }', ['root']],
    ['{ span.sampled != false }', ['root']],
    ['{ !(span.http.status_code = 503) }', ['root']],
    ['{ !span.sampled }', null],
    // Unscoped: the span's attribute, else the resource's.
    ['{ .region = "eu" }', ['sidecar']],
    ['{ span.region = "eu" }', null],
    ['{ resource.k8s.deployment.name = "reviews-v2" }', ['sidecar']],
    ['{ .service.name = "productpage.bookinfo" }', ['root']],
    [
      '{ .istio.namespace = "bookinfo" || span.istio.destination_workload = "reviews-v2" }',
      ['root', 'waypoint', 'sidecar'],
    ],
    ['{ 500 < span.http.status_code }', ['waypoint', 'sidecar']],
    ['{ .http.status_code > -1 && span.http.status_code != 503 }', ['root']],
  ])('%s', (query, expected) => {
    expect(matched(query)).toEqual(expected);
  });

  it('reads trace-level intrinsics from the whole trace', () => {
    expect(matched('{ rootServiceName = "productpage.bookinfo" && status = error }')).toEqual(['waypoint']);
    expect(matched('{ trace:rootName =~ ".*/productpage" && kind = server }')).toEqual([
      'waypoint',
      'sidecar',
    ]);
    expect(matched('{ trace:duration > 600ms && span:parentID = nil }')).toEqual(['root']);
    expect(matched(`{ trace:id = "${root.traceId}" && span:id = "${waypoint.spanId}" }`)).toEqual([
      'waypoint',
    ]);
  });
});

describe('compileTraceQL: span sets', () => {
  it('needs a span for each side of && and returns the spans of both', () => {
    expect(matched('{ status = error } && { kind = client }')).toEqual(['root', 'waypoint']);
    expect(matched('{ status = error } && { .region = "us" }')).toBeNull();
  });

  it('returns the spans of either side of ||, in trace order, once each', () => {
    expect(matched('{ .region = "eu" } || { kind = client }')).toEqual(['root', 'sidecar']);
    expect(matched('{ kind = server } || { status = error }')).toEqual(['waypoint', 'sidecar']);
    expect(matched('{ .region = "us" } || { .nope = 1 }')).toBeNull();
  });

  it('groups span-set operators from the left, as Tempo does, unless parenthesised', () => {
    // ({ no } && { yes }) || { yes }
    expect(matched('{ .region = "us" } && { kind = client } || { status = error }')).toEqual(['waypoint']);
    expect(matched('{ .region = "us" } && ({ kind = client } || { status = error })')).toBeNull();
  });

  it('ignores select when matching', () => {
    expect(matched('{ status = error } | select(span.http.url, resource.region)')).toEqual(['waypoint']);
  });

  it('matches nothing in a trace without spans, and parses once for many traces', () => {
    const matcher = compileTraceQL('{ kind = server }');
    expect(matcher.matchSpans([])).toBeNull();
    expect(matcher.matchSpans([root])).toBeNull();
    expect(matcher.matchSpans([sidecar, root])).toEqual([sidecar]);
  });
});

describe('compileTraceQL agrees with spanMatchesFilter for the queries buildTraceQL writes', () => {
  const hostile = ['x" } || { true', 'a\\b', 'line\nbreak', '\\', '"', 'ta\tb', 'ü "q" \\n'];
  const extra: Span[] = hostile.flatMap((value, i) => [
    span({ service: value, durationMs: 1.5 + i }),
    span({ attributes: { 'istio.source_namespace': value }, status: { code: 'error' }, durationMs: 2000 }),
    span({ resource: { 'k8s.deployment.name': value }, kind: 'client' }),
  ]);
  const all = [
    ...spans,
    ...extra,
    span({ attributes: { 'istio.namespace': 7 } }),
    span({ durationMs: 0.001 }),
  ];
  const filters: SpanFilter[] = [
    {},
    { service: 'reviews.bookinfo' },
    { service: 'waypoint.bookinfo', errorsOnly: true },
    { namespace: 'bookinfo' },
    { namespace: '7' },
    { workload: 'reviews-v2' },
    { workload: 'productpage-v1', minDurationMs: 13.5 },
    { errorsOnly: true },
    { errorsOnly: false, service: '' },
    { minDurationMs: 1.234 },
    { maxDurationMs: 1.234 },
    { minDurationMs: 0.001, maxDurationMs: 13.5 },
    { minDurationMs: 500, maxDurationMs: 2000 },
    { minDurationMs: 0 },
    ...hostile.flatMap((value): SpanFilter[] => [
      { service: value },
      { namespace: value },
      { workload: value },
      { service: value, namespace: value, workload: value, errorsOnly: true },
      { namespace: value, errorsOnly: true, maxDurationMs: 2000 },
    ]),
  ];

  it.each(filters.map((filter) => [JSON.stringify(filter), filter] as const))('%s', (_, filter) => {
    const query = buildTraceQL(filter);
    const matcher = compileTraceQL(query);
    const expected = all.filter((s) => spanMatchesFilter(s, filter));
    expect(matcher.matchSpans(all)).toEqual(expected.length === 0 ? null : expected);
    for (const one of all) {
      expect(matcher.matchSpans([one]) !== null, `${query} on ${JSON.stringify(one)}`).toBe(
        spanMatchesFilter(one, filter),
      );
    }
  });

  it('finds the spans that carry a hostile value and no others: the value cannot add a condition', () => {
    for (const value of hostile) {
      const hits = compileTraceQL(buildTraceQL({ service: value })).matchSpans(all);
      expect(hits).toHaveLength(1);
      expect(hits?.[0]?.service).toBe(value);
    }
  });
});
