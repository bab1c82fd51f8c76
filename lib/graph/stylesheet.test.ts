import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
  DATAPLANE_BORDER,
  NODE_SHAPES,
  PALETTES,
  edgeColour,
  graphStylesheet,
  type Theme,
} from './stylesheet';
import type { Health } from './types';

/** A headless Cytoscape with the stylesheet: what the renderer would compute, without a browser. */
function styled(theme: Theme, large = false): cytoscape.Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStylesheet(theme, { large }),
    elements: [
      {
        data: { id: 'ns:bookinfo', label: 'bookinfo', kind: 'namespace', health: 'none', dataplane: 'none' },
      },
      {
        data: {
          id: 'pp',
          box: 'ns:bookinfo',
          label: 'productpage-v1',
          kind: 'workload',
          health: 'healthy',
          dataplane: 'ambient',
          found: false,
        },
      },
      { data: { id: 'wp', label: 'waypoint', kind: 'waypoint', health: 'degraded', dataplane: 'none' } },
      { data: { id: 'inv', label: 'inv', kind: 'workload', health: 'failing', dataplane: 'sidecar' } },
      {
        data: { id: 'cl', label: 'client', kind: 'workload', health: 'idle', dataplane: 'none', found: true },
      },
      { data: { id: 'svc', label: 'reviews', kind: 'service', health: 'healthy', dataplane: 'ambient' } },
      {
        data: {
          id: 'e7',
          source: 'pp',
          target: 'wp',
          layer: 'L7',
          health: 'failing',
          label: '3 rps',
          width: 3,
        },
      },
      {
        data: {
          id: 'hop',
          source: 'pp',
          target: 'wp',
          layer: 'L7',
          health: 'healthy',
          label: '9 rps',
          width: 2,
        },
      },
      {
        data: { id: 'e4', source: 'cl', target: 'pp', layer: 'L4', health: 'healthy', label: '', width: 2 },
      },
    ],
  });
}

describe('graphStylesheet', () => {
  const cy = styled('light');
  const node = (id: string): cytoscape.NodeSingular => cy.getElementById(id) as cytoscape.NodeSingular;

  it('gives each kind its shape, the waypoint a distinctive one', () => {
    expect(node('pp').style('shape')).toBe('round-rectangle');
    expect(node('wp').style('shape')).toBe('hexagon');
    expect(node('svc').style('shape')).toBe('round-triangle');
    expect(new Set(Object.values(NODE_SHAPES)).size).toBeGreaterThanOrEqual(6);
  });

  it('colours node borders by health', () => {
    const colour = (id: string): string => node(id).style('border-color');
    expect(colour('pp')).toBe(hexToRgb(PALETTES.light.health.healthy));
    expect(colour('wp')).toBe(hexToRgb(PALETTES.light.health.degraded));
    expect(colour('inv')).toBe(hexToRgb(PALETTES.light.health.failing));
  });

  it('marks the data plane by border style: ambient solid, sidecar double, out of mesh dashed', () => {
    expect(node('pp').style('border-style')).toBe('solid');
    expect(node('inv').style('border-style')).toBe('double');
    expect(node('cl').style('border-style')).toBe('dashed');
    expect(DATAPLANE_BORDER.sidecar.width).toBeGreaterThan(DATAPLANE_BORDER.ambient.width);
  });

  it('draws L4 dashed and L7 solid, coloured by health, with the label and width from the data', () => {
    const l7 = cy.getElementById('e7');
    const l4 = cy.getElementById('e4');
    expect(l7.style('line-style')).toBe('solid');
    expect(l4.style('line-style')).toBe('dashed');
    expect(l7.style('line-color')).toBe(hexToRgb(PALETTES.light.health.failing));
    expect(l4.style('line-color')).toBe(hexToRgb(edgeColour('healthy', 'light')));
    expect(l7.style('label')).toBe('3 rps');
    expect(l7.style('width')).toBe('3px');
  });

  it('puts the label of a hop out of a waypoint near the callee instead of in the middle', () => {
    const hop = cy.getElementById('hop');
    expect(hop.style('label')).toBe('9 rps');
    hop.data('labelAt', 'target');
    expect(hop.style('target-label')).toBe('9 rps');
    expect(hop.style('label')).toBe('');
  });

  it('highlights found elements and styles namespaces as light boxes', () => {
    expect(Number(node('cl').style('underlay-opacity'))).toBeGreaterThan(0);
    expect(Number(node('pp').style('underlay-opacity'))).toBe(0);
    expect(Number(node('ns:bookinfo').style('background-opacity'))).toBeLessThan(0.5);
    expect(node('ns:bookinfo').style('label')).toBe('bookinfo');
  });

  it('bundles parallel edges as curves, but draws a large graph’s edges straight, arrows kept', () => {
    expect(cy.getElementById('e7').style('curve-style')).toBe('bezier');
    const large = styled('light', true).getElementById('e7');
    expect(large.style('curve-style')).toBe('straight');
    expect(large.style('target-arrow-shape')).toBe('triangle');
  });

  it('has a dark palette that differs and covers every health', () => {
    const dark = styled('dark');
    expect(dark.getElementById('pp').style('background-color')).toBe(hexToRgb(PALETTES.dark.nodeFill));
    expect(PALETTES.dark.nodeFill).not.toBe(PALETTES.light.nodeFill);
    const healths: Health[] = ['healthy', 'degraded', 'failing', 'idle', 'unknown'];
    for (const theme of ['light', 'dark'] as const) {
      expect(Object.keys(PALETTES[theme].health).sort()).toEqual([...healths].sort());
    }
  });
});

function hexToRgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}
