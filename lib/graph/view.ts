/**
 * The view model of the graph page: what to draw for a {@link GraphResponse} and the page's options. Pure.
 *
 * With waypoints shown, a logical edge that passed a waypoint (`via`) is drawn as two segments, caller -> waypoint
 * and waypoint -> callee; segments are aggregated per (caller, waypoint) and (waypoint, callee) and remember the
 * logical edges they carry. With waypoints hidden (or the waypoint not in the answer, or hidden by expression)
 * edges run directly and waypoint nodes are dropped. Each namespace gets a box `ns:<name>`, and its nodes name it in
 * `box`. The boxes are plain nodes sized around their members by the canvas, not Cytoscape compound parents: with
 * compound nodes Cytoscape re-dirties parents and descendants on every style property it applies, which made the
 * first picture of a 1,000-workload mesh several times slower.
 */
import { appliesTo, matches, type Expr, type Subject } from './expression';
import { worstHealth } from './health';
import { aggregateRecent, shownMtls } from './recent';
import type { TracePath } from './trace-path';
import type { GraphEdge, GraphNode, GraphResponse, Health, NodeKind } from './types';

/** What each edge's label shows. */
export type LabelMode = 'none' | 'rps' | 'errors' | 'p95' | 'mtls';

export interface ViewOptions {
  showWaypoints: boolean;
  labelMode: LabelMode;
  /** Elements matching it are not drawn (a node takes its edges with it). */
  hide: Expr | null;
  /** Elements matching it are highlighted. */
  find: Expr | null;
  /** A trace to draw: its nodes and edges stand out, everything else fades. Absent: no trace shown. */
  trace?: TracePath | null;
}

/** Cytoscape data of a node: primitives only, so that a refresh is a shallow compare. */
export interface NodeData {
  id: string;
  /** The namespace box `ns:<name>` it is drawn in; absent on boxes and on nodes outside any namespace. */
  box?: string;
  label: string;
  kind: NodeKind | 'namespace';
  health: Health | 'none';
  dataplane: GraphNode['dataplane'] | 'none';
  found: boolean;
  /** On the trace being shown. */
  onTrace: boolean;
  /** A trace is shown and this is not on it. */
  offTrace: boolean;
}

/** Cytoscape data of a drawn edge. */
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  layer: 'L4' | 'L7';
  health: Health;
  label: string;
  /**
   * Where the label sits: mid-line, or near the callee for a waypoint -> callee hop, so that the labels of the many
   * hops leaving a waypoint do not pile up on it (hops into it start from callers spread over the picture).
   */
  labelAt: 'middle' | 'target';
  /** Line width in px, from the traffic. */
  width: number;
  /** The mTLS share shown (`shownMtls`: recent when there is recent traffic); 1 when all of it was mTLS. */
  mtls: number;
  found: boolean;
  /** On the trace being shown: `failed` when the traced call failed on it. */
  onTrace: boolean;
  traceFailed: boolean;
  /** A trace is shown and this is not on it. */
  offTrace: boolean;
}

/**
 * An edge as drawn: a logical edge, or a waypoint segment aggregating the logical edges it carries. Its `mtls` is
 * the share shown (the carried edges' `shownMtls`), and `recent` their recent figures together.
 */
export interface DrawnEdge extends Omit<GraphEdge, 'protocol' | 'via'> {
  protocols: GraphEdge['protocol'][];
  /** True for a caller -> waypoint or waypoint -> callee segment. */
  segment: boolean;
  /** The logical edges behind it (itself when drawn directly). */
  carries: GraphEdge[];
}

export interface GraphView {
  nodes: { data: NodeData; node: GraphNode | null }[];
  edges: { data: EdgeData; edge: DrawnEdge }[];
  /** Drawn elements that match the find expression. */
  found: number;
  /** Elements of the answer left out by the hide expression. */
  hidden: { nodes: number; edges: number };
}

/** `12 rps`, `3.3 rps`, `0.05 rps`. */
export function formatRps(rps: number): string {
  if (rps === 0) return '0 rps';
  const digits = rps >= 10 ? 0 : rps >= 1 ? 1 : 2;
  return `${rps.toFixed(digits)} rps`;
}

