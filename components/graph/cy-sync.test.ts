import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, GraphResponse } from '@/lib/graph/types';
import { buildView, type ViewOptions } from '@/lib/graph/view';
import fixture from './__fixtures__/bookinfo-graph.json';
import { generateGraph } from './__fixtures__/generate-graph';
import { graphStylesheet } from '@/lib/graph/stylesheet';
import { boundsOf } from '@/lib/graph/viewport';
import { nodeExtents, syncGraph } from './cy-sync';

const graph = fixture as GraphResponse;
const OPTIONS: ViewOptions = { showWaypoints: true, labelMode: 'rps', hide: null, find: null };

function headless(): cytoscape.Core {
  return cytoscape({ headless: true, styleEnabled: false });
}

function positions(cy: cytoscape.Core): Map<string, string> {
  return new Map(cy.nodes().map((n) => [n.id(), JSON.stringify(n.position())]));
}

describe('syncGraph', () => {
  it('adds everything on the first sync, with a position for every node', () => {
    const cy = headless();
    const result = syncGraph(cy, buildView(graph, OPTIONS));
    const view = buildView(graph, OPTIONS);
    expect(result.added).toBe(view.nodes.length + view.edges.length);
    expect(cy.nodes().length).toBe(view.nodes.length);
    // The namespace box is sized around its members.
    const box = cy.getElementById('ns:bookinfo');
    const member = cy.getElementById('workload:bookinfo/productpage-v1').position();
    const { x, y } = box.position();
    expect(Math.abs(member.x - x)).toBeLessThan(Number(box.data('w')) / 2);
    expect(Math.abs(member.y - y)).toBeLessThan(Number(box.data('h')) / 2);
    expect(result.placed).toBe(view.nodes.filter((n) => n.data.kind !== 'namespace').length);
  });

  it('does nothing on a refresh that changed nothing', () => {
    const cy = headless();
    syncGraph(cy, buildView(graph, OPTIONS));
    const before = positions(cy);
    const result = syncGraph(cy, buildView(structuredClone(graph), OPTIONS));
    expect(result).toMatchObject({ added: 0, removed: 0, updated: 0, placed: 0 });
    expect(positions(cy)).toEqual(before);
  });

  it('updates changed data in place and keeps positions', () => {
    const cy = headless();
    syncGraph(cy, buildView(graph, OPTIONS));
    const before = positions(cy);
    const next = structuredClone(graph);
    const edge = next.edges.find((e) => e.source === 'workload:legacy/inventory-sync') as GraphEdge;
    edge.requestsPerSecond = 42;
    const result = syncGraph(cy, buildView(next, OPTIONS));
    expect(result.updated).toBe(1);
    expect(cy.getElementById(edge.id).data('label')).toBe('42 rps');
    expect(positions(cy)).toEqual(before);
  });

  it('places only new nodes, and removes what is gone with its namespace box', () => {
    const cy = headless();
    syncGraph(cy, buildView(graph, OPTIONS));
    const before = positions(cy);
    const next = structuredClone(graph);
    const ratings = next.nodes.find((n) => n.name === 'ratings-v1') as GraphNode;
    next.nodes.push({ ...ratings, id: 'workload:bookinfo/ratings-v2', name: 'ratings-v2', version: 'v2' });
    next.edges.push({
      ...(next.edges[6] as GraphEdge),
      id: 'x',
      source: 'workload:bookinfo/reviews-v3',
      target: 'workload:bookinfo/ratings-v2',
      via: null,
    });
    next.nodes = next.nodes.filter((n) => n.namespace !== 'outside');
    const result = syncGraph(cy, buildView(next, OPTIONS));
    expect(result.placed).toBe(1);
    expect(cy.getElementById('ns:outside').empty()).toBe(true);
    expect(cy.getElementById('workload:outside/client').empty()).toBe(true);
    for (const [id, p] of before) if (!cy.getElementById(id).empty()) expect(positions(cy).get(id)).toBe(p);
    const added = cy.getElementById('workload:bookinfo/ratings-v2').position();
    const caller = cy.getElementById('workload:bookinfo/reviews-v3').position();
    expect(added.x).toBeGreaterThan(caller.x);
  });

  it('lays everything out afresh when most nodes are new, as after a change of graph type', () => {
    const cy = headless();
    syncGraph(cy, buildView(graph, OPTIONS));
    const next = structuredClone(graph);
    const renamed = (id: string): string => id.replaceAll('workload:bookinfo/', 'app:bookinfo/');
    for (const n of next.nodes) n.id = renamed(n.id);
    for (const e of next.edges) {
      Object.assign(e, { id: renamed(e.id), source: renamed(e.source), target: renamed(e.target) });
      e.via = e.via && renamed(e.via);
    }
    const result = syncGraph(cy, buildView(next, OPTIONS));
    expect(result.relaidOut).toBe(true);
    expect(result.placed).toBe(next.nodes.length);
  });

  it('moves every node on a full relayout', () => {
    const cy = headless();
    syncGraph(cy, buildView(graph, OPTIONS));
    cy.nodes()
      .filter((n) => !n.isParent())
      .positions({ x: 0, y: 0 });
    const result = syncGraph(cy, buildView(graph, OPTIONS), true);
    expect(result.placed).toBe(graph.nodes.length);
    const leaves = [...positions(cy)].filter(([id]) => !id.startsWith('ns:'));
    expect(new Set(leaves.map(([, p]) => p)).size).toBe(leaves.length);
  });

  it('applies a refresh of a thousand workloads as a small diff (figures printed, not asserted)', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const big = generateGraph(1000);
    const first = syncGraph(cy, buildView(big, OPTIONS));
    const next = structuredClone(big);
    next.edges.forEach((e, i) => {
      if (i % 10 === 0) e.requestsPerSecond = Math.round(e.requestsPerSecond * 150) / 100;
    });
    const viewStart = performance.now();
    const view = buildView(next, OPTIONS);
    const viewMs = performance.now() - viewStart;
    const refresh = syncGraph(cy, view);
    console.log(
      `1,000 workloads, ${cy.elements().length} elements: first sync ${first.ms.toFixed(0)} ms (headless), ` +
        `refresh: view ${viewMs.toFixed(1)} ms + sync ${refresh.ms.toFixed(1)} ms, ${refresh.updated} updated`,
    );
    expect(refresh).toMatchObject({ added: 0, removed: 0, placed: 0, relaidOut: false });
    expect(refresh.updated).toBeGreaterThan(0);
  });
});

describe('nodeExtents', () => {
  it('covers every node and its label: a fit from them contains what Cytoscape measures', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet('light') });
    syncGraph(cy, buildView(graph, OPTIONS));
    const box = boundsOf(nodeExtents(cy));
    if (box === null) throw new Error('no extents');
    // Cytoscape's own box of the nodes with their labels (headless: label sizes are estimated the same way).
    const measured = cy.nodes().boundingBox({ includeLabels: true });
    expect(box.x1).toBeLessThanOrEqual(measured.x1 + 1);
    expect(box.y1).toBeLessThanOrEqual(measured.y1 + 1);
    expect(box.x2).toBeGreaterThanOrEqual(measured.x2 - 1);
    expect(box.y2).toBeGreaterThanOrEqual(measured.y2 - 1);
  });
});
