import { expect, type Locator, type Page } from '@playwright/test';

/** What the spec needs to know of one drawn element, read from the live Cytoscape instance. */
export interface DrawnElement {
  id: string;
  label: string;
  /** Position on the page (CSS px), for a real mouse click. */
  x: number;
  y: number;
}

/** The Cytoscape registration that Cytoscape itself keeps on its container element. */
interface CyContainer extends HTMLElement {
  _cyreg?: { cy?: CyLike };
}

/** The part of Cytoscape's API the page object reads (the browser side has no types of its own here). */
interface CyLike {
  elements(selector?: string): { map<T>(fn: (ele: CyElement) => T): T[] };
}

interface CyElement {
  id(): string;
  data(key: string): unknown;
  isNode(): boolean;
  renderedPosition(): { x: number; y: number };
  renderedMidpoint(): { x: number; y: number };
  position(): { x: number; y: number };
}

/**
 * The graph page as a person sees it: toolbar, canvas, legend, side panel and notices. Returns locators; the few
 * things only the canvas knows (which nodes are drawn, where) are read from the live Cytoscape instance.
 */
export class GraphPage {
  constructor(readonly page: Page) {}

  view(): Locator {
    return this.page.getByTestId('graph-view');
  }

  canvas(): Locator {
    return this.page.getByTestId('graph-canvas');
  }

  toolbar(): Locator {
    return this.page.getByTestId('graph-toolbar');
  }

  graphTypeSelect(): Locator {
    return this.page.getByTestId('graph-type-select');
  }

  labelSelect(): Locator {
    return this.page.getByTestId('graph-label-select');
  }

  waypointsToggle(): Locator {
    return this.page.getByTestId('graph-waypoints-toggle');
  }

  animateToggle(): Locator {
    return this.page.getByTestId('graph-animate-toggle');
  }

  findInput(): Locator {
    return this.page.getByTestId('graph-find-input');
  }

  findSummary(): Locator {
    return this.page.getByTestId('graph-find-input-summary');
  }

  findError(): Locator {
    return this.page.getByTestId('graph-find-input-error');
  }

  hideInput(): Locator {
    return this.page.getByTestId('graph-hide-input');
  }

  hideError(): Locator {
    return this.page.getByTestId('graph-hide-input-error');
  }

  exportPngButton(): Locator {
    return this.page.getByTestId('graph-export-png');
  }

  exportJsonButton(): Locator {
    return this.page.getByTestId('graph-export-json');
  }

  legend(): Locator {
    return this.page.getByTestId('graph-legend');
  }

  sidePanel(): Locator {
    return this.page.getByTestId('graph-side-panel');
  }

  panelTitle(): Locator {
    return this.sidePanel().getByTestId('graph-panel-title');
  }

  panelFact(name: string): Locator {
    return this.sidePanel().getByTestId(`graph-fact-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
  }

  problems(): Locator {
    return this.sidePanel().getByTestId('graph-problem');
  }

  empty(): Locator {
    return this.page.getByTestId('graph-empty');
  }

  error(): Locator {
    return this.page.getByTestId('graph-error');
  }

  sourceErrors(): Locator {
    return this.page.getByTestId('graph-errors');
  }

  updated(): Locator {
    return this.page.getByTestId('graph-updated');
  }

  /** Nodes (not namespace boxes) or edges drawn right now, with their labels and page positions. */
  async drawn(group: 'nodes' | 'edges'): Promise<DrawnElement[]> {
    const box = await this.canvas().boundingBox();
    const elements = await this.canvas().evaluate(
      (el, selector) => {
        const cy = (el as CyContainer)._cyreg?.cy;
        if (!cy) return [];
        return cy.elements(selector).map((ele) => {
          const at = ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint();
          return { id: ele.id(), label: String(ele.data('label') ?? ''), x: at.x, y: at.y };
        });
      },
      group === 'nodes' ? 'node[kind != "namespace"]' : 'edge',
    );
    return elements.map((e) => ({ ...e, x: e.x + (box?.x ?? 0), y: e.y + (box?.y ?? 0) }));
  }

  /** The health of every drawn edge into a node whose id contains `target` (e.g. `ratings-v1`). */
  async edgeHealth(target: string): Promise<string[]> {
    return this.canvas().evaluate((el, part) => {
      const cy = (el as CyContainer)._cyreg?.cy;
      if (!cy) return [];
      return cy
        .elements('edge')
        .map((ele) => ({
          target: String(ele.data('target') ?? ''),
          health: String(ele.data('health') ?? ''),
        }))
        .filter((e) => e.target.includes(part))
        .map((e) => e.health);
    }, target);
  }

  /** The value of `key` in the data of every drawn edge whose id contains `part` (e.g. `mtls`, `health`). */
  async edgeData(part: string, key: string): Promise<unknown[]> {
    return this.canvas().evaluate(
      (el, [idPart, dataKey]) => {
        const cy = (el as CyContainer)._cyreg?.cy;
        if (!cy) return [];
        return cy
          .elements('edge')
          .map((ele) => ({ id: ele.id(), value: ele.data(dataKey) }))
          .filter((e) => e.id.includes(idPart))
          .map((e) => e.value);
      },
      [part, key] as const,
    );
  }

  /** Ids of the drawn elements on the trace being shown (`?trace=`), failed ones with a `!` in front. */
  async onTrace(): Promise<string[]> {
    return this.canvas().evaluate((el) => {
      const cy = (el as CyContainer)._cyreg?.cy;
      if (!cy) return [];
      return cy
        .elements('[?onTrace]')
        .map((ele) => `${ele.data('traceFailed') === true ? '!' : ''}${ele.id()}`);
    });
  }

  errorTracesLink(): Locator {
    return this.sidePanel().getByTestId('graph-link-error-traces');
  }

  slowTracesLink(): Locator {
    return this.sidePanel().getByTestId('graph-link-slow-traces');
  }

  traceBanner(): Locator {
    return this.page.getByTestId('graph-trace-banner');
  }

  /** Model positions of the drawn nodes, to check that a refresh keeps them. */
  async positions(): Promise<Record<string, { x: number; y: number }>> {
    return this.canvas().evaluate((el) => {
      const cy = (el as CyContainer)._cyreg?.cy;
      const entries =
        cy?.elements('node[kind != "namespace"]').map((n) => [n.id(), n.position()] as const) ?? [];
      return Object.fromEntries(entries);
    });
  }

  /** Clicks a drawn element where it is on screen, as a person would. */
  async click(element: DrawnElement): Promise<void> {
    await this.page.mouse.click(element.x, element.y);
  }

  /** Waits (up to 30 s) for an edge whose id matches `id` to be drawn, then clicks it. */
  async clickEdge(id: RegExp): Promise<void> {
    const find = async (): Promise<DrawnElement | undefined> =>
      (await this.drawn('edges')).find((e) => id.test(e.id));
    await expect.poll(async () => (await find()) !== undefined, { timeout: 30_000 }).toBe(true);
    const edge = await find();
    if (!edge) throw new Error(`no edge ${String(id)}`);
    await this.click(edge);
  }
}
