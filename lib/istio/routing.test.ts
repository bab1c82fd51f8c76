import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { loadBookinfo, loadKind } from './__fixtures__/load-yaml';
import { routeFor } from './routing';
import type { RouteDecision, RouteRequest, RoutingCatalog } from './routing-types';

const DRS = loadKind('networking-destination-rule-all.yaml', 'DestinationRule');

function catalog(
  virtualServices: KubeObject[],
  httpRoutes: KubeObject[] = [],
  destinationRules = DRS,
): RoutingCatalog {
  return { virtualServices, httpRoutes, destinationRules };
}
function req(name: string, extra: Partial<RouteRequest> = {}): RouteRequest {
  return {
    service: { namespace: 'bookinfo', name },
    port: 9080,
    method: 'GET',
    path: '/',
    headers: {},
    source: null,
    ...extra,
  };
}
/** `service[/subset]=share` for each destination, for compact expectations. */
function split(decision: RouteDecision): Record<string, number> {
  return Object.fromEntries(
    decision.destinations.map((d) => [
      `${d.service.name}${d.subset ? `/${d.subset}` : ''}`,
      Number(d.share.toFixed(3)),
    ]),
  );
}
function vs(
  name: string,
  spec: Record<string, unknown>,
  namespace = 'bookinfo',
  created?: string,
): KubeObject {
  return {
    kind: 'VirtualService',
    metadata: { name, namespace, ...(created ? { creationTimestamp: created } : {}) },
    spec,
  };
}
const toReviews = (subset: string): Record<string, unknown> => ({
  route: [{ destination: { host: 'reviews', subset } }],
});

describe('routeFor with the bookinfo samples', () => {
  it('splits reviews 80/20 between subsets v1 and v2, with their DestinationRule labels', () => {
    const decision = routeFor(
      req('reviews'),
      catalog(loadBookinfo('networking-virtual-service-reviews-80-20.yaml')),
    );
    expect(decision.kind).toBe('virtual-service');
    expect(split(decision)).toEqual({ 'reviews/v1': 0.8, 'reviews/v2': 0.2 });
    expect(decision.destinations[0]?.subsetLabels).toEqual({ version: 'v1' });
  });

  it('aborts 100% of the ratings requests of end-user jason with a 500, and only those', () => {
    const abort = catalog(loadBookinfo('networking-virtual-service-ratings-test-abort.yaml'));
    const jason = routeFor(req('ratings', { headers: { 'end-user': 'jason' } }), abort);
    expect(jason.fault).toEqual({ abort: { httpStatus: 500, share: 1 } });
    expect(split(jason)).toEqual({ 'ratings/v1': 1 });
    const others = routeFor(req('ratings', { headers: { 'end-user': 'alice' } }), abort);
    expect(others.fault).toBeNull();
    expect(others.routeIndex).toBe(1);
  });

  it('sends jason to reviews v2 and everyone else to v1 (reviews-test-v2)', () => {
    const testV2 = catalog(loadBookinfo('networking-virtual-service-reviews-test-v2.yaml'));
    expect(split(routeFor(req('reviews', { headers: { 'end-user': 'jason' } }), testV2))).toEqual({
      'reviews/v2': 1,
    });
    expect(split(routeFor(req('reviews'), testV2))).toEqual({ 'reviews/v1': 1 });
  });

  it('reads the details abort (555 for everyone) from the file that also holds its DestinationRule', () => {
    const objects = loadBookinfo('networking-fault-injection-details-v1.yaml');
    const decision = routeFor(
      req('details'),
      catalog(
        objects.filter((o) => o.kind === 'VirtualService'),
        [],
        objects.filter((o) => o.kind === 'DestinationRule'),
      ),
    );
    expect(decision.fault?.abort).toEqual({ httpStatus: 555, share: 1 });
  });

  it('routes every service to v1 with all-v1, an unweighted single route taking 100%', () => {
    const all = catalog(loadBookinfo('networking-virtual-service-all-v1.yaml'));
    for (const name of ['productpage', 'reviews', 'ratings', 'details']) {
      expect(split(routeFor(req(name), all))).toEqual({ [`${name}/v1`]: 1 });
    }
  });

  it('weights the HTTPRoute 90/10 over the version Services', () => {
    const decision = routeFor(
      req('reviews'),
      catalog([], loadBookinfo('gateway-api-route-reviews-90-10.yaml')),
    );
    expect(decision.kind).toBe('http-route');
    expect(split(decision)).toEqual({ 'reviews-v1': 0.9, 'reviews-v2': 0.1 });
  });

  it('picks the HTTPRoute when both an HTTPRoute and a VirtualService exist for the host', () => {
    const both = catalog(
      loadBookinfo('networking-virtual-service-reviews-80-20.yaml'),
      loadBookinfo('gateway-api-route-reviews-90-10.yaml'),
    );
    expect(routeFor(req('reviews'), both).kind).toBe('http-route');
  });
});

