'use client';

import cytoscape from 'cytoscape';
import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';
import { graphStylesheet, type Theme } from '@/lib/graph/stylesheet';
import type { GraphView } from '@/lib/graph/view';
import { boundsOf, fitViewport } from '@/lib/graph/viewport';
import { fitBoxes, nodeExtents, syncGraph } from './cy-sync';
import { TrafficAnimation } from './traffic-animation';

/** Past this many elements, pan and zoom move a snapshot of the picture instead of redrawing it. */
const LARGE = 1500;

/** The largest zoom a fit goes to: a small graph is not blown up past a readable size. */
const FIT_MAX_ZOOM = 1.25;

/**
 * Fits the graph in view. A large graph is fitted from the positions and sizes the page knows (`nodeExtents`): asking
 * Cytoscape (`cy.fit`) would compute every element's style and label first, seconds before the first picture.
 */
function fit(cy: cytoscape.Core): void {
  if (cy.elements().length > LARGE) {
    const box = boundsOf(nodeExtents(cy));
    if (box !== null)
      cy.viewport(fitViewport(box, { width: cy.width(), height: cy.height() }, 30, FIT_MAX_ZOOM));
    return;
  }
  cy.fit(undefined, 30);
  if (cy.zoom() > FIT_MAX_ZOOM)
    cy.zoom({ level: FIT_MAX_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  if (cy.zoom() >= FIT_MAX_ZOOM) cy.center();
}

/** Cytoscape caches where its container is; a banner appearing above the graph moves it without a resize. */
function forgetContainerPosition(cy: cytoscape.Core | null): void {
  (cy as unknown as { renderer(): { invalidateContainerClientCoordsCache(): void } } | null)
    ?.renderer()
    .invalidateContainerClientCoordsCache();
}

/**
 * One long-lived Cytoscape instance in a div. New views are applied as a diff (positions kept, layout only for new
 * nodes); the viewport is fitted on the first picture and when asked (`fitToken`); `relayoutToken` asks for a full
 * layout. Selection is reported by id (`null` for the background).
 */
export function GraphCanvas(props: {
  view: GraphView;
  theme: Theme;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  animate: boolean;
  relayoutToken: number;
  fitToken: number;
  onReady: (cy: cytoscape.Core | null) => void;
}): ReactNode {
  const { view, theme, selectedId, animate, relayoutToken, fitToken } = props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const relayoutDone = useRef(0);
  const syncs = useRef(0);
  /** Whether the stylesheet in use is the large graphs' one (see `graphStylesheet`). */
  const largeStyle = useRef(false);
  const select = useEffectEvent((id: string | null) => props.onSelect(id));
  const ready = useEffectEvent((cy: cytoscape.Core | null) => props.onReady(cy));
  const currentTheme = useEffectEvent(() => theme);

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: graphStylesheet(currentTheme()),
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cy.on('tap', (event) => {
      const target = event.target as cytoscape.Core | cytoscape.SingularElementReturnValue;
      const isElement = target !== cy && 'id' in target && target.data('kind') !== 'namespace';
      select(isElement ? (target as cytoscape.SingularElementReturnValue).id() : null);
    });
    // A dragged node takes its namespace box along.
    cy.on('drag', 'node', (event) => {
      const box = (event.target as cytoscape.NodeSingular).data('box') as string | undefined;
      if (box !== undefined) fitBoxes(cy, new Set([box]));
    });
    cyRef.current = cy;
    ready(cy);
    return () => {
      ready(null);
      cyRef.current = null;
      cy.destroy();
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const start = performance.now();
    const first = cy.elements().empty();
    const relayout = relayoutToken !== relayoutDone.current;
    relayoutDone.current = relayoutToken;
    const { relaidOut } = syncGraph(cy, view, relayout);
    const large = cy.elements().length > LARGE;
    if (large !== largeStyle.current) {
      largeStyle.current = large;
      cy.style(graphStylesheet(currentTheme(), { large }));
    }
    // Not part of the public types: the renderer's option for moving a texture while panning.
    const renderer = (cy as unknown as { renderer(): { textureOnViewport?: boolean } }).renderer();
    renderer.textureOnViewport = large;
    if (first || relaidOut) fit(cy);
    // For people and tests measuring a refresh: the main-thread time of the last sync (with the fit, which measures
    // every label), when it ended, and how many there were. Drawing happens on the next animation frame.
    syncs.current++;
    const end = performance.now();
    container.current?.setAttribute('data-sync-ms', (end - start).toFixed(1));
    container.current?.setAttribute('data-synced-at', end.toFixed(0));
    container.current?.setAttribute('data-syncs', String(syncs.current));
    container.current?.setAttribute('data-elements', String(cy.elements().length));
  }, [view, relayoutToken]);

  useEffect(() => {
    if (cyRef.current) fit(cyRef.current);
  }, [fitToken]);

  useEffect(() => {
    cyRef.current?.style(graphStylesheet(theme, { large: largeStyle.current }));
  }, [theme]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      cy.elements('.faded').removeClass('faded');
      if (selectedId === null) return;
      // A call carried by waypoint hops is selected as the hops that carry it.
      const carriers = view.edges.filter((e) => e.edge.carries.some((c) => c.id === selectedId));
      const selected = cy.getElementById(selectedId).nonempty()
        ? cy.getElementById(selectedId)
        : carriers.reduce((all, e) => all.union(cy.getElementById(e.data.id)), cy.collection());
      if (selected.empty()) return;
      selected.select();
      // Fade what is not next to the selection, so that its callers and callees stand out.
      const near = selected
        .nodes()
        .closedNeighborhood()
        .union(selected.edges().connectedNodes())
        .union(selected);
      cy.elements().not(near).not('[kind = "namespace"]').addClass('faded');
    });
  }, [selectedId, view]);

  return (
    <div
      className="relative h-full w-full"
      onPointerEnter={() => forgetContainerPosition(cyRef.current)}
      onPointerDownCapture={() => forgetContainerPosition(cyRef.current)}
      onWheelCapture={() => forgetContainerPosition(cyRef.current)}
    >
      {/* Cytoscape makes its container position: relative, so size it by height, not by inset. */}
      <div ref={container} data-testid="graph-canvas" className="h-full w-full" />
      {animate && <TrafficAnimation cyRef={cyRef} view={view} theme={theme} />}
    </div>
  );
}
