import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import type { KubeObject } from '@/lib/kube/object';
import { virtualServiceImpact, type RoutingImpactContext } from './virtual-service-impact';

// Modelled on Istio's bookinfo samples: destination-rule-all, virtual-service-reviews-80-20 and
// virtual-service-ratings-test-abort, over reviews v1/v2/v3 called evenly by productpage.

const obj = (kind: string, namespace: string, name: string, spec: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'networking.istio.io/v1', kind, metadata: { namespace, name }, spec }) as KubeObject;

const node = (name: string, app: string, version: string): GraphNode => ({
  id: `workload:bookinfo/${name}`,
  kind: 'workload',
  namespace: 'bookinfo',
  name,
  app,
  version,
  dataplane: 'ambient',
  waypoint: { name: 'waypoint', namespace: 'bookinfo' },
  health: 'healthy',
  badges: { l7Policy: false, virtualService: false },
  inboundRps: 0,
  outboundRps: 0,
});

const nodes = [
  node('productpage-v1', 'productpage', 'v1'),
  node('reviews-v1', 'reviews', 'v1'),
  node('reviews-v2', 'reviews', 'v2'),
  node('reviews-v3', 'reviews', 'v3'),
  node('ratings-v1', 'ratings', 'v1'),
];

const edge = (source: string, target: string, rps: number): GraphEdge => ({
  id: `workload:bookinfo/${source}->workload:bookinfo/${target}|http|L7`,
  source: `workload:bookinfo/${source}`,
  target: `workload:bookinfo/${target}`,
  protocol: 'http',
  layer: 'L7',
  via: 'workload:bookinfo/waypoint',
  requestsPerSecond: rps,
  errorRate: 0,
  responseCodes: {},
  latencyMs: null,
  bytesPerSecond: null,
  mtls: 1,
  sourcePrincipals: [],
  destinationPrincipals: [],
  health: 'healthy',
});

const ctx: RoutingImpactContext = {
  edges: [
    edge('productpage-v1', 'reviews-v1', 3),
    edge('productpage-v1', 'reviews-v2', 3),
    edge('productpage-v1', 'reviews-v3', 3),
    edge('reviews-v2', 'ratings-v1', 3),
    edge('reviews-v3', 'ratings-v1', 3),
  ],
  nodes: new Map(nodes.map((n) => [n.id, n])),
  workloadLabels: new Map(nodes.map((n) => [n.id, { app: n.app ?? '', version: n.version ?? '' }])),
  services: ['productpage', 'reviews', 'ratings'].map(
    (app) =>
      ({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { namespace: 'bookinfo', name: app },
        spec: { selector: { app } },
      }) as KubeObject,
  ),
  destinationRules: ['reviews', 'ratings'].map((app) =>
    obj('DestinationRule', 'bookinfo', app, {
      host: app,
      subsets: ['v1', 'v2', 'v3'].map((v) => ({ name: v, labels: { version: v } })),
    }),
  ),
};

describe('virtualServiceImpact', () => {
  it('reviews 80/20: today an even split over three versions, after it 80% v1 and 20% v3, for productpage', () => {
    const vs = obj('VirtualService', 'bookinfo', 'reviews', {
      hosts: ['reviews'],
      http: [
        {
          route: [
            { destination: { host: 'reviews', subset: 'v1' }, weight: 80 },
            { destination: { host: 'reviews', subset: 'v3' }, weight: 20 },
          ],
        },
      ],
    });
    const [impact, ...rest] = virtualServiceImpact(vs, ctx);
    expect(rest).toEqual([]);
    expect(impact?.service).toEqual({ namespace: 'bookinfo', name: 'reviews' });
    expect(impact?.current.map((c) => [c.workload.split('/')[1], +c.share.toFixed(2)])).toEqual([
      ['reviews-v1', 0.33],
      ['reviews-v2', 0.33],
      ['reviews-v3', 0.33],
    ]);
    expect(impact?.expected).toEqual([
      { workload: 'workload:bookinfo/reviews-v1', share: 0.8 },
      { workload: 'workload:bookinfo/reviews-v3', share: 0.2 },
    ]);
    expect(impact?.callers).toEqual([{ source: 'workload:bookinfo/productpage-v1', requestsPerSecond: 9 }]);
    expect(impact?.routes[0]).toMatchObject({ match: 'all requests', fault: null });
    expect(impact?.notes).toEqual([]);
  });

  it('ratings test-abort: jason’s requests are aborted with 500, the rest go to v1; the share of jason is unknown', () => {
    const vs = obj('VirtualService', 'bookinfo', 'ratings', {
      hosts: ['ratings'],
      http: [
        {
          match: [{ headers: { 'end-user': { exact: 'jason' } } }],
          fault: { abort: { percentage: { value: 100 }, httpStatus: 500 } },
          route: [{ destination: { host: 'ratings', subset: 'v1' } }],
        },
        { route: [{ destination: { host: 'ratings', subset: 'v1' } }] },
      ],
    });
    const [impact] = virtualServiceImpact(vs, ctx);
    expect(impact?.routes.map((r) => [r.match, r.fault])).toEqual([
      ['requests with header end-user = jason', 'abort with HTTP 500 for 100%'],
      ['all other requests', null],
    ]);
    expect(impact?.routes[0]?.targets).toEqual([
      { host: 'ratings', subset: 'v1', weight: 100, workloads: ['workload:bookinfo/ratings-v1'] },
    ]);
    expect(impact?.callers.map((c) => c.source)).toEqual([
      'workload:bookinfo/reviews-v2',
      'workload:bookinfo/reviews-v3',
    ]);
    expect(impact?.notes.join(' ')).toContain('metrics do not record headers');
  });

  it('says when a subset is missing from the DestinationRule, and routes nowhere', () => {
    const vs = obj('VirtualService', 'bookinfo', 'reviews', {
      hosts: ['reviews'],
      http: [{ route: [{ destination: { host: 'reviews', subset: 'v9' } }] }],
    });
    const [impact] = virtualServiceImpact(vs, ctx);
    expect(impact?.routes[0]?.targets[0]?.workloads).toEqual([]);
    expect(impact?.expected).toEqual([]);
    expect(impact?.notes[0]).toContain('subset v9 of reviews is not defined');
  });

  it('skips hosts that are no Service of the cluster', () => {
    const vs = obj('VirtualService', 'bookinfo', 'x', { hosts: ['nowhere.example.com'], http: [] });
    expect(virtualServiceImpact(vs, ctx)).toEqual([]);
  });
});