/** A 0..1 share as a percentage: `0%`, `4.0%`, `25%`, `<0.1%`. */
export function formatPercent(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(share >= 0.1 ? 0 : 1)}%`;
}

/** Milliseconds: `12 ms`, `1.2 s`. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Bytes per second: `512 B/s`, `2.1 kB/s`, `18 MB/s`. */
export function formatBytes(bps: number): string {
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let value = bps;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The text an edge shows for a label mode. */
export function edgeLabel(edge: DrawnEdge, mode: LabelMode): string {
  switch (mode) {
    case 'none':
      return '';
    case 'rps':
      if (edge.layer === 'L4') return edge.bytesPerSecond === null ? 'L4' : formatBytes(edge.bytesPerSecond);
      return formatRps(edge.requestsPerSecond);
    case 'errors':
      // Only failures: a label on every healthy line would hide the few that matter.
      return edge.layer === 'L4' || edge.errorRate === 0 ? '' : formatPercent(edge.errorRate);
    case 'p95':
      return edge.latencyMs === null ? '' : formatMs(edge.latencyMs.p95);
    case 'mtls':
      return edge.mtls >= 1
        ? '✓ mTLS'
        : `⚠ ${edge.mtls === 0 ? 'plaintext' : `${formatPercent(edge.mtls)} mTLS`}`;
  }
}

function edgeWidth(edge: DrawnEdge): number {
  const volume =
    edge.layer === 'L7'
      ? edge.requestsPerSecond
      : edge.bytesPerSecond === null
        ? 0
        : edge.bytesPerSecond / 1000;
  return Math.round((1.5 + Math.min(4.5, Math.log10(1 + volume) * 2)) * 10) / 10;
}

const DATAPLANE_TAG: Record<GraphNode['dataplane'], string> = {
  ambient: '',
  sidecar: 'sidecar',
  none: 'no mesh',
};

/** A node's label: its name, and a second line of tags (data plane when not ambient, VS, L7 authz). */
export function nodeLabel(node: GraphNode): string {
  const tags = [
    node.kind === 'workload' || node.kind === 'app' ? DATAPLANE_TAG[node.dataplane] : '',
    node.badges.virtualService ? 'VS' : '',
    node.badges.l7Policy ? 'L7 authz' : '',
  ].filter((tag) => tag !== '');
  const name = node.kind === 'unknown' ? 'unknown caller' : node.name;
  return tags.length === 0 ? name : `${name}\n${tags.join(' · ')}`;
}

/** Sums the logical edges of one drawn edge. Latency is the worst carried percentile: percentiles do not add. */
export function aggregate(id: string, source: string, target: string, carries: GraphEdge[]): DrawnEdge {
  let rps = 0;
  let failed = 0;
  let bytes: number | null = null;
  let mtlsWeight = 0;
  let mtlsSum = 0;
  // The mTLS share shown, weighted by requests, else by bytes (L4), else each edge alike.
  const byRps = carries.some((e) => e.requestsPerSecond > 0);
  const byBytes = !byRps && carries.some((e) => (e.bytesPerSecond ?? 0) > 0);
  const healths: Health[] = [];
  let latency: DrawnEdge['latencyMs'] = null;
  const codes: Record<string, number> = {};
  const protocols = new Set<GraphEdge['protocol']>();
  const sourcePrincipals = new Set<string>();
  const destinationPrincipals = new Set<string>();
  for (const e of carries) {
    rps += e.requestsPerSecond;
    failed += e.requestsPerSecond * e.errorRate;
    if (e.bytesPerSecond !== null) bytes = (bytes ?? 0) + e.bytesPerSecond;
    const weight = byRps ? e.requestsPerSecond : byBytes ? (e.bytesPerSecond ?? 0) : 1;
    mtlsWeight += weight;
    mtlsSum += weight * shownMtls(e);
    healths.push(e.health);
    for (const [code, value] of Object.entries(e.responseCodes)) codes[code] = (codes[code] ?? 0) + value;
    if (e.latencyMs) {
      latency = latency
        ? {
            p50: Math.max(latency.p50, e.latencyMs.p50),
            p95: Math.max(latency.p95, e.latencyMs.p95),
            p99: Math.max(latency.p99, e.latencyMs.p99),
          }
        : { ...e.latencyMs };
    }
    protocols.add(e.protocol);
    e.sourcePrincipals.forEach((p) => sourcePrincipals.add(p));
    e.destinationPrincipals.forEach((p) => destinationPrincipals.add(p));
  }
  return {
    id,
    source,
    target,
    layer: carries.some((e) => e.layer === 'L7') ? 'L7' : 'L4',
    protocols: [...protocols].sort(),
    requestsPerSecond: rps,
    errorRate: rps > 0 ? failed / rps : 0,
    responseCodes: codes,
    latencyMs: latency,
    bytesPerSecond: bytes,
    mtls: mtlsWeight > 0 ? mtlsSum / mtlsWeight : 0,
    sourcePrincipals: [...sourcePrincipals].sort(),
    destinationPrincipals: [...destinationPrincipals].sort(),
    health: worstHealth(healths),
    recent: aggregateRecent(carries),
    segment: id.startsWith('seg:'),
    carries,
  };
}

/** What a node offers to find/hide expressions; `errorRate` is over its incoming L7 traffic. */
export function nodeSubject(node: GraphNode, inbound: { rps: number; failed: number }): Subject {
  return {
    name: node.name,
    ns: node.namespace,
    kind: node.kind,
    dataplane: node.dataplane,
    app: node.app,
    version: node.version,
    waypoint: node.waypoint?.name ?? null,
    health: node.health,
    rps: node.inboundRps,
    errorRate: inbound.rps > 0 ? inbound.failed / inbound.rps : 0,
    l7policy: node.badges.l7Policy,
    vs: node.badges.virtualService,
  };
}

/** What an edge offers to find/hide expressions. */
export function edgeSubject(edge: GraphEdge | DrawnEdge): Subject {
  return {
    health: edge.health,
    protocol: 'protocol' in edge ? edge.protocol : edge.protocols.join(','),
    layer: edge.layer,
    rps: edge.requestsPerSecond,
    errorRate: edge.errorRate,
    p50: edge.latencyMs?.p50,
    p95: edge.latencyMs?.p95,
    p99: edge.latencyMs?.p99,
    bytes: edge.bytesPerSecond ?? undefined,
    // A drawn edge's share is already the one shown.
    mtls: 'carries' in edge ? edge.mtls : shownMtls(edge),
  };
}

/** A predicate for one kind of element, or null when the expression does not apply to it. */
function tester(expr: Expr | null, target: 'node' | 'edge'): ((s: Subject) => boolean) | null {
  return expr !== null && appliesTo(expr, target) ? (s) => matches(expr, s) : null;
}

/** Builds what to draw. */
export function buildView(graph: GraphResponse, options: ViewOptions): GraphView {
  const hideNode = tester(options.hide, 'node');
  const hideEdge = tester(options.hide, 'edge');
  const findNode = tester(options.find, 'node');
  const findEdge = tester(options.find, 'edge');
  const trace = options.trace ?? null;

  const inbound = new Map<string, { rps: number; failed: number }>();
  for (const e of graph.edges) {
    const entry = inbound.get(e.target) ?? { rps: 0, failed: 0 };
    entry.rps += e.requestsPerSecond;
    entry.failed += e.requestsPerSecond * e.errorRate;
    inbound.set(e.target, entry);
  }

  const kept = new Map<string, { node: GraphNode; found: boolean }>();
  let hiddenNodes = 0;
  for (const node of graph.nodes) {
    // Only built when an expression needs it: a thousand nodes refresh every few seconds.
    const subject =
      hideNode || findNode ? nodeSubject(node, inbound.get(node.id) ?? { rps: 0, failed: 0 }) : {};
    if (hideNode?.(subject)) hiddenNodes++;
    else if (node.kind !== 'waypoint' || options.showWaypoints) {
      kept.set(node.id, { node, found: findNode?.(subject) ?? false });
    }
  }

  const groups = new Map<
    string,
    { source: string; target: string; labelAt: EdgeData['labelAt']; carries: GraphEdge[] }
  >();
  const add = (
    id: string,
    source: string,
    target: string,
    edge: GraphEdge,
    labelAt: EdgeData['labelAt'],
  ): void => {
    const group = groups.get(id) ?? { source, target, labelAt, carries: [] };
    group.carries.push(edge);
    groups.set(id, group);
  };
  let hiddenEdges = 0;
  for (const edge of graph.edges) {
    if (hideEdge?.(edgeSubject(edge))) {
      hiddenEdges++;
      continue;
    }
    if (!kept.has(edge.source) || !kept.has(edge.target)) continue;
    if (edge.via !== null && kept.has(edge.via) && edge.via !== edge.source && edge.via !== edge.target) {
      add(`seg:${edge.source}->${edge.via}`, edge.source, edge.via, edge, 'middle');
      add(`seg:${edge.via}->${edge.target}`, edge.via, edge.target, edge, 'target');
    } else {
      add(edge.id, edge.source, edge.target, edge, 'middle');
    }
  }

  let found = 0;
  const nodes: GraphView['nodes'] = [];
  const namespaces = new Set<string>();
  for (const { node, found: isFound } of kept.values()) {
    if (node.namespace !== '') namespaces.add(node.namespace);
    if (isFound) found++;
    nodes.push({
      node,
      data: {
        id: node.id,
        ...(node.namespace !== '' && { box: `ns:${node.namespace}` }),
        label: nodeLabel(node),
        kind: node.kind,
        health: node.health,
        dataplane: node.dataplane,
        found: isFound,
        onTrace: trace?.nodes.has(node.id) ?? false,
        offTrace: trace ? !trace.nodes.has(node.id) : false,
      },
    });
  }
  const boxes = [...namespaces].sort().map((ns) => ({
    node: null,
    data: {
      id: `ns:${ns}`,
      label: ns,
      kind: 'namespace',
      health: 'none',
      dataplane: 'none',
      found: false,
      onTrace: false,
      offTrace: false,
    } as const,
  }));

  const edges: GraphView['edges'] = [];
  for (const [id, group] of groups) {
    const edge = aggregate(id, group.source, group.target, group.carries);
    const isFound = findEdge !== null && group.carries.some((e) => findEdge(edgeSubject(e)));
    if (isFound) found++;
    const onTrace = trace !== null && group.carries.some((e) => trace.edges.has(e.id));
    edges.push({
      edge,
      data: {
        id,
        source: group.source,
        target: group.target,
        layer: edge.layer,
        health: edge.health,
        label: edgeLabel(edge, options.labelMode),
        labelAt: group.labelAt,
        width: edgeWidth(edge),
        mtls: edge.mtls,
        found: isFound,
        onTrace,
        traceFailed: onTrace && group.carries.some((e) => trace?.failedEdges.has(e.id) ?? false),
        offTrace: trace !== null && !onTrace,
      },
    });
  }
  return { nodes: [...boxes, ...nodes], edges, found, hidden: { nodes: hiddenNodes, edges: hiddenEdges } };
}
