/**
 * The Cytoscape stylesheet of the graph page, as data: tables of shapes, border styles and colours per theme, turned
 * into selectors over element data (`kind`, `health`, `dataplane`, `layer`, `found`, `label`, `width`). A refresh
 * changes data only; the stylesheet changes with the theme. The legend draws from the same tables.
 */
import type cytoscape from 'cytoscape';
import type { Dataplane, Health, NodeKind } from './types';

export type Theme = 'light' | 'dark';

/** Node shape per kind: waypoints stand out as hexagons, services as triangles (as in Kiali). */
export const NODE_SHAPES = {
  workload: 'round-rectangle',
  app: 'ellipse',
  service: 'round-triangle',
  waypoint: 'hexagon',
  gateway: 'round-diamond',
  external: 'round-tag',
  unknown: 'ellipse',
} as const satisfies Record<NodeKind, cytoscape.Css.NodeShape>;

/** Border per data plane: ambient solid, sidecar double (a proxy beside the app), out of mesh dashed. */
export const DATAPLANE_BORDER = {
  ambient: { style: 'solid', width: 3 },
  sidecar: { style: 'double', width: 6 },
  none: { style: 'dashed', width: 3 },
} as const satisfies Record<Dataplane, { style: cytoscape.Css.LineStyle | 'double'; width: number }>;

/** Colours per theme. Health colours are shared by node borders, edges and the legend. */
export interface Palette {
  health: Record<Health, string>;
  /** Edge colour for healthy traffic: quieter than the node green, so that red and amber edges stand out. */
  healthyEdge: string;
  nodeFill: string;
  waypointFill: string;
  gatewayFill: string;
  text: string;
  textBackground: string;
  namespaceFill: string;
  namespaceBorder: string;
  namespaceText: string;
  found: string;
  selected: string;
  /** A trace drawn on the graph. */
  trace: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    health: {
      healthy: '#16a34a',
      degraded: '#d97706',
      failing: '#dc2626',
      idle: '#94a3b8',
      unknown: '#64748b',
    },
    healthyEdge: '#5b8f74',
    nodeFill: '#ffffff',
    waypointFill: '#ede9fe',
    gatewayFill: '#e0f2fe',
    text: '#0f172a',
    textBackground: '#f8fafc',
    namespaceFill: '#e2e8f0',
    namespaceBorder: '#94a3b8',
    namespaceText: '#334155',
    found: '#facc15',
    selected: '#2563eb',
    trace: '#7c3aed',
  },
  dark: {
    health: {
      healthy: '#22c55e',
      degraded: '#f59e0b',
      failing: '#ef4444',
      idle: '#64748b',
      unknown: '#94a3b8',
    },
    healthyEdge: '#6fae8d',
    nodeFill: '#1e293b',
    waypointFill: '#3b2f63',
    gatewayFill: '#0c3b52',
    text: '#e2e8f0',
    textBackground: '#0f172a',
    namespaceFill: '#1e293b',
    namespaceBorder: '#475569',
    namespaceText: '#cbd5e1',
    found: '#eab308',
    selected: '#60a5fa',
    trace: '#a78bfa',
  },
};

/** The colour of an edge of the given health. */
export function edgeColour(health: Health, theme: Theme): string {
  const palette = PALETTES[theme];
  return health === 'healthy' ? palette.healthyEdge : palette.health[health];
}

type Style = cytoscape.StylesheetStyle;