describe('routeFor: hosts and matches', () => {
  const rows: [string, KubeObject[], Partial<RouteRequest>, string, Record<string, number>][] = [
    ['no VirtualService: the Service itself', [], {}, 'default', { reviews: 1 }],
    [
      'a short host in another namespace names another Service',
      [vs('r', { hosts: ['reviews'], http: [toReviews('v2')] }, 'other')],
      {},
      'default',
      { reviews: 1 },
    ],
    [
      'host name.namespace',
      [vs('r', { hosts: ['reviews.bookinfo'], http: [toReviews('v2')] }, 'other')],
      {},
      'virtual-service',
      { 'reviews/v2': 1 },
    ],
    [
      'an FQDN host',
      [vs('r', { hosts: ['reviews.bookinfo.svc.cluster.local'], http: [toReviews('v2')] }, 'other')],
      {},
      'virtual-service',
      { 'reviews/v2': 1 },
    ],
    [
      'a VirtualService bound only to a gateway does not route mesh traffic',
      [vs('r', { hosts: ['reviews'], gateways: ['bookinfo-gateway'], http: [toReviews('v2')] })],
      {},
      'default',
      { reviews: 1 },
    ],
    [
      'uri prefix',
      [
        vs('r', {
          hosts: ['reviews'],
          http: [{ match: [{ uri: { prefix: '/api' } }], ...toReviews('v2') }, toReviews('v1')],
        }),
      ],
      { path: '/api/x?y=1' },
      'virtual-service',
      { 'reviews/v2': 1 },
    ],
    [
      'uri exact ignores the query string',
      [
        vs('r', {
          hosts: ['reviews'],
          http: [{ match: [{ uri: { exact: '/a' } }], ...toReviews('v2') }, toReviews('v1')],
        }),
      ],
      { path: '/a?x=1' },
      'virtual-service',
      { 'reviews/v2': 1 },
    ],
    [
      'uri regex is anchored',
      [
        vs('r', {
          hosts: ['reviews'],
          http: [{ match: [{ uri: { regex: '/r[0-9]' } }], ...toReviews('v2') }, toReviews('v1')],
        }),
      ],
      { path: '/r1/x' },
      'virtual-service',
      { 'reviews/v1': 1 },
    ],
    [
      'header prefix',
      [
        vs('r', {
          hosts: ['reviews'],
          http: [
            { match: [{ headers: { 'end-user': { prefix: 'ja' } } }], ...toReviews('v2') },
            toReviews('v1'),
          ],
        }),
      ],
      { headers: { 'end-user': 'jason' } },
      'virtual-service',
      { 'reviews/v2': 1 },
    ],
    [
      'method and port',
      [
        vs('r', {
          hosts: ['reviews'],
          http: [{ match: [{ method: { exact: 'POST' } }, { port: 9080 }], ...toReviews('v2') }],
        }),
      ],
      {},
      'virtual-service',
      { 'reviews/v2': 1 },
    ],
    [
      'sourceLabels are ignored at a waypoint (source null): the match applies to all',
      [
        vs('r', {
          hosts: ['reviews'],
          http: [{ match: [{ sourceLabels: { app: 'x' } }], ...toReviews('v2') }, toReviews('v1')],
        }),
      ],
      {},
      'virtual-service',
      { 'reviews/v2': 1 },
    ],
    [
      'sourceLabels are honoured at a sidecar',
      [
        vs('r', {
          hosts: ['reviews'],
          http: [{ match: [{ sourceLabels: { app: 'x' } }], ...toReviews('v2') }, toReviews('v1')],
        }),
      ],
      { source: { labels: { app: 'y' }, namespace: 'bookinfo' } },
      'virtual-service',
      { 'reviews/v1': 1 },
    ],
    [
      'no http route matches: 404 no route',
      [vs('r', { hosts: ['reviews'], http: [{ match: [{ uri: { exact: '/only' } }], ...toReviews('v1') }] })],
      {},
      'no-route',
      {},
    ],
    [
      'the oldest of two VirtualServices for a host wins',
      [
        vs('new', { hosts: ['reviews'], http: [toReviews('v3')] }, 'bookinfo', '2025-02-01T00:00:00Z'),
        vs('old', { hosts: ['reviews'], http: [toReviews('v2')] }, 'bookinfo', '2025-01-01T00:00:00Z'),
      ],
      {},
      'virtual-service',
      { 'reviews/v2': 1 },
    ],
  ];
  it.each(rows)('%s', (_name, virtualServices, request, kind, expected) => {
    const decision = routeFor(req('reviews', request), catalog(virtualServices));
    expect(decision.kind).toBe(kind);
    expect(split(decision)).toEqual(expected);
  });

  it('flags a subset no DestinationRule defines', () => {
    const decision = routeFor(
      req('reviews'),
      catalog([vs('r', { hosts: ['reviews'], http: [toReviews('v9')] })]),
    );
    expect(decision.destinations[0]).toMatchObject({ subset: 'v9', missingSubset: true, subsetLabels: null });
  });

  it('reads retries, timeout and delay of the matched route', () => {
    const spec = {
      hosts: ['reviews'],
      http: [
        {
          ...toReviews('v1'),
          retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,gateway-error' },
          timeout: '1.5s',
          fault: { delay: { fixedDelay: '7s', percentage: { value: 10 } } },
        },
      ],
    };
    const decision = routeFor(req('reviews'), catalog([vs('r', spec)]));
    expect(decision.retries).toEqual({
      attempts: 3,
      perTryTimeoutMs: 2000,
      retryOn: ['5xx', 'gateway-error'],
    });
    expect(decision.timeoutMs).toBe(1500);
    expect(decision.fault).toEqual({ delay: { delayMs: 7000, share: 0.1 } });
  });
});

