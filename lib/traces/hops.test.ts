import { describe, expect, it } from 'vitest';
import { GW, PP, showEnd as end } from './__fixtures__/show';
import { T0, TRACE_ID } from './__fixtures__/spans';
import { assembleTrace } from './assemble';
import { traceCalls, type TraceCall } from './hops';
import type { Attributes, Span, SpanKind } from './types';

/** A proxy as spans.ts sees it. */
interface Proxy {
  namespace: string;
  workload: string;
  app: string;
  version: string;
  type: 'sidecar' | 'router' | 'waypoint';
}

const proxy = (namespace: string, app: string, version = 'v1', type: Proxy['type'] = 'sidecar'): Proxy => ({
  namespace,
  workload: app === 'waypoint' || type === 'router' ? app : `${app}-${version}`,
  app,
  version,
  type,
});

const gateway = proxy('istio-system', 'istio-ingressgateway', 'latest', 'router');
const productpageSc = proxy('bookinfo', 'productpage');
const reviewsSc = proxy('bookinfo', 'reviews', 'v2');
const ratingsSc = proxy('bookinfo', 'ratings');
const ordersSc = proxy('legacy', 'orders');
const inventorySc = proxy('legacy', 'inventory');
const bookinfoWaypoint = proxy('bookinfo', 'waypoint', 'latest', 'waypoint');

/** Workloads as `namespace/workload`; a null source is a caller Istio could not identify. */
interface Ends {
  source: string | null;
  destination: string;
}

/**
 * One Envoy span with the attributes spans.ts writes. `ends` (waypoint spans) names the workloads of the call.
 * The spans of a test start 1 ms apart in the order given, so that the waterfall order is the array order.
 */
function envoy(
  id: string,
  parent: string | null,
  by: Proxy,
  kind: SpanKind,
  service: string,
  options: { code?: number; flags?: string; ends?: Ends; cluster?: string } = {},
): Span {
  const [name = '', namespace = ''] = service.split('.');
  const fqdn = `${name}.${namespace}.svc.cluster.local`;
  const code = options.code ?? 200;
  const cluster =
    by.type === 'waypoint'
      ? `inbound-vip|9080|http|${fqdn}`
      : kind === 'client'
        ? `outbound|9080||${fqdn}`
        : 'inbound|9080||';
  const attributes: Attributes = {
    node_id: `${by.type}~10.0.0.1~${by.workload}-5d8f7-abcde.${by.namespace}~${by.namespace}.svc.cluster.local`,
    upstream_cluster: options.cluster ?? cluster,
    response_flags: options.flags ?? '-',
    'istio.namespace': by.namespace,
    'istio.canonical_service': by.app,
    'istio.canonical_revision': by.version,
  };
  if (code > 0) attributes['http.status_code'] = code;
  if (options.ends) {
    const [sourceNamespace = 'unknown', sourceWorkload = 'unknown'] = options.ends.source?.split('/') ?? [];
    const [destinationNamespace = '', destinationWorkload = ''] = options.ends.destination.split('/');
    attributes['istio.source_workload'] = sourceWorkload;
    attributes['istio.source_namespace'] = sourceNamespace;
    attributes['istio.destination_workload'] = destinationWorkload;
    attributes['istio.destination_namespace'] = destinationNamespace;
    attributes['istio.destination_service'] = fqdn;
  }
  const start = T0 + Number.parseInt(id, 16);
  return {
    traceId: TRACE_ID,
    spanId: id.padStart(16, '0'),
    parentSpanId: parent === null ? null : parent.padStart(16, '0'),
    name: `${fqdn}:9080/${name}`,
    service: `${by.app}.${by.namespace}`,
    kind,
    startTimeUnixNano: (BigInt(start) * 1_000_000n).toString(),
    startMs: start,
    durationMs: 100 - Number.parseInt(id, 16),
    status: code >= 500 || code === 0 ? { code: 'error' } : { code: 'unset' },
    attributes,
    resource: { 'service.name': `${by.app}.${by.namespace}` },
    events: [],
  };
}

const withAttributes = (span: Span, extra: Attributes): Span => ({
  ...span,
  attributes: { ...span.attributes, ...extra },
});

