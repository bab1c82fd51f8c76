import { describe, expect, it } from 'vitest';
import { traceCalls } from '@/lib/traces/hops';
import { appNodeId } from './ids';
import { bookinfoTrace, edge, legacyTrace, NODES } from '@/server/demo/telemetry/__fixtures__/traced-mesh';
import { nodeFor, tracePath } from './trace-path';
import type { GraphResponse } from './types';
import { buildView } from './view';

const meta: GraphResponse['meta'] = {
  namespaces: '*',
  windowSeconds: 300,
  end: '2026-11-21T12:00:00Z',
  graphType: 'workload',
  layers: 'both',
  queries: 7,
  durationMs: 1,
};

const gatewayToProductpage = edge(NODES.ingress, NODES.productpage, { protocol: 'http', layer: 'L7' });
const productpageToReviews = edge(NODES.productpage, NODES.reviews, {
  protocol: 'http',
  layer: 'L7',
  via: NODES.waypoint.id,
});
const reviewsToRatingsL4 = edge(NODES.reviews, NODES.ratings, { protocol: 'tcp', layer: 'L4' });
const ordersToInventory = edge(NODES.orders, NODES.inventory, { protocol: 'http', layer: 'L7' });

const graph: GraphResponse = {
  nodes: Object.values(NODES),
  edges: [gatewayToProductpage, productpageToReviews, reviewsToRatingsL4, ordersToInventory],
  errors: [],
  meta,
};

describe('tracePath', () => {
  it('marks the nodes, the waypoint and the edges a bookinfo request went through, and nothing else', () => {
    const path = tracePath(traceCalls(bookinfoTrace('a1'.repeat(16))), graph);
    expect([...path.nodes].sort()).toEqual(
      [NODES.ingress, NODES.productpage, NODES.reviews, NODES.waypoint].map((n) => n.id).sort(),
    );
    expect([...path.edges].sort()).toEqual([gatewayToProductpage.id, productpageToReviews.id].sort());
    expect([...path.failedEdges]).toEqual([]);
  });

  it('marks a failed call’s edge as failed', () => {
    const path = tracePath(traceCalls(bookinfoTrace('b2'.repeat(16), 503)), graph);
    expect([...path.failedEdges]).toEqual([productpageToReviews.id]);
  });

  it('lists the calls the graph does not have (another namespace, outside the window)', () => {
    const onlyBookinfo = { ...graph, nodes: graph.nodes.filter((n) => n.namespace !== 'legacy') };
    const path = tracePath(traceCalls(legacyTrace('c3'.repeat(16))), onlyBookinfo);
    expect(path.nodes.size).toBe(0);
    expect(path.missing).toHaveLength(1);
  });

  it('feeds the view: on-trace elements stand out, the rest fades', () => {
    const path = tracePath(traceCalls(bookinfoTrace('b2'.repeat(16), 503)), graph);
    const view = buildView(graph, {
      showWaypoints: false,
      labelMode: 'rps',
      hide: null,
      find: null,
      trace: path,
    });
    const byId = new Map(view.edges.map((e) => [e.data.id, e.data]));
    expect(byId.get(productpageToReviews.id)).toMatchObject({
      onTrace: true,
      traceFailed: true,
      offTrace: false,
    });
    expect(byId.get(ordersToInventory.id)).toMatchObject({ onTrace: false, offTrace: true });
    const orders = view.nodes.find((n) => n.data.id === NODES.orders.id);
    expect(orders?.data).toMatchObject({ onTrace: false, offTrace: true });
  });
});

describe('nodeFor', () => {
  it('finds an app node by canonical service when the graph is the app graph', () => {
    const app = {
      ...NODES.reviews,
      id: appNodeId('bookinfo', 'reviews'),
      kind: 'app' as const,
      name: 'reviews',
      version: null,
    };
    expect(
      nodeFor({ namespace: 'bookinfo', workload: 'reviews-v2', app: 'reviews', version: 'v2' }, [app]),
    ).toBe(app);
  });

  it('finds nothing in another namespace', () => {
    expect(
      nodeFor({ namespace: 'other', workload: 'reviews-v2', app: 'reviews', version: 'v2' }, graph.nodes),
    ).toBeNull();
  });
});
