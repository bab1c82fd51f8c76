/**
 * A layered left-to-right layout for the graph page, as positions for Cytoscape's `preset` layout. Pure and fast
 * (a few milliseconds for a thousand nodes): no layout extension needed.
 *
 * Full layout: cycles broken by a depth-first search, layers by longest path from the sources (sources pulled right
 * next to what they call), groups (namespaces) as bands that never overlap (side by side where their layers allow),
 * order within a band by barycenter sweeps, hubs (waypoints) on a row above their band. Very tall results are dealt
 * into columns. Incremental layout: nodes with a previous position keep it; new ones go next to their neighbours.
 */

export interface LayoutNode {
  id: string;
  /** Nodes of one group (a namespace) are kept together; '' is a group too. */
  group: string;
  /**
   * A node many calls pass through (a waypoint). It takes no part in layering (through a hub, everything would sit
   * one layer from it): it goes on a row of its own above its group, between the nodes it links.
   */
  hub?: boolean;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface Position {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Distance between layers (px). */
  layerGap: number;
  /** Distance between nodes of one layer (px). */
  rowGap: number;
  /** Extra space between two groups' bands (px). */
  bandGap: number;
  /** Down-and-up barycenter sweeps. */
  passes: number;
  /** Width over height to aim at when packing bands into columns. */
  aspect: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  layerGap: 200,
  rowGap: 85,
  bandGap: 60,
  passes: 4,
  aspect: 1.6,
};

interface Indexed {
  n: number;
  group: number[];
  groupCount: number;
  /** DAG adjacency after cycle breaking. */
  succ: number[][];
  pred: number[][];
  /** All neighbours, both ways, for placement of new nodes and hubs. */
  undirected: number[][];
  hub: boolean[];
}

function index(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Indexed {
  const at = new Map(nodes.map((node, i) => [node.id, i]));
  const groups = new Map<string, number>();
  const group = nodes.map((node) => {
    if (!groups.has(node.group)) groups.set(node.group, groups.size);
    return groups.get(node.group) ?? 0;
  });
  const hub = nodes.map((node) => node.hub === true);
  const out: number[][] = nodes.map(() => []);
  const undirected: number[][] = nodes.map(() => []);
  const seen = new Set<string>();
  for (const edge of edges) {
    const s = at.get(edge.source);
    const t = at.get(edge.target);
    if (s === undefined || t === undefined || s === t || seen.has(`${s}>${t}`)) continue;
    seen.add(`${s}>${t}`);
    if (!hub[s] && !hub[t]) out[s]?.push(t);
    undirected[s]?.push(t);
    undirected[t]?.push(s);
  }
  const { succ, pred } = breakCycles(out);
  return { n: nodes.length, group, groupCount: groups.size, succ, pred, undirected, hub };
}

/** Drops the edges that close a cycle (back edges of an iterative DFS started from the sources first). */
function breakCycles(out: number[][]): { succ: number[][]; pred: number[][] } {
  const n = out.length;
  const indegree = new Array<number>(n).fill(0);
  out.forEach((targets) => targets.forEach((t) => indegree[t]!++));
  const order = [...Array(n).keys()].sort((a, b) => Number(indegree[a]! > 0) - Number(indegree[b]! > 0));
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const succ: number[][] = out.map(() => []);
  const pred: number[][] = out.map(() => []);
  for (const root of order) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      const targets = out[v]!;
      if (i >= targets.length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const t = targets[i]!;
      if (state[t] === 1) continue; // back edge: closes a cycle
      succ[v]!.push(t);
      pred[t]!.push(v);
      if (state[t] === 0) {
        state[t] = 1;
        stack.push([t, 0]);
      }
    }
  }
  return { succ, pred };
}

/** Longest path from the sources; a source then moves right to sit just before the nearest thing it calls. */
function layers(g: Indexed): number[] {
  const layer = new Array<number>(g.n).fill(0);
  const indegree = g.pred.map((p) => p.length);
  const queue = [...Array(g.n).keys()].filter((v) => indegree[v] === 0);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const t of g.succ[v]!) {
      layer[t] = Math.max(layer[t]!, layer[v]! + 1);
      if (--indegree[t]! === 0) queue.push(t);
    }
  }
  for (let v = 0; v < g.n; v++) {
    if (g.pred[v]!.length === 0 && g.succ[v]!.length > 0) {
      layer[v] = Math.max(0, Math.min(...g.succ[v]!.map((t) => layer[t]!)) - 1);
    }
  }
  return layer;
}