/** An application's own span (no node_id). */
const app = (id: string, parent: string): Span => ({
  ...envoy(id, parent, productpageSc, 'internal', 'productpage.bookinfo'),
  attributes: { 'http.method': 'GET' },
});

/** `from -> to`, the waypoint, status, error and the span ids (short) of a call. */
const show = (calls: readonly TraceCall[]): string[] =>
  calls.map(
    (c) =>
      `${end(c.from)} -> ${end(c.to)}` +
      (c.waypoint ? ` via ${c.waypoint.name ?? '?'}.${c.waypoint.namespace}` : '') +
      ` ${c.statusCode ?? '-'}${c.error ? ' error' : ''} [${c.spanIds.map((s) => s.replace(/^0+/, '')).join(',')}]`,
  );

const calls = (spans: Span[]): string[] =>
  show(traceCalls(assembleTrace(TRACE_ID, spans, { partial: false })));

describe('traceCalls', () => {
  const cases: { name: string; spans: Span[]; calls: string[] }[] = [
    {
      name: 'gateway -> sidecar, then sidecar -> ambient through the waypoint',
      spans: [
        envoy('1', null, gateway, 'client', 'productpage.bookinfo'),
        envoy('2', '1', productpageSc, 'server', 'productpage.bookinfo'),
        envoy('3', '2', productpageSc, 'client', 'reviews.bookinfo'),
        envoy('4', '3', bookinfoWaypoint, 'server', 'reviews.bookinfo', {
          ends: { source: 'bookinfo/productpage-v1', destination: 'bookinfo/reviews-v2' },
        }),
        envoy('5', '4', bookinfoWaypoint, 'client', 'reviews.bookinfo', {
          ends: { source: 'bookinfo/productpage-v1', destination: 'bookinfo/reviews-v2' },
        }),
      ],
      calls: [
        `${GW} -> ${PP} 200 [1,2]`,
        `${PP} -> bookinfo/reviews-v2|-|- via waypoint.bookinfo 200 [3,4,5]`,
      ],
    },
    {
      name: 'sidecar -> sidecar',
      spans: [
        envoy('1', null, ordersSc, 'client', 'inventory.legacy'),
        envoy('2', '1', inventorySc, 'server', 'inventory.legacy'),
      ],
      calls: ['legacy/orders-v1|orders|v1 -> legacy/inventory-v1|inventory|v1 200 [1,2]'],
    },
    {
      name: 'sidecar -> waypoint -> sidecar is one call; the waypoint names the workload, the sidecar app and version',
      spans: [
        envoy('1', null, productpageSc, 'client', 'inventory.legacy'),
        envoy('2', '1', bookinfoWaypoint, 'server', 'inventory.legacy', {
          ends: { source: 'bookinfo/productpage-v1', destination: 'legacy/inventory-v1' },
        }),
        envoy('3', '2', bookinfoWaypoint, 'client', 'inventory.legacy', {
          ends: { source: 'bookinfo/productpage-v1', destination: 'legacy/inventory-v1' },
        }),
        envoy('4', '3', inventorySc, 'server', 'inventory.legacy'),
      ],
      calls: [`${PP} -> legacy/inventory-v1|inventory|v1 via waypoint.bookinfo 200 [1,2,3,4]`],
    },
    {
      name: 'fault abort at the waypoint, under the gateway’s call to an ambient productpage: the hosts differ',
      spans: [
        envoy('1', null, gateway, 'client', 'productpage.bookinfo'),
        envoy('2', '1', bookinfoWaypoint, 'server', 'reviews.bookinfo', {
          code: 503,
          flags: 'FI',
          ends: { source: 'bookinfo/productpage-v1', destination: 'bookinfo/reviews-v2' },
        }),
      ],
      calls: [
        `${GW} -> bookinfo/-|productpage|- 200 [1]`,
        'bookinfo/productpage-v1|productpage|- -> bookinfo/reviews-v2|-|- via waypoint.bookinfo 503 error [2]',
      ],
    },
    {
      name: 'refused by an L7 policy at the waypoint: a 403 is not an error and nothing is traced beyond',
      spans: [
        envoy('1', null, bookinfoWaypoint, 'server', 'inventory.legacy', {
          code: 403,
          ends: { source: 'bookinfo/productpage-v1', destination: 'legacy/inventory-v1' },
        }),
      ],
      calls: [`bookinfo/productpage-v1|-|- -> legacy/inventory-v1|-|- via waypoint.bookinfo 403 [1]`],
    },
    {
      name: 'fault abort at the client sidecar: the callee comes from the upstream cluster’s host',
      spans: [envoy('1', null, productpageSc, 'client', 'reviews.bookinfo', { code: 503, flags: 'FI' })],
      calls: [`${PP} -> bookinfo/-|reviews|- 503 error [1]`],
    },
    {
      name: 'a caller outside the mesh: a root server span, or a waypoint that says `unknown`',
      spans: [
        envoy('1', null, inventorySc, 'server', 'inventory.legacy'),
        envoy('2', null, bookinfoWaypoint, 'server', 'reviews.bookinfo', {
          ends: { source: null, destination: 'bookinfo/reviews-v2' },
        }),
        envoy('3', '2', bookinfoWaypoint, 'client', 'reviews.bookinfo', {
          ends: { source: null, destination: 'bookinfo/reviews-v2' },
        }),
      ],
      calls: [
        'outside -> legacy/inventory-v1|inventory|v1 200 [1]',
        'outside -> bookinfo/reviews-v2|-|- via waypoint.bookinfo 200 [2,3]',
      ],
    },
    {
      name: 'an untraced ambient workload in the middle: its callee’s span hangs under the call to it',
      spans: [
        envoy('1', null, productpageSc, 'server', 'productpage.bookinfo'),
        envoy('2', '1', productpageSc, 'client', 'reviews.bookinfo'),
        envoy('3', '2', ratingsSc, 'server', 'ratings.bookinfo'),
      ],
      calls: [
        `outside -> ${PP} 200 [1]`,
        `${PP} -> bookinfo/-|reviews|- 200 [2]`,
        'bookinfo/-|reviews|- -> bookinfo/ratings-v1|ratings|v1 200 [3]',
      ],
    },
    {
      name: 'a server span under a server span (through the app’s own span): the app forwarded, a new call',
      spans: [
        envoy('1', null, productpageSc, 'server', 'productpage.bookinfo'),
        app('2', '1'),
        envoy('3', '2', reviewsSc, 'server', 'reviews.bookinfo'),
        envoy('4', '3', reviewsSc, 'client', 'ratings.bookinfo', { code: 0, flags: 'UF' }),
        envoy('5', '1', productpageSc, 'client', 'details.bookinfo', { code: 404 }),
      ],
      calls: [
        `outside -> ${PP} 200 [1]`,
        `${PP} -> bookinfo/reviews-v2|reviews|v2 200 [3]`,
        'bookinfo/reviews-v2|reviews|v2 -> bookinfo/-|ratings|- - error [4]',
        `${PP} -> bookinfo/-|details|- 404 [5]`,
      ],
    },
    {
      name: 'a waypoint that does not name the workload: the callee comes from the service host',
      spans: [
        withAttributes(envoy('1', null, bookinfoWaypoint, 'server', 'reviews.bookinfo', { code: 403 }), {
          'istio.destination_service': 'reviews.bookinfo.svc.cluster.local',
        }),
      ],
      calls: ['outside -> bookinfo/-|reviews|- via waypoint.bookinfo 403 [1]'],
    },
    {
      name: 'a call to an unknown host (PassthroughCluster) cannot be drawn and is left out',
      spans: [envoy('1', null, productpageSc, 'client', 'x.y', { cluster: 'PassthroughCluster' })],
      calls: [],
    },
  ];

  it.each(cases)('$name', ({ spans, calls: expected }) => {
    expect(calls(spans)).toEqual(expected);
  });

  it('groups 10,000 spans: a root call, then 5,000 client -> server calls', () => {
    const spans = [envoy('1', null, productpageSc, 'server', 'productpage.bookinfo')];
    for (let i = 2; i <= 10_000; i++) {
      spans.push(
        envoy(
          i.toString(16),
          (i - 1).toString(16),
          i % 2 ? reviewsSc : productpageSc,
          i % 2 ? 'server' : 'client',
          'reviews.bookinfo',
        ),
      );
    }
    const t = assembleTrace(TRACE_ID, spans, { partial: false });
    expect(traceCalls(t)).toHaveLength(5_001);
  });
});
