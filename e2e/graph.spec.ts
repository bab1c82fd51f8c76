import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import type { GraphResponse } from '../lib/graph/types';
import { startDemo } from './demo-process';
import { GraphPage, type DrawnElement } from './pages/graph';

const run = promisify(execFile);

const FIXTURE = JSON.parse(
  readFileSync('components/graph/__fixtures__/bookinfo-graph.json', 'utf8'),
) as GraphResponse;
const WAYPOINT = 'workload:bookinfo/waypoint';

/** Answers `GET /api/graph` with recorded answers (the last one repeats), as the browser would get them. */
async function serveGraph(page: Page, ...answers: GraphResponse[]): Promise<() => number> {
  let calls = 0;
  await page.route('**/api/graph?*', async (route) => {
    const answer = answers[Math.min(calls, answers.length - 1)];
    calls++;
    await route.fulfill({ json: answer });
  });
  return () => calls;
}

// A common laptop screen: what the screenshots should be judged at.
test.use({ viewport: { width: 1440, height: 900 } });

function named(elements: DrawnElement[], label: string): DrawnElement {
  const found = elements.find((e) => e.label.split('\n')[0] === label);
  if (!found) throw new Error(`no ${label} in ${elements.map((e) => e.label).join(', ')}`);
  return found;
}

test.describe('graph page, live cluster without istio metrics', () => {
  test('says there is no traffic instead of drawing an empty canvas', async ({ page }) => {
    const graph = new GraphPage(page);
    await page.goto('/graph?ns=bookinfo&refresh=off');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Graph');
    await expect(graph.empty().or(graph.error())).toBeVisible();
    await expect(graph.empty()).toContainText('No traffic in the window');
    await expect(graph.exportPngButton()).toBeDisabled();
    await page.screenshot({ path: 'test-results/graph-empty.png' });
  });
});

