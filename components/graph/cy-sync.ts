import type cytoscape from 'cytoscape';
import {
  incrementalLayout,
  layeredLayout,
  type LayoutEdge,
  type LayoutNode,
  type Position,
} from '@/lib/graph/layout';
import type { EdgeData, GraphView, NodeData } from '@/lib/graph/view';
import type { Extent } from '@/lib/graph/viewport';

/** What one sync did, for the canvas (fit on first render) and for people measuring it. */
export interface SyncResult {
  added: number;
  removed: number;
  updated: number;
  /** Nodes that got a position from the layout (only new ones, unless a full layout was asked for). */
  placed: number;
  /** True when everything was laid out afresh (asked for, or too much was new to fit in around the rest). */
  relaidOut: boolean;
  /** Main-thread time of the sync, in ms. */
  ms: number;
}

type Data = NodeData | EdgeData;

function sameData(current: Record<string, unknown>, next: Data): boolean {
  for (const [key, value] of Object.entries(next)) if (current[key] !== value) return false;
  return true;
}

/**
 * What the layout sees: leaf nodes by namespace, waypoints as hubs, and for each waypoint hop the calls it carries,
 * so that layers follow who calls whom rather than everything sitting one hop from the waypoint.
 */
function layoutInput(view: GraphView): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes: LayoutNode[] = [];
  for (const n of view.nodes) {
    if (n.data.kind === 'namespace') continue;
    nodes.push({ id: n.data.id, group: n.node?.namespace ?? '', hub: n.data.kind === 'waypoint' });
  }
  const edges: LayoutEdge[] = [];
  for (const { data, edge } of view.edges) {
    edges.push({ source: data.source, target: data.target });
    if (edge.segment)
      for (const call of edge.carries) edges.push({ source: call.source, target: call.target });
  }
  return { nodes, edges };
}

/** Room around a box's members: half a node, plus the label under it, plus a margin (px). */
const BOX_PAD = { x: 55, top: 36, bottom: 50 };

/**
 * Sizes and places the namespace boxes around their members (all boxes, or the ones named). Boxes are plain nodes
 * drawn under the others (see `lib/graph/view.ts` for why they are not compound parents).
 */
export function fitBoxes(cy: cytoscape.Core, only?: ReadonlySet<string>): void {
  const bounds = new Map<string, { x1: number; y1: number; x2: number; y2: number }>();
  cy.nodes().forEach((node) => {
    const box = node.data('box') as string | undefined;
    if (box === undefined || (only && !only.has(box))) return;
    const { x, y } = node.position();
    const b = bounds.get(box);
    bounds.set(box, {
      x1: Math.min(b?.x1 ?? x, x),
      y1: Math.min(b?.y1 ?? y, y),
      x2: Math.max(b?.x2 ?? x, x),
      y2: Math.max(b?.y2 ?? y, y),
    });
  });
  for (const [id, b] of bounds) {
    const box = cy.getElementById(id);
    if (box.empty()) continue;
    const w = Math.round(b.x2 - b.x1 + 2 * BOX_PAD.x);
    const h = Math.round(b.y2 - b.y1 + BOX_PAD.top + BOX_PAD.bottom);
    if (box.data('w') !== w || box.data('h') !== h) box.data({ w, h });
    box.position({ x: (b.x1 + b.x2) / 2, y: (b.y1 - BOX_PAD.top + b.y2 + BOX_PAD.bottom) / 2 });
  }
}

/**
 * Where each node reaches, from its position and what the stylesheet gives it, without Cytoscape measuring: a
 * namespace box its size plus its title above; any other node its shape plus a label of up to two lines below,
 * up to the label's 150 px width.
 */
export function nodeExtents(cy: cytoscape.Core): Extent[] {
  return cy.nodes().map((node) => {
    const { x, y } = node.position();
    if (node.data('kind') === 'namespace') {
      const w = Number(node.data('w') ?? 0);
      const h = Number(node.data('h') ?? 0);
      return { x, y: y - 10, halfWidth: w / 2, halfHeight: h / 2 + 10 };
    }
    return { x, y: y + 16, halfWidth: 75, halfHeight: 38 };
  });
}

/**
 * Applies a view to a live Cytoscape instance as a diff inside one `cy.batch()`: removes what is gone, updates data
 * that changed, adds what is new, then fits the namespace boxes. Nodes that were there keep their positions; only
 * new nodes are placed (next to their neighbours), unless `relayout` asks for a full layered layout of everything or
 * more than a third of the nodes are new (another graph type, other namespaces): squeezing a new picture in around
 * a few old positions would tangle it.
 */
export function syncGraph(cy: cytoscape.Core, view: GraphView, askedRelayout = false): SyncResult {
  const start = performance.now();
  const wanted = new Map<string, Data>();
  for (const n of view.nodes) wanted.set(n.data.id, n.data);
  for (const e of view.edges) wanted.set(e.data.id, e.data);

  const previous = new Map<string, Position>();
  cy.nodes().forEach((node) => {
    if (node.data('kind') !== 'namespace' && wanted.has(node.id()))
      previous.set(node.id(), { ...node.position() });
  });
  const { nodes, edges } = layoutInput(view);
  const fresh = nodes.filter((n) => !previous.has(n.id)).length;
  const relayout = askedRelayout || (previous.size > 0 && fresh > Math.max(3, nodes.length / 3));
  const positions = relayout ? layeredLayout(nodes, edges) : incrementalLayout(nodes, edges, previous);

  let removed = 0;
  let updated = 0;
  let added = 0;
  let placed = 0;
  cy.batch(() => {
    const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
    removed = gone.length;
    cy.remove(gone);

    const additions: cytoscape.ElementDefinition[] = [];
    for (const [id, data] of wanted) {
      const ele = cy.getElementById(id);
      if (ele.empty()) {
        const position = positions.get(id);
        const isBox = 'kind' in data && data.kind === 'namespace';
        additions.push({
          group: 'source' in data ? 'edges' : 'nodes',
          data: isBox ? { ...data, w: 1, h: 1 } : { ...data },
          ...(position && { position: { ...position } }),
        });
        if (position) placed++;
        continue;
      }
      // An id fixes the endpoints and the namespace, so an update is data only.
      if (!sameData(ele.data() as Record<string, unknown>, data)) {
        ele.data(data);
        updated++;
      }
      const position = relayout && ele.isNode() ? positions.get(id) : undefined;
      if (position) {
        ele.position(position);
        placed++;
      }
    }
    added = additions.length;
    // Nodes before edges: the view lists them in that order.
    if (additions.length > 0) cy.add(additions);
    if (additions.length > 0 || removed > 0 || relayout) fitBoxes(cy);
  });
  return { added, removed, updated, placed, relaidOut: relayout, ms: performance.now() - start };
}
