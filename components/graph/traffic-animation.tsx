'use client';

import type cytoscape from 'cytoscape';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { PALETTES, type Theme } from '@/lib/graph/stylesheet';
import type { GraphView } from '@/lib/graph/view';

/** Dots per second along an edge, in px per second at zoom 1. */
const SPEED = 90;

interface Flow {
  edge: cytoscape.EdgeSingular;
  /** Dots on the edge: more traffic, more dots (1 to 5). */
  dots: number;
  /** Dots drawn red: the failed share. */
  red: number;
}

/**
 * Traffic as dots moving from caller to callee on a canvas over the graph: more dots for more traffic, red dots for
 * the failed share. Drawn on its own canvas so that Cytoscape does not restyle anything per frame.
 */
export function TrafficAnimation(props: {
  cyRef: RefObject<cytoscape.Core | null>;
  view: GraphView;
  theme: Theme;
}): ReactNode {
  const { cyRef, view, theme } = props;
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    // Built on the first frame: the canvas applies the same view in an effect that runs after this one.
    let flows: Flow[] | null = null;
    const build = (cy: cytoscape.Core): Flow[] => {
      const out: Flow[] = [];
      for (const { data, edge } of view.edges) {
        const volume = edge.layer === 'L7' ? edge.requestsPerSecond : (edge.bytesPerSecond ?? 0) / 1000;
        const ele = cy.getElementById(data.id);
        if (volume <= 0 || ele.empty() || !ele.isEdge()) continue;
        const dots = Math.max(1, Math.min(5, Math.round(1 + Math.log10(1 + volume) * 2)));
        out.push({
          edge: ele,
          dots,
          red: edge.errorRate > 0 ? Math.max(1, Math.round(dots * edge.errorRate)) : 0,
        });
      }
      return out;
    };
    const palette = PALETTES[theme];
    let frame = 0;
    const draw = (now: number): void => {
      frame = requestAnimationFrame(draw);
      // The Cytoscape instance is made by the canvas's effect, which runs after this one on the first render.
      const cy = cyRef.current;
      if (!cy) return;
      flows ??= build(cy);
      const ratio = window.devicePixelRatio || 1;
      const { clientWidth: w, clientHeight: h } = el;
      if (el.width !== w * ratio || el.height !== h * ratio) {
        el.width = w * ratio;
        el.height = h * ratio;
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const zoom = cy.zoom();
      const pan = cy.pan();
      const radius = Math.max(1.5, Math.min(4, 3 * zoom));
      for (const flow of flows) {
        if (flow.edge.removed() || flow.edge.hasClass('faded')) continue;
        const a = flow.edge.sourceEndpoint();
        const b = flow.edge.targetEndpoint();
        const length = Math.hypot(b.x - a.x, b.y - a.y);
        if (length < 1) continue;
        const phase = ((now / 1000) * SPEED) / length;
        for (let i = 0; i < flow.dots; i++) {
          const t = (phase + i / flow.dots) % 1;
          const x = (a.x + (b.x - a.x) * t) * zoom + pan.x;
          const y = (a.y + (b.y - a.y) * t) * zoom + pan.y;
          if (x < -10 || y < -10 || x > w + 10 || y > h + 10) continue;
          ctx.fillStyle = i < flow.red ? palette.health.failing : palette.selected;
          ctx.beginPath();
          ctx.arc(x, y, radius, 0, Math.PI * 2);
          ctx.fill();
        }
      }
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [cyRef, view, theme]);

  return (
    <canvas
      ref={canvas}
      data-testid="graph-animation"
      aria-hidden
      className="pointer-events-none absolute inset-0 h-full w-full"
    />
  );
}