test.describe('graph page, recorded bookinfo answer', () => {
  test('draws the mesh, opens an edge, finds and hides', async ({ page }) => {
    await serveGraph(page, FIXTURE);
    const graph = new GraphPage(page);
    await page.goto('/graph?ns=bookinfo&refresh=off');
    await expect(graph.canvas()).toHaveAttribute('data-elements', /\d+/);
    const nodes = await graph.drawn('nodes');
    for (const name of [
      'productpage-v1',
      'reviews-v1',
      'reviews-v2',
      'reviews-v3',
      'ratings-v1',
      'waypoint',
    ]) {
      expect(named(nodes, name)).toBeTruthy();
    }
    await expect(graph.legend()).toBeVisible();
    await expect(graph.problems().first()).toContainText('ratings-v1');
    await page.screenshot({ path: 'test-results/graph-fixture.png' });

    await test.step('click an edge: the side panel shows its rate', async () => {
      const edges = await graph.drawn('edges');
      const edge = edges.find((e) => e.id.startsWith('workload:legacy/inventory-sync->'));
      if (!edge) throw new Error('no inventory-sync edge');
      await graph.click(edge);
      await expect(graph.panelTitle()).toHaveText('inventory-sync → inventory-v1');
      await expect(graph.panelFact('Requests')).toHaveText('3.0 rps');
      await expect(graph.sidePanel().getByTestId('graph-codes')).toContainText('200');
      await page.screenshot({ path: 'test-results/graph-fixture-edge.png' });
    });

    await test.step('hide waypoints: the waypoint goes and calls run directly', async () => {
      await graph.waypointsToggle().uncheck();
      await expect(page).toHaveURL(/waypoints=hide/);
      await expect.poll(async () => (await graph.drawn('nodes')).map((n) => n.id)).not.toContain(WAYPOINT);
      const edges = await graph.drawn('edges');
      expect(edges.map((e) => e.id)).toContain(
        'workload:bookinfo/productpage-v1->workload:bookinfo/details-v1|http|L7',
      );
    });

    await test.step('a malformed expression says where it is wrong', async () => {
      await graph.hideInput().fill('errorRate >');
      await graph.hideInput().press('Enter');
      await expect(graph.hideError()).toHaveText(/Column 12: expected a value after ">"/);
    });

    await test.step('a hide expression removes matching nodes', async () => {
      await graph.hideInput().fill('ns = legacy or name = reviews*');
      await graph.hideInput().press('Enter');
      await expect(graph.hideError()).toBeHidden();
      await expect
        .poll(async () => (await graph.drawn('nodes')).map((n) => n.label.split('\n')[0]))
        .not.toContain('reviews-v2');
      const labels = (await graph.drawn('nodes')).map((n) => n.label.split('\n')[0]);
      expect(labels).not.toContain('inventory-v1');
      expect(labels).toContain('productpage-v1');
    });

    await test.step('find highlights and counts', async () => {
      await graph.findInput().fill('!mtls');
      await graph.findInput().press('Enter');
      await expect(graph.findSummary()).toHaveText('2 found');
      await page.screenshot({ path: 'test-results/graph-fixture-find-hide.png' });
    });

    await test.step('export the picture and the answer', async () => {
      const png = page.waitForEvent('download');
      await graph.exportPngButton().click();
      expect((await png).suggestedFilename()).toBe(
        'meshlens-graph-bookinfo+istio-system+legacy+outside+payments-2026-06-01T03-00-00Z.png',
      );
      const json = page.waitForEvent('download');
      await graph.exportJsonButton().click();
      const saved = JSON.parse(readFileSync((await (await json).path()) ?? '', 'utf8')) as GraphResponse;
      expect(saved.nodes).toHaveLength(FIXTURE.nodes.length);
    });

    await test.step('traffic animation draws over the graph', async () => {
      await graph.animateToggle().check();
      await expect(page.getByTestId('graph-animation')).toBeVisible();
      await page.screenshot({ path: 'test-results/graph-fixture-animated.png' });
    });
  });

  test('keeps positions on a refresh, places the new node, and shows source errors as a notice', async ({
    page,
  }) => {
    const next = structuredClone(FIXTURE);
    next.meta.end = '2026-06-01T03:00:10.000Z';
    next.errors = [{ source: 'prometheus', kind: 'timeout', message: 'latency query timed out after 10s' }];
    const ratings = next.nodes.find((n) => n.name === 'ratings-v1');
    if (!ratings) throw new Error('fixture has no ratings-v1');
    next.nodes.push({ ...ratings, id: 'workload:bookinfo/ratings-v2', name: 'ratings-v2', version: 'v2' });
    next.edges.push({
      ...next.edges[6]!,
      id: 'workload:bookinfo/reviews-v3->workload:bookinfo/ratings-v2|http|L7',
      source: 'workload:bookinfo/reviews-v3',
      target: 'workload:bookinfo/ratings-v2',
    });
    const calls = await serveGraph(page, FIXTURE, next);
    const graph = new GraphPage(page);
    await page.goto('/graph?ns=bookinfo&refresh=5s&waypoints=hide');
    await expect(graph.canvas()).toHaveAttribute('data-elements', /\d+/);
    const before = await graph.positions();
    await expect.poll(calls, { timeout: 12_000 }).toBeGreaterThan(1);
    await expect(graph.sourceErrors()).toContainText('latency query timed out');
    await expect
      .poll(async () => Object.keys(await graph.positions()))
      .toContain('workload:bookinfo/ratings-v2');
    const after = await graph.positions();
    for (const [id, p] of Object.entries(before)) expect(after[id], id).toEqual(p);
    const syncMs = Number(await graph.canvas().getAttribute('data-sync-ms'));
    console.log(`graph refresh with one new node: ${syncMs} ms of sync`);
    await page.screenshot({ path: 'test-results/graph-refresh-notice.png' });
  });

  test('a failed request is an error box, not a crashed page', async ({ page }) => {
    await page.route('**/api/graph?*', (route) =>
      route.fulfill({ status: 400, json: { error: { message: 'namespaces must be * or a list' } } }),
    );
    const graph = new GraphPage(page);
    await page.goto('/graph?refresh=off');
    await expect(graph.error()).toContainText('namespaces must be * or a list');
    await expect(graph.toolbar()).toBeVisible();
  });

  test('dark theme', async ({ page }) => {
    await serveGraph(page, FIXTURE);
    await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    const graph = new GraphPage(page);
    await page.goto('/graph?ns=bookinfo&refresh=off&label=errors');
    await expect(graph.canvas()).toHaveAttribute('data-elements', /\d+/);
    await page.screenshot({ path: 'test-results/graph-fixture-dark.png' });
  });
});