describe('routeFor: HTTPRoute matches', () => {
  const route = (rules: unknown[], created = '2025-01-01T00:00:00Z', name = 'r'): KubeObject => ({
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'bookinfo', creationTimestamp: created },
    spec: { parentRefs: [{ group: '', kind: 'Service', name: 'reviews', port: 9080 }], rules },
  });
  const backend = (name: string): { backendRefs: unknown[] } => ({ backendRefs: [{ name, port: 9080 }] });

  it('prefers an exact path over a prefix, then the longest prefix, whatever the order', () => {
    const routes = [
      route([
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], ...backend('reviews-v1') },
        { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], ...backend('reviews-v2') },
        { matches: [{ path: { type: 'Exact', value: '/api/x' } }], ...backend('reviews-v3') },
      ]),
    ];
    const at = (path: string): Record<string, number> =>
      split(routeFor(req('reviews', { path }), catalog([], routes)));
    expect(at('/api/x')).toEqual({ 'reviews-v3': 1 });
    expect(at('/api/y')).toEqual({ 'reviews-v2': 1 });
    expect(at('/apix')).toEqual({ 'reviews-v1': 1 });
  });

  it('ignores an HTTPRoute attached to another port, and reads the request timeout', () => {
    const other = {
      ...route([backend('reviews-v2')]),
      spec: {
        parentRefs: [{ group: '', kind: 'Service', name: 'reviews', port: 1234 }],
        rules: [backend('reviews-v2')],
      },
    };
    expect(routeFor(req('reviews'), catalog([], [other])).kind).toBe('default');
    const timed = route([{ ...backend('reviews-v2'), timeouts: { request: '500ms' } }]);
    expect(routeFor(req('reviews'), catalog([], [timed])).timeoutMs).toBe(500);
  });
});