/** Orders the groups so that groups that talk to each other are neighbours (a few barycenter rounds). */
function groupOrder(g: Indexed, layer: number[]): number[] {
  const weight = new Map<number, Map<number, number>>();
  const minLayer = new Array<number>(g.groupCount).fill(Infinity);
  for (let v = 0; v < g.n; v++) {
    const a = g.group[v]!;
    minLayer[a] = Math.min(minLayer[a]!, layer[v]!);
    for (const t of g.succ[v]!) {
      const b = g.group[t]!;
      if (a === b) continue;
      const add = (x: number, y: number): void => {
        weight.set(x, (weight.get(x) ?? new Map<number, number>()).set(y, (weight.get(x)?.get(y) ?? 0) + 1));
      };
      add(a, b);
      add(b, a);
    }
  }
  let order = [...Array(g.groupCount).keys()].sort((a, b) => minLayer[a]! - minLayer[b]! || a - b);
  for (let round = 0; round < 4; round++) {
    const rank = new Array<number>(g.groupCount);
    order.forEach((grp, i) => (rank[grp] = i));
    const bary = order.map((grp) => {
      let sum = 0;
      let total = 0;
      for (const [other, w] of weight.get(grp) ?? []) {
        sum += rank[other]! * w;
        total += w;
      }
      // Half its own rank keeps isolated groups roughly where they were.
      return { grp, key: total > 0 ? (sum + rank[grp]! * total * 0.5) / (total * 1.5) : rank[grp]! };
    });
    order = bary.sort((a, b) => a.key - b.key || a.grp - b.grp).map((b) => b.grp);
  }
  return order;
}

/** Positions for every node, from scratch. */
export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = DEFAULT_LAYOUT,
): Map<string, Position> {
  const g = index(nodes, edges);
  const layer = layers(g);
  const layerCount = Math.max(0, ...layer) + 1;
  const groups = groupOrder(g, layer);
  // Cells: the nodes of one group in one layer; their count sets the band's height.
  const cells = new Map<number, number[]>();
  for (let v = 0; v < g.n; v++) {
    if (g.hub[v]) continue;
    const key = g.group[v]! * layerCount + layer[v]!;
    const cell = cells.get(key) ?? [];
    cell.push(v);
    cells.set(key, cell);
  }
  const rows = new Array<number>(g.groupCount).fill(0);
  for (const [key, cell] of cells) {
    const grp = Math.floor(key / layerCount);
    rows[grp] = Math.max(rows[grp]!, cell.length);
  }
  // A group with hubs gets a row for them on top of its band.
  const hubRow = new Array<number>(g.groupCount).fill(0);
  for (let v = 0; v < g.n; v++) if (g.hub[v]) hubRow[g.group[v]!] = 1;
  const total = rows.map((r, grp) => r + hubRow[grp]!);
  const x = hubLayers(g, layer);
  const { top: bandTop, column } = arrange(g, x, groups, total, layerCount, options);
  // y in rows, centred in the band; sweeps reorder within each cell.
  const y = new Float64Array(g.n);
  const place = (grp: number, cell: number[]): void => {
    const offset = bandTop[grp]! + hubRow[grp]! + (rows[grp]! - cell.length) / 2;
    cell.forEach((v, i) => (y[v] = offset + i));
  };
  for (const [key, cell] of cells) place(Math.floor(key / layerCount), cell);
  const bary = new Float64Array(g.n);
  const byLayer = new Map<number, [number, number[]][]>();
  for (const [key, cell] of cells) {
    const l = key % layerCount;
    const list = byLayer.get(l) ?? [];
    list.push([Math.floor(key / layerCount), cell]);
    byLayer.set(l, list);
  }
  const sweep = (neighbours: number[][], layerOrder: number[]): void => {
    for (const l of layerOrder) {
      for (const [grp, cell] of byLayer.get(l) ?? []) {
        for (const v of cell) {
          const near = neighbours[v]!;
          bary[v] = near.length === 0 ? y[v]! : near.reduce((sum, u) => sum + y[u]!, 0) / near.length;
        }
        cell.sort((a, b) => bary[a]! - bary[b]! || y[a]! - y[b]!);
        place(grp, cell);
      }
    }
  };
  const forward = [...Array(layerCount).keys()];
  const backward = [...forward].reverse();
  for (let pass = 0; pass < options.passes; pass++) {
    sweep(g.pred, forward);
    sweep(g.succ, backward);
  }
  const columnWidth = (layerCount + 1) * options.layerGap;
  const positions = new Map<string, Position>();
  nodes.forEach((node, v) => {
    const grp = g.group[v]!;
    positions.set(node.id, {
      x: column[grp]! * columnWidth + x[v]! * options.layerGap,
      y: (g.hub[v] ? bandTop[grp]! : y[v]!) * options.rowGap,
    });
  });
  return positions;
}

