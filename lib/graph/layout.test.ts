import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random';
import {
  DEFAULT_LAYOUT,
  incrementalLayout,
  layeredLayout,
  type LayoutEdge,
  type LayoutNode,
  type Position,
} from './layout';

/** A mesh like the demo's scale mode: tiers that call down, 30% across namespaces, and a few calls back up. */
function generated(nodeCount: number, edgeCount: number, groups: number): [LayoutNode[], LayoutEdge[]] {
  const rand = seededRandom(42);
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({ id: `n${i}`, group: `ns${i % groups}` }));
  const tier = (i: number): number => Math.floor(i / groups) % 5;
  const edges: LayoutEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < edgeCount) {
    const s = Math.floor(rand() * nodeCount);
    const sameNs = rand() < 0.7;
    const t0 = Math.floor(rand() * nodeCount);
    const t = sameNs ? t0 - (t0 % groups) + (s % groups) : t0;
    const backwards = rand() < 0.02;
    if (s === t || (!backwards && tier(t) <= tier(s)) || seen.has(`${s}>${t}`)) continue;
    seen.add(`${s}>${t}`);
    edges.push({ source: `n${s}`, target: `n${t}` });
  }
  return [nodes, edges];
}

function crossings(edges: LayoutEdge[], at: Map<string, Position>): number {
  let count = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const [a, b] = [edges[i]!, edges[j]!];
      const [as, at_, bs, bt] = [at.get(a.source)!, at.get(a.target)!, at.get(b.source)!, at.get(b.target)!];
      if (as.x === bs.x && at_.x === bt.x && (as.y - bs.y) * (at_.y - bt.y) < 0) count++;
    }
  }
  return count;
}

function groupBoxes(
  nodes: LayoutNode[],
  at: Map<string, Position>,
): Map<string, [number, number, number, number]> {
  const boxes = new Map<string, [number, number, number, number]>();
  for (const node of nodes) {
    const p = at.get(node.id)!;
    const b = boxes.get(node.group) ?? [p.x, p.y, p.x, p.y];
    boxes.set(node.group, [
      Math.min(b[0], p.x),
      Math.min(b[1], p.y),
      Math.max(b[2], p.x),
      Math.max(b[3], p.y),
    ]);
  }
  return boxes;
}

const bookinfo: LayoutNode[] = [
  { id: 'unknown', group: '' },
  { id: 'gateway', group: 'istio-system' },
  { id: 'productpage', group: 'bookinfo' },
  { id: 'details', group: 'bookinfo' },
  { id: 'reviews-v1', group: 'bookinfo' },
  { id: 'reviews-v2', group: 'bookinfo' },
  { id: 'reviews-v3', group: 'bookinfo' },
  { id: 'ratings', group: 'bookinfo' },
];
const bookinfoEdges: LayoutEdge[] = [
  { source: 'unknown', target: 'gateway' },
  { source: 'gateway', target: 'productpage' },
  { source: 'productpage', target: 'details' },
  { source: 'productpage', target: 'reviews-v1' },
  { source: 'productpage', target: 'reviews-v2' },
  { source: 'productpage', target: 'reviews-v3' },
  { source: 'reviews-v2', target: 'ratings' },
  { source: 'reviews-v3', target: 'ratings' },
];

