/**
 * Fitting the graph in view from positions the page already knows, without asking Cytoscape for bounding boxes:
 * `cy.fit()` measures every element's style and label first, which at a thousand workloads is seconds of main
 * thread before the first picture.
 */

/** A rectangle in model coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A node as far as its extent goes: its centre and half its width and height (label included). */
export interface Extent {
  x: number;
  y: number;
  halfWidth: number;
  halfHeight: number;
}

/** The box around every extent; null for none. */
export function boundsOf(extents: Iterable<Extent>): Box | null {
  let box: Box | null = null;
  for (const e of extents) {
    const x1 = e.x - e.halfWidth;
    const x2 = e.x + e.halfWidth;
    const y1 = e.y - e.halfHeight;
    const y2 = e.y + e.halfHeight;
    box =
      box === null
        ? { x1, y1, x2, y2 }
        : {
            x1: Math.min(box.x1, x1),
            y1: Math.min(box.y1, y1),
            x2: Math.max(box.x2, x2),
            y2: Math.max(box.y2, y2),
          };
  }
  return box;
}

/**
 * The zoom and pan that show `box` whole in a `width` × `height` view with `padding` pixels on every side, centred,
 * zoomed no further in than `maxZoom` (so that a small graph is not blown up past a readable size).
 */
export function fitViewport(
  box: Box,
  view: { width: number; height: number },
  padding: number,
  maxZoom: number,
): { zoom: number; pan: { x: number; y: number } } {
  const boxWidth = Math.max(box.x2 - box.x1, 1);
  const boxHeight = Math.max(box.y2 - box.y1, 1);
  const room = (size: number): number => Math.max(size - 2 * padding, 1);
  const zoom = Math.min(room(view.width) / boxWidth, room(view.height) / boxHeight, maxZoom);
  return {
    zoom,
    pan: {
      x: view.width / 2 - (zoom * (box.x1 + box.x2)) / 2,
      y: view.height / 2 - (zoom * (box.y1 + box.y2)) / 2,
    },
  };
}