/** x in layers: a node's layer, a hub between the nodes it links (apart from other hubs of its group). */
function hubLayers(g: Indexed, layer: number[]): Float64Array {
  const x = Float64Array.from(layer);
  const taken = new Map<number, number[]>();
  for (let v = 0; v < g.n; v++) {
    if (!g.hub[v]) continue;
    const near = g.undirected[v]!.filter((u) => !g.hub[u]);
    // Half-way between layers: right above a layer, its lines would run down through that layer's nodes.
    let at =
      near.length === 0 ? 0 : Math.floor(near.reduce((sum, u) => sum + layer[u]!, 0) / near.length) + 0.5;
    const others = taken.get(g.group[v]!) ?? [];
    while (others.some((o) => Math.abs(o - at) < 0.5)) at += 1;
    taken.set(g.group[v]!, [...others, at]);
    x[v] = at;
  }
  return x;
}

/**
 * Where each group's band goes, in rows: bands stack in group order, but a band only has to clear the bands above
 * it over the layers it spans (a skyline), so that small namespaces sit side by side. When the result would be much
 * taller than wide, the groups are dealt into side-by-side columns first.
 */
function arrange(
  g: Indexed,
  x: Float64Array,
  groups: number[],
  total: number[],
  layerCount: number,
  options: LayoutOptions,
): { top: number[]; column: number[] } {
  const span = groups.map(() => [Infinity, -Infinity] as [number, number]);
  for (let v = 0; v < g.n; v++) {
    const s = span[g.group[v]!]!;
    s[0] = Math.min(s[0], Math.floor(x[v]!));
    s[1] = Math.max(s[1], Math.ceil(x[v]!));
  }
  const gap = options.bandGap / options.rowGap;
  const height = groups.reduce((sum, grp) => sum + total[grp]! + gap, 0) * options.rowGap;
  const width = layerCount * options.layerGap;
  const columns = Math.max(
    1,
    Math.min(groups.length, Math.round(Math.sqrt((options.aspect * height) / width))),
  );
  const target = height / columns / options.rowGap;
  const top = new Array<number>(g.groupCount).fill(0);
  const column = new Array<number>(g.groupCount).fill(0);
  let skyline = new Float64Array(layerCount + 1).fill(-gap);
  let col = 0;
  let used = 0;
  for (const grp of groups) {
    if (used > 0 && used + total[grp]! / 2 > target && col < columns - 1) {
      col++;
      used = 0;
      skyline = new Float64Array(layerCount + 1).fill(-gap);
    }
    const [from, to] = span[grp]!;
    let t = 0;
    for (let l = from; l <= to; l++) t = Math.max(t, skyline[l]! + gap);
    for (let l = from; l <= to; l++) skyline[l] = t + total[grp]!;
    top[grp] = t;
    column[grp] = col;
    used += total[grp]! + gap;
  }
  return { top, column };
}