/** Runs the demo command (no Prometheus: the mesh serves its metrics directly) for the length of `body`. */
async function withDemo(
  args: string[],
  body: (dashboard: string, kubeconfig: string) => Promise<void>,
): Promise<void> {
  const demo = await startDemo(['--prometheus', 'off', ...args]);
  try {
    await body(demo.line('dashboard'), demo.line('kubeconfig'));
  } finally {
    await demo.stop();
  }
}

test.describe('graph page, demo mesh', () => {
  test.setTimeout(120_000);

  test('draws bookinfo with its waypoint from live demo traffic', async ({ page }) => {
    await withDemo([], async (dashboard) => {
      const graph = new GraphPage(page);
      const opened = Date.now();
      await page.goto(`${dashboard}/graph?ns=bookinfo&refresh=5s`);
      await expect(graph.canvas()).toHaveAttribute('data-elements', /\d+/, { timeout: 30_000 });
      console.log(`demo bookinfo graph drawn ${Date.now() - opened} ms after navigation`);
      await expect
        .poll(async () => (await graph.drawn('nodes')).map((n) => n.label.split('\n')[0]), {
          timeout: 20_000,
        })
        .toEqual(
          expect.arrayContaining([
            'productpage-v1',
            'reviews-v1',
            'reviews-v2',
            'reviews-v3',
            'ratings-v1',
            'waypoint',
          ]),
        );
      await page.screenshot({ path: 'test-results/graph-demo.png' });

      await test.step('click an edge: the side panel shows its rate', async () => {
        const edge = (await graph.drawn('edges')).find((e) => e.id.includes('productpage-v1->'));
        if (!edge) throw new Error('no edge from productpage');
        await graph.click(edge);
        await expect(graph.panelFact('Requests')).toHaveText(/\d rps/);
        await page.screenshot({ path: 'test-results/graph-demo-edge.png' });
      });

      await test.step('the service graph draws services', async () => {
        await graph.graphTypeSelect().selectOption('service');
        await expect
          .poll(async () => (await graph.drawn('nodes')).map((n) => n.label.split('\n')[0]), {
            timeout: 20_000,
          })
          .toEqual(expect.arrayContaining(['productpage', 'reviews', 'ratings', 'details']));
        await page.screenshot({ path: 'test-results/graph-demo-services.png' });
        await graph.graphTypeSelect().selectOption('workload');
        await expect
          .poll(async () => (await graph.drawn('nodes')).map((n) => n.label.split('\n')[0]))
          .toContain('reviews-v2');
      });

      await test.step('hide waypoints: the waypoint node goes', async () => {
        await graph.waypointsToggle().uncheck();
        await expect
          .poll(async () => (await graph.drawn('nodes')).map((n) => n.label.split('\n')[0]))
          .not.toContain('waypoint');
      });

      await test.step('an edge drawn directly shows its rate over the whole window', async () => {
        const edge = (await graph.drawn('edges')).find((e) =>
          e.id.includes('productpage-v1->workload:bookinfo/reviews-v2'),
        );
        if (!edge) throw new Error('no productpage -> reviews-v2 edge with waypoints hidden');
        await graph.click(edge);
        const sparkline = page.getByTestId('graph-sparkline');
        await expect(sparkline).toContainText('requests/s over the last 5m');
        // The demo pre-fills ten minutes of history: the window is already full of points, not one per refresh.
        await expect
          .poll(async () => Number(await sparkline.getAttribute('data-points')))
          .toBeGreaterThan(10);
        await page.screenshot({ path: 'test-results/graph-demo-sparkline.png' });
      });

      await test.step('a hide expression removes matching nodes', async () => {
        await graph.hideInput().fill('name = reviews*');
        await graph.hideInput().press('Enter');
        await expect
          .poll(async () => (await graph.drawn('nodes')).map((n) => n.label.split('\n')[0]))
          .not.toContain('reviews-v1');
        expect((await graph.drawn('nodes')).map((n) => n.label.split('\n')[0])).toContain('productpage-v1');
        await page.screenshot({ path: 'test-results/graph-demo-hidden.png' });
      });
    });
  });

  test('applying the ratings abort VirtualService turns the path to ratings red (failing) within two refreshes', async ({
    page,
  }) => {
    await withDemo([], async (dashboard, kubeconfig) => {
      const graph = new GraphPage(page);
      await page.goto(`${dashboard}/graph?ns=bookinfo&refresh=5s&window=1m`);
      const intoRatings = async (): Promise<string[]> => graph.edgeHealth('ratings-v1');
      await expect.poll(intoRatings, { timeout: 30_000 }).toContain('healthy');
      expect(await intoRatings()).not.toContain('degraded');

      const kubectl = ['--kubeconfig', kubeconfig, '--cache-dir', `${kubeconfig}.cache`, '-n', 'bookinfo'];
      for (const file of [
        'networking-destination-rule-all.yaml',
        'networking-virtual-service-ratings-test-abort.yaml',
      ]) {
        await run('kubectl', [...kubectl, 'apply', '-f', `server/demo/__fixtures__/${file}`]);
      }
      const applied = Date.now();
      // Two refreshes of 5 s. Jason's share (half) of ratings calls now fails: a few seconds of it are over the
      // 10% failing threshold in the recent sub-window (two refreshes, 10 s), while the 1m window is only degraded.
      await expect.poll(intoRatings, { timeout: 10_000, intervals: [500] }).toContain('failing');
      console.log(`ratings abort: edges into ratings failing ${Date.now() - applied} ms after kubectl apply`);
      await page.screenshot({ path: 'test-results/graph-demo-ratings-abort.png' });
    });
  });

  test('enrolling the out-of-mesh namespace turns its edge into payments to mTLS within two refreshes', async ({
    page,
  }) => {
    await withDemo([], async (dashboard, kubeconfig) => {
      const graph = new GraphPage(page);
      /** Each graph answer, with when its request left: the refreshes. */
      const answers: { sent: number; body: Promise<GraphResponse> }[] = [];
      page.on('request', (request) => {
        if (!request.url().includes('/api/graph?')) return;
        const sent = Date.now();
        answers.push({
          sent,
          body: request.response().then(async (r) => (await r?.json()) as GraphResponse),
        });
      });
      await page.goto(`${dashboard}/graph?ns=payments&refresh=5s&window=1m&label=mtls`);
      const fromOutside = 'workload:outside/client->workload:payments/';
      const outside = async (): Promise<unknown[]> => graph.edgeData(fromOutside, 'mtls');
      await expect.poll(outside, { timeout: 30_000 }).toEqual([0]);

      const kubectl = ['--kubeconfig', kubeconfig, '--cache-dir', `${kubeconfig}.cache`];
      await run('kubectl', [...kubectl, 'label', 'namespace', 'outside', 'istio.io/dataplane-mode=ambient']);
      const labelled = Date.now();
      // The client -> payments edge is L4 (payments has no waypoint): the share shown is of the connections opened
      // in the recent sub-window, one refresh (5 s) read from the demo's 1 s frames. The 1m window alone would stay
      // mostly plaintext for most of a minute.
      await expect.poll(outside, { timeout: 15_000, intervals: [250] }).toEqual([1]);
      const shown = Date.now();
      const refreshes = await Promise.all(
        answers
          .filter((a) => a.sent >= labelled && a.sent <= shown)
          .map(async (a) => {
            const edge = (await a.body).edges.find((e) => e.id.startsWith(fromOutside));
            return { afterMs: a.sent - labelled, mtls: edge?.recent?.mtls ?? edge?.mtls };
          }),
      );
      console.log(`enrolment: refreshes after kubectl label ${JSON.stringify(refreshes)}`);
      // The first refresh may still hold connections opened before the label took effect; the second does not.
      expect(refreshes.findIndex((r) => r.mtls === 1)).toBeGreaterThanOrEqual(0);
      expect(refreshes.findIndex((r) => r.mtls === 1)).toBeLessThanOrEqual(1);
      await page.screenshot({ path: 'test-results/graph-demo-enrolled.png' });

      await test.step('its side panel shows the recent share, and says over what', async () => {
        const edge = (await graph.drawn('edges')).find((e) =>
          e.id.startsWith('workload:outside/client->workload:payments/'),
        );
        if (!edge) throw new Error('no outside -> payments edge');
        await graph.click(edge);
        await expect(graph.panelFact('mTLS')).toHaveText('✓ all of it · last 5 s');
        await page.screenshot({ path: 'test-results/graph-demo-enrolled-edge.png' });
      });
    });
  });

  // Figures, not limits: this machine's two shared cores and software rendering are not an SRE's laptop.
  test('a thousand workloads: first picture, refresh and panning', async ({ page }) => {
    await withDemo(['--scale', '1000'], async (dashboard) => {
      const graph = new GraphPage(page);
      // The mesh needs a few ticks before it has traffic to show; measure the page, not the warm-up.
      await expect
        .poll(
          async () => ((await (await fetch(`${dashboard}/api/graph`)).json()) as GraphResponse).nodes.length,
          { timeout: 30_000 },
        )
        .toBeGreaterThan(900);
      // Page-side timings: main-thread tasks over 50 ms, when the answer arrived, when the first frame was drawn.
      await page.addInitScript(() => {
        const tasks: [number, number][] = [];
        Object.assign(window, { longTasks: tasks });
        new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => tasks.push([Math.round(e.startTime), Math.round(e.duration)])),
        ).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${dashboard}/graph?refresh=5s`);
      await expect(graph.canvas()).toHaveAttribute('data-syncs', '1', { timeout: 60_000 });
      const timings = await page.evaluate(async () => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const painted = performance.now();
        const answer = performance
          .getEntriesByType('resource')
          .find((e) => e.name.includes('/api/graph?')) as PerformanceResourceTiming | undefined;
        const tasks = (window as unknown as { longTasks: [number, number][] }).longTasks;
        return { answered: Math.round(answer?.responseEnd ?? -1), painted: Math.round(painted), tasks };
      });
      const syncedAt = Number(await graph.canvas().getAttribute('data-synced-at'));
      const firstSync = Number(await graph.canvas().getAttribute('data-sync-ms'));
      const elements = Number(await graph.canvas().getAttribute('data-elements'));
      const afterAnswer = timings.tasks.filter(([start]) => start >= timings.answered);
      expect((await graph.drawn('nodes')).length).toBeGreaterThan(900);
      await expect(graph.canvas()).toHaveAttribute('data-syncs', /^[2-9]$/, { timeout: 20_000 });
      const refreshSync = Number(await graph.canvas().getAttribute('data-sync-ms'));
      await page.screenshot({ path: 'test-results/graph-scale-1000.png' });
      const box = await graph.canvas().boundingBox();
      if (!box) throw new Error('no canvas');
      const frames = graph.canvas().evaluate(
        () =>
          new Promise<number>((resolve) => {
            let count = 0;
            const start = performance.now();
            const tick = (now: number): void => {
              count++;
              if (now - start < 2000) requestAnimationFrame(tick);
              else resolve((count * 1000) / (now - start));
            };
            requestAnimationFrame(tick);
          }),
      );
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 0; i < 40; i++)
        await page.mouse.move(box.x + box.width / 2 + i * 5, box.y + box.height / 2 + i * 2);
      await page.mouse.up();
      const fps = await frames;
      console.log(
        `1,000 workloads, ${elements} elements (ms since navigation): answer in at ${timings.answered}, ` +
          `sync done at ${Math.round(syncedAt)} (${firstSync} ms), first frame by ${timings.painted}; ` +
          `long tasks after the answer [start, ms]: ${JSON.stringify(afterAnswer)}; ` +
          `refresh sync ${refreshSync} ms; ${fps.toFixed(0)} frames/s while panning`,
      );
    });
  });
});
