import { describe, expect, it } from 'vitest';
import { SEES_ALL } from '@/lib/auth/visibility';
import type { SourceErrorDTO } from '@/lib/source-error';
import { seeing } from './__fixtures__/visibility';
import type { GraphEdge, GraphNode, GraphResponse } from './types';
import {
  edgeRefusal,
  graphScope,
  namespaceNotFound,
  namespaceOfNodeId,
  namespaceOfPrincipal,
  seesEnds,
  visibleGraph,
} from './visible-graph';

const bookinfoOnly = seeing(['bookinfo'], ['payments', 'istio-system']);
const sa = (ns: string, name: string): string => `spiffe://cluster.local/ns/${ns}/sa/${name}`;

function node(id: string, namespace: string, kind: GraphNode['kind'] = 'workload'): GraphNode {
  return {
    id,
    kind,
    namespace,
    name: id.slice(id.indexOf('/') + 1),
    app: null,
    version: null,
    dataplane: 'ambient',
    waypoint: null,
    health: 'healthy',
    badges: { l7Policy: false, virtualService: false },
    inboundRps: 3,
    outboundRps: 2,
  };
}

function edge(source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge {
  return {
    id: `${source}->${target}|http|L7`,
    source,
    target,
    protocol: 'http',
    layer: 'L7',
    via: null,
    requestsPerSecond: 1,
    errorRate: 0,
    responseCodes: { '200': 1 },
    latencyMs: null,
    bytesPerSecond: null,
    mtls: 1,
    sourcePrincipals: [],
    destinationPrincipals: [],
    health: 'healthy',
    ...extra,
  };
}

const PRODUCTPAGE = 'workload:bookinfo/productpage-v1';
const REVIEWS = 'workload:bookinfo/reviews-v2';
const PAYMENTS = 'workload:payments/api-v1';
const WAYPOINT = 'workload:istio-system/waypoint';
const STRIPE = 'external:api.stripe.com';
const LEDGER = 'external:ledger.payments.svc.cluster.local';
const PROM_ERROR: SourceErrorDTO = { source: 'prometheus', kind: 'timeout', message: 'slow' };
const KIND_ERROR: SourceErrorDTO = { source: 'kubernetes', kind: 'forbidden', message: 'httproutes' };

const graph: GraphResponse = {
  nodes: [
    node(PRODUCTPAGE, 'bookinfo'),
    node(REVIEWS, 'bookinfo'),
    node(PAYMENTS, 'payments'),
    node(WAYPOINT, 'istio-system', 'waypoint'),
    node('unknown', '', 'unknown'),
    node(STRIPE, '', 'external'),
    node(LEDGER, '', 'external'),
    node('external:api.github.com', '', 'external'),
  ],
  edges: [
    edge('unknown', PRODUCTPAGE),
    edge(PRODUCTPAGE, REVIEWS, {
      via: WAYPOINT,
      sourcePrincipals: [sa('bookinfo', 'productpage')],
      destinationPrincipals: [sa('bookinfo', 'reviews'), sa('istio-system', 'waypoint')],
    }),
    edge(PRODUCTPAGE, PAYMENTS),
    edge(PAYMENTS, STRIPE),
    edge(REVIEWS, LEDGER),
    edge('unknown', PAYMENTS),
    edge('unknown', 'external:api.github.com'),
  ],
  errors: [KIND_ERROR, PROM_ERROR],
  meta: {
    namespaces: ['bookinfo', 'istio-system'],
    windowSeconds: 300,
    recentSeconds: null,
    end: '2026-05-01T10:00:00.000Z',
    graphType: 'workload',
    layers: 'both',
    queries: 6,
    durationMs: 12,
  },
};

describe('namespaceOfNodeId', () => {
  it.each([
    [PRODUCTPAGE, 'bookinfo'],
    ['app:bookinfo/reviews', 'bookinfo'],
    ['service:payments/api', 'payments'],
    [LEDGER, 'payments'],
    [STRIPE, null],
    ['external:reviews.bookinfo', null],
    ['unknown', null],
  ])('%s -> %s', (id, ns) => {
    expect(namespaceOfNodeId(id)).toBe(ns);
  });
});

describe('namespaceOfPrincipal', () => {
  it.each([
    [sa('bookinfo', 'reviews'), 'bookinfo'],
    ['cluster.local/ns/payments/sa/api', 'payments'],
    ['spiffe://cluster.local/ns/payments', null],
    ['reviews', null],
  ])('%s -> %s', (principal, ns) => {
    expect(namespaceOfPrincipal(principal)).toBe(ns);
  });
});

describe('seesEnds', () => {
  it.each([
    [PRODUCTPAGE, REVIEWS, true],
    ['unknown', PRODUCTPAGE, true],
    [REVIEWS, STRIPE, true],
    [PRODUCTPAGE, PAYMENTS, false],
    [REVIEWS, LEDGER, false],
    ['unknown', STRIPE, false],
  ])('%s -> %s: %s', (source, target, shown) => {
    expect(seesEnds(bookinfoOnly, source, target)).toBe(shown);
  });
});

describe('graphScope', () => {
  it.each([
    ['anyone, everything', SEES_ALL, '*' as const, { namespaces: '*', unseen: [] }],
    ['anyone, a list', SEES_ALL, ['payments', 'nope'], { namespaces: ['payments', 'nope'], unseen: [] }],
    [
      'a restricted viewer, everything: the namespaces they see',
      seeing(['legacy', 'bookinfo'], ['payments']),
      '*' as const,
      { namespaces: ['bookinfo', 'legacy'], unseen: [] },
    ],
    [
      'a restricted viewer, a list: hidden and unknown alike unseen',
      bookinfoOnly,
      ['payments', 'bookinfo', 'nope'],
      { namespaces: ['bookinfo'], unseen: ['payments', 'nope'] },
    ],
    ['a viewer who sees nothing', seeing([], ['payments']), '*' as const, { namespaces: [], unseen: [] }],
  ])('%s', (_, visibility, asked, scope) => {
    expect(graphScope(asked, visibility)).toEqual(scope);
  });
});

describe('visibleGraph', () => {
  it('gives a viewer who sees everything the graph itself', () => {
    expect(visibleGraph(graph, SEES_ALL, { asked: graph.meta.namespaces, unseen: [] })).toBe(graph);
  });

  const shown = visibleGraph(graph, bookinfoOnly, { asked: '*', unseen: [] });

  it('drops the nodes of hidden namespaces, and namespace-less nodes no kept edge touches', () => {
    expect(shown.nodes.map((n) => n.id)).toEqual([PRODUCTPAGE, REVIEWS, 'unknown']);
  });

  it('drops every edge with a hidden end, and edges between namespace-less ends', () => {
    expect(shown.edges.map((e) => `${e.source}->${e.target}`)).toEqual([
      `unknown->${PRODUCTPAGE}`,
      `${PRODUCTPAGE}->${REVIEWS}`,
    ]);
  });

  it('drops the identities of hidden namespaces and keeps the path through the waypoint', () => {
    const call = shown.edges[1];
    expect(call?.sourcePrincipals).toEqual([sa('bookinfo', 'productpage')]);
    expect(call?.destinationPrincipals).toEqual([sa('bookinfo', 'reviews')]);
    expect(call?.via).toBe(WAYPOINT);
    expect(shown.edges[0]).toBe(graph.edges[0]);
  });

  it("keeps a kept node's own figures, judged on all of its traffic", () => {
    expect(shown.nodes[0]).toBe(graph.nodes[0]);
  });

  it('reports the namespaces as asked, and names a hidden namespace only in the path through the waypoint', () => {
    expect(shown.meta).toEqual({ ...graph.meta, namespaces: '*' });
    const text = JSON.stringify({ ...shown, meta: null });
    expect(text).not.toContain('payments');
    expect(text.match(/istio-system/g)).toEqual(['istio-system']);
  });

  it('reports unseen namespaces as not found, after the Kubernetes errors, each once', () => {
    const answer = visibleGraph(
      { ...graph, errors: [KIND_ERROR, namespaceNotFound('nope'), PROM_ERROR] },
      bookinfoOnly,
      { asked: ['payments', 'bookinfo', 'nope'], unseen: ['payments', 'nope'] },
    );
    expect(answer.errors).toEqual([
      KIND_ERROR,
      namespaceNotFound('nope'),
      { source: 'kubernetes', kind: 'not_found', message: 'namespace "payments" not found' },
      PROM_ERROR,
    ]);
    expect(answer.meta.namespaces).toEqual(['payments', 'bookinfo', 'nope']);
  });

  it('puts not-found errors last when there is no other error', () => {
    const answer = visibleGraph({ ...graph, errors: [] }, bookinfoOnly, { asked: ['x'], unseen: ['x'] });
    expect(answer.errors).toEqual([namespaceNotFound('x')]);
  });

  it('shows nothing to a viewer who sees no namespace', () => {
    const none = visibleGraph(graph, seeing([], ['bookinfo']), { asked: '*', unseen: [] });
    expect(none.nodes).toEqual([]);
    expect(none.edges).toEqual([]);
  });
});

describe('edgeRefusal', () => {
  it.each([
    ['bookinfo', 'bookinfo', null],
    ['bookinfo', 'payments', 'this edge names a namespace you may not see'],
    ['payments', 'bookinfo', 'this edge names a namespace you may not see'],
    ['nope', 'bookinfo', 'this edge names a namespace you may not see'],
  ])('%s -> %s', (sourceNamespace, destinationNamespace, refusal) => {
    expect(edgeRefusal({ sourceNamespace, destinationNamespace }, bookinfoOnly)).toBe(refusal);
    expect(edgeRefusal({ sourceNamespace, destinationNamespace }, SEES_ALL)).toBeNull();
  });
});