function nodeRules(p: Palette): Style[] {
  return [
    {
      selector: 'node',
      style: {
        width: 38,
        height: 38,
        'background-color': p.nodeFill,
        'border-width': 3,
        'border-color': p.health.unknown,
        label: 'data(label)',
        color: p.text,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '150px',
        'text-background-color': p.textBackground,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 6,
        // Namespace boxes under edges under nodes.
        'z-index-compare': 'manual',
        'z-index': 20,
      },
    },
    ...Object.entries(NODE_SHAPES).map(([kind, shape]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape },
    })),
    {
      selector: 'node[kind = "waypoint"]',
      style: { 'background-color': p.waypointFill, width: 44, height: 44 },
    },
    {
      selector: 'node[kind = "gateway"]',
      style: { 'background-color': p.gatewayFill, width: 44, height: 44 },
    },
    { selector: 'node[kind = "unknown"]', style: { 'background-color': p.textBackground } },
    ...Object.entries(p.health).map(([health, colour]) => ({
      selector: `node[health = "${health}"]`,
      style: { 'border-color': colour },
    })),
    ...Object.entries(DATAPLANE_BORDER).map(([dataplane, border]) => ({
      selector: `node[dataplane = "${dataplane}"][kind = "workload"], node[dataplane = "${dataplane}"][kind = "app"]`,
      style: { 'border-style': border.style, 'border-width': border.width },
    })),
    {
      // A plain node sized around its members by the canvas (`w`, `h`), not a compound parent; clicks go through.
      selector: 'node[kind = "namespace"]',
      style: {
        width: 'data(w)',
        height: 'data(h)',
        events: 'no',
        'z-index': 0,
        shape: 'round-rectangle',
        'background-color': p.namespaceFill,
        'background-opacity': 0.35,
        'border-width': 1,
        'border-style': 'solid',
        'border-color': p.namespaceBorder,
        color: p.namespaceText,
        'font-size': 13,
        'font-weight': 'bold',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'text-background-opacity': 0,
      },
    },
  ];
}

function edgeRules(p: Palette, theme: Theme, large: boolean): Style[] {
  return [
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'z-index-compare': 'manual',
        'z-index': 10,
        'curve-style': large ? 'straight' : 'bezier',
        'line-color': edgeColour('healthy', theme),
        'target-arrow-color': edgeColour('healthy', theme),
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-size': 10,
        color: p.text,
        'text-background-color': p.textBackground,
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 6,
      },
    },
    ...(['failing', 'degraded', 'idle', 'unknown'] as const).map((health) => ({
      selector: `edge[health = "${health}"]`,
      style: { 'line-color': edgeColour(health, theme), 'target-arrow-color': edgeColour(health, theme) },
    })),
    // Hops out of a waypoint: the label near the callee, so that labels do not pile up on the waypoint.
    {
      selector: 'edge[labelAt = "target"]',
      style: { label: '', 'target-label': 'data(label)', 'target-text-offset': 52 } as cytoscape.Css.Edge,
    },
    // L4 (ztunnel only: connections and bytes) dashed; L7 (requests seen by a waypoint or sidecar) solid.
    { selector: 'edge[layer = "L4"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 5] } },
  ];
}

function stateRules(p: Palette): Style[] {
  return [
    {
      selector: '[?found]',
      style: { 'underlay-color': p.found, 'underlay-opacity': 0.55, 'underlay-padding': 7 },
    },
    // A trace drawn on the graph: its path glows, failed calls in red, everything else steps back.
    { selector: '[?offTrace]', style: { opacity: 0.18 } },
    {
      selector: 'node[?onTrace]',
      style: { 'underlay-color': p.trace, 'underlay-opacity': 0.45, 'underlay-padding': 8 },
    },
    {
      selector: 'edge[?onTrace]',
      style: { 'line-color': p.trace, 'target-arrow-color': p.trace, width: 5, 'z-index': 12 },
    },
    {
      selector: 'edge[?traceFailed]',
      style: { 'line-color': p.health.failing, 'target-arrow-color': p.health.failing },
    },
    { selector: 'node:selected', style: { 'border-color': p.selected, 'border-width': 5 } },
    {
      selector: 'edge:selected',
      style: { 'line-color': p.selected, 'target-arrow-color': p.selected, 'z-index': 15 },
    },
    { selector: '.faded', style: { opacity: 0.25 } },
  ];
}

/**
 * The whole stylesheet for a theme. A `large` graph draws its edges straight rather than as bundled curves: at a
 * thousand workloads the curves' control points are most of a second of the first picture, and the parallel L4
 * and L7 edges of one pair, which the curves keep apart, then lie on top of each other (the L7 one drawn solid).
 */
export function graphStylesheet(
  theme: Theme,
  options: { large?: boolean } = {},
): cytoscape.StylesheetStyle[] {
  const palette = PALETTES[theme];
  return [
    ...nodeRules(palette),
    ...edgeRules(palette, theme, options.large ?? false),
    ...stateRules(palette),
  ];
}