/**
 * Positions for every node, keeping the previous position of each node that has one and placing each new node
 * next to its neighbours (right of its callers, else left of its callees, else under its group), on a free spot.
 * With no previous position at all, this is {@link layeredLayout}.
 */
export function incrementalLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  previous: ReadonlyMap<string, Position>,
  options: LayoutOptions = DEFAULT_LAYOUT,
): Map<string, Position> {
  if (!nodes.some((node) => previous.has(node.id))) return layeredLayout(nodes, edges, options);
  const g = index(nodes, edges);
  const pos: (Position | undefined)[] = nodes.map((node) => previous.get(node.id));
  const taken = new Set<string>();
  const cell = (p: Position): string =>
    `${Math.round(p.x / (options.layerGap / 2))}:${Math.round(p.y / (options.rowGap * 0.75))}`;
  pos.forEach((p) => p && taken.add(cell(p)));
  const groupBox = new Map<number, { minX: number; minY: number; maxY: number }>();
  const grow = (grp: number, p: Position): void => {
    const box = groupBox.get(grp);
    groupBox.set(grp, {
      minX: Math.min(box?.minX ?? p.x, p.x),
      minY: Math.min(box?.minY ?? p.y, p.y),
      maxY: Math.max(box?.maxY ?? p.y, p.y),
    });
  };
  pos.forEach((p, v) => p && grow(g.group[v]!, p));
  const all = [...groupBox.values()];
  let bottom = Math.max(...all.map((b) => b.maxY));
  const left = Math.min(...all.map((b) => b.minX));

  // New nodes next to placed ones first, so that a chain of new nodes grows from what is already there.
  const pending = [...Array(g.n).keys()].filter((v) => pos[v] === undefined);
  const placed = (v: number): number => g.undirected[v]!.filter((u) => pos[u]).length;
  pending.sort((a, b) => placed(b) - placed(a));
  for (const v of pending) {
    const mean = (list: number[]): number => list.reduce((sum, u) => sum + pos[u]!.y, 0) / list.length;
    const callers = g.pred[v]!.filter((u) => pos[u]);
    const callees = g.succ[v]!.filter((u) => pos[u]);
    const box = groupBox.get(g.group[v]!);
    let want: Position;
    const near = g.undirected[v]!.filter((u) => pos[u]);
    if (g.hub[v] && near.length > 0) {
      const x = near.reduce((sum, u) => sum + pos[u]!.x, 0) / near.length;
      want = { x, y: (box?.minY ?? mean(near)) - options.rowGap };
    } else if (callers.length > 0) {
      want = { x: Math.max(...callers.map((u) => pos[u]!.x)) + options.layerGap, y: mean(callers) };
    } else if (callees.length > 0) {
      want = { x: Math.min(...callees.map((u) => pos[u]!.x)) - options.layerGap, y: mean(callees) };
    } else if (box) {
      want = { x: box.minX, y: box.maxY + options.rowGap };
    } else {
      bottom += options.rowGap + options.bandGap;
      want = { x: left, y: bottom };
    }
    // Stay inside the group's band (or just under it) so that namespace boxes do not grow into each other.
    if (box && !g.hub[v]) want.y = Math.min(Math.max(want.y, box.minY), box.maxY + options.rowGap);
    const spot = free(want);
    pos[v] = spot;
    taken.add(cell(spot));
    grow(g.group[v]!, spot);
    bottom = Math.max(bottom, spot.y);
  }
  return new Map(nodes.map((node, v) => [node.id, pos[v]!]));

  function free(want: Position): Position {
    for (let step = 0; step < 1000; step++) {
      const dy = (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * options.rowGap;
      const p = { x: want.x, y: want.y + dy };
      if (!taken.has(cell(p))) return p;
    }
    return want;
  }
}