describe('layeredLayout', () => {
  it('reads left to right: every call of an acyclic graph points right, one layer per hop', () => {
    const at = layeredLayout(bookinfo, bookinfoEdges);
    for (const e of bookinfoEdges) expect(at.get(e.target)!.x).toBeGreaterThan(at.get(e.source)!.x);
    expect(at.get('gateway')!.x - at.get('unknown')!.x).toBe(DEFAULT_LAYOUT.layerGap);
    expect(at.get('ratings')!.x).toBe(4 * DEFAULT_LAYOUT.layerGap);
  });

  it('gives every node its own spot', () => {
    const at = layeredLayout(bookinfo, bookinfoEdges);
    expect(new Set([...at.values()].map((p) => `${p.x},${p.y}`)).size).toBe(bookinfo.length);
  });

  it('untangles crossings by barycenter sweeps', () => {
    // Named so that the initial order crosses every pair: a1->b3, a2->b2, a3->b1.
    const nodes = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'r'].map((id) => ({ id, group: 'x' }));
    const edges = [
      { source: 'r', target: 'a1' },
      { source: 'r', target: 'a2' },
      { source: 'r', target: 'a3' },
      { source: 'a1', target: 'b3' },
      { source: 'a2', target: 'b2' },
      { source: 'a3', target: 'b1' },
    ];
    expect(crossings(edges, layeredLayout(nodes, edges, { ...DEFAULT_LAYOUT, passes: 0 }))).toBe(3);
    expect(crossings(edges, layeredLayout(nodes, edges))).toBe(0);
  });

  it('lays out cycles, pulls a lone caller next to its callee, and places isolated nodes', () => {
    const nodes = ['a', 'b', 'c', 'd', 'lonely'].map((id) => ({ id, group: '' }));
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'a' },
      { source: 'c', target: 'd' },
    ];
    const at = layeredLayout(nodes, edges);
    expect([...at.values()].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(at.get('b')!.x).toBeGreaterThan(at.get('a')!.x);
    expect(at.get('d')!.x).toBeGreaterThan(at.get('c')!.x);
    expect(at.get('lonely')!.x).toBe(0);
  });

  it('keeps each namespace in a band of its own: group boxes never overlap', () => {
    const [nodes, edges] = generated(300, 900, 15);
    const boxes = [...groupBoxes(nodes, layeredLayout(nodes, edges)).values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
        expect(overlap).toBe(false);
      }
    }
  });

  it('puts a hub (waypoint) above its namespace, between what it links, and layers by the calls through it', () => {
    const nodes = [
      { id: 'pp', group: 'bookinfo' },
      { id: 'reviews', group: 'bookinfo' },
      { id: 'ratings', group: 'bookinfo' },
      { id: 'wp', group: 'bookinfo', hub: true },
    ];
    const edges = [
      ['pp', 'wp'],
      ['wp', 'reviews'],
      ['reviews', 'wp'],
      ['wp', 'ratings'],
      ['pp', 'reviews'],
      ['reviews', 'ratings'],
    ].map(([source, target]) => ({ source: source!, target: target! }));
    const at = layeredLayout(nodes, edges);
    const [pp, reviews, ratings, wp] = ['pp', 'reviews', 'ratings', 'wp'].map((id) => at.get(id)!);
    expect(pp!.x).toBeLessThan(reviews!.x);
    expect(reviews!.x).toBeLessThan(ratings!.x);
    expect(wp!.y).toBeLessThan(Math.min(pp!.y, reviews!.y, ratings!.y));
    expect(wp!.x).toBeGreaterThan(pp!.x);
    expect(wp!.x).toBeLessThan(ratings!.x);
  });

  it('lets small namespaces that span different layers sit side by side', () => {
    const nodes = [
      { id: 'internet', group: '' },
      { id: 'gateway', group: 'istio-system' },
    ];
    const at = layeredLayout(nodes, [{ source: 'internet', target: 'gateway' }]);
    expect(at.get('internet')!.y).toBe(at.get('gateway')!.y);
  });

  it('lays out 1,000 nodes and 3,500 edges quickly, packed into a picture wider than tall', () => {
    const [nodes, edges] = generated(1000, 3500, 50);
    layeredLayout(nodes, edges); // warm up the JIT
    const runs = 5;
    const start = performance.now();
    let at = new Map<string, Position>();
    for (let i = 0; i < runs; i++) at = layeredLayout(nodes, edges);
    const ms = (performance.now() - start) / runs;
    console.log(`layeredLayout: 1,000 nodes, 3,500 edges in ${ms.toFixed(1)} ms (mean of ${runs})`);
    expect(at.size).toBe(1000);
    const xs = [...at.values()].map((p) => p.x);
    const ys = [...at.values()].map((p) => p.y);
    const aspect = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    expect(aspect).toBeGreaterThan(0.5);
    expect(aspect).toBeLessThan(4);
  });
});

describe('incrementalLayout', () => {
  it('is a full layout when nothing had a position', () => {
    expect(incrementalLayout(bookinfo, bookinfoEdges, new Map())).toEqual(
      layeredLayout(bookinfo, bookinfoEdges),
    );
  });

  it('keeps every previous position and puts a new callee right of its caller, on a free spot', () => {
    const before = layeredLayout(bookinfo, bookinfoEdges);
    const nodes = [...bookinfo, { id: 'ratings-v2', group: 'bookinfo' }];
    const edges = [...bookinfoEdges, { source: 'reviews-v3', target: 'ratings-v2' }];
    const after = incrementalLayout(nodes, edges, before);
    for (const [id, p] of before) expect(after.get(id)).toEqual(p);
    const added = after.get('ratings-v2')!;
    expect(added.x).toBe(before.get('reviews-v3')!.x + DEFAULT_LAYOUT.layerGap);
    expect([...before.values()].some((p) => p.x === added.x && p.y === added.y)).toBe(false);
  });

  it('places a new caller left of its callee, and a new unconnected node in its namespace', () => {
    const before = layeredLayout(bookinfo, bookinfoEdges);
    const nodes = [...bookinfo, { id: 'tester', group: 'bookinfo' }, { id: 'idle', group: 'bookinfo' }];
    const edges = [...bookinfoEdges, { source: 'tester', target: 'details' }];
    const after = incrementalLayout(nodes, edges, before);
    expect(after.get('tester')!.x).toBe(before.get('details')!.x - DEFAULT_LAYOUT.layerGap);
    const ys = bookinfo.filter((n) => n.group === 'bookinfo').map((n) => before.get(n.id)!.y);
    expect(after.get('idle')!.y).toBeGreaterThanOrEqual(Math.min(...ys));
    expect(after.get('idle')!.y).toBeLessThanOrEqual(Math.max(...ys) + 2 * DEFAULT_LAYOUT.rowGap);
  });

  it('forgets positions of nodes that are gone', () => {
    const before = layeredLayout(bookinfo, bookinfoEdges);
    const after = incrementalLayout(bookinfo.slice(0, 3), bookinfoEdges, before);
    expect([...after.keys()]).toEqual(['unknown', 'gateway', 'productpage']);
  });
});
