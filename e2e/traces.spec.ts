import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { generateTrace } from '../components/traces/__fixtures__/generate-trace';
import { spanRows } from '../lib/traces/span-tree';
import { startDemo } from './demo-process';
import { GraphPage } from './pages/graph';
import { TracesPage } from './pages/traces';

const run = promisify(execFile);

test.use({ viewport: { width: 1440, height: 900 } });

// From a red edge to the failing span, on the demo mesh: its traces come from the spans its waypoints and sidecars
// make, searched with TraceQL as Tempo would be.
test.describe('traces, demo mesh', () => {
  test.setTimeout(150_000);

  test('inject a fault, open the error traces from that edge, open one, see the failing span', async ({
    page,
  }) => {
    const demo = await startDemo(['--prometheus', 'off']);
    try {
      const dashboard = demo.line('dashboard');
      const kubectl = [
        '--kubeconfig',
        demo.line('kubeconfig'),
        '--cache-dir',
        `${demo.line('kubeconfig')}.cache`,
      ];
      for (const file of [
        'networking-destination-rule-all.yaml',
        'networking-virtual-service-ratings-test-abort.yaml',
      ]) {
        await run('kubectl', [
          ...kubectl,
          '-n',
          'bookinfo',
          'apply',
          '-f',
          `server/demo/__fixtures__/${file}`,
        ]);
      }
      const graph = new GraphPage(page);
      const traces = new TracesPage(page);

      await test.step('the edge into ratings turns unhealthy; its panel offers its error traces', async () => {
        await page.goto(`${dashboard}/graph?ns=bookinfo&refresh=5s&window=1m&waypoints=hide`);
        await expect
          .poll(() => graph.edgeHealth('ratings-v1'), { timeout: 30_000, intervals: [1_000] })
          .toEqual(expect.arrayContaining([expect.stringMatching(/^(degraded|failing)$/)]));
        const edges = await graph.drawn('edges');
        const edge = edges.find((e) => /reviews-v[23]->workload:bookinfo\/ratings-v1\|http\|L7$/.test(e.id));
        if (!edge) throw new Error(`no reviews -> ratings edge in ${edges.map((e) => e.id).join(', ')}`);
        await graph.click(edge);
        await expect(graph.errorTracesLink()).toBeVisible();
        await page.screenshot({ path: 'test-results/traces-demo-edge.png' });
      });

      await test.step('click 1: the traces page opens with the TraceQL filled in and finds failed requests', async () => {
        await graph.errorTracesLink().click();
        await expect(page).toHaveURL(/\/traces\?/);
        await expect(traces.traceqlInput()).toHaveValue(/span\.istio\.destination_workload = "ratings-v1"/);
        await expect(traces.traceqlInput()).toHaveValue(/status = error/);
        // The edge turns red within seconds; the sampled traces of the failed calls may take a few more ticks to
        // arrive, so search again, as a person would, until they are there.
        await expect
          .poll(
            async () => {
              if ((await traces.rows().count()) === 0) await page.getByTestId('trace-search-submit').click();
              return traces.rows().count();
            },
            { timeout: 30_000, intervals: [2_000] },
          )
          .toBeGreaterThan(0);
        await expect(traces.scatter()).toBeVisible();
        await page.screenshot({ path: 'test-results/traces-demo-search.png', fullPage: true });
      });

      await test.step('click 2: the trace opens on its failing span, a fault abort at the waypoint', async () => {
        await traces.rows().first().getByRole('link').first().click();
        await expect(traces.waterfall()).toBeVisible();
        await expect(traces.selectedSpan()).toHaveAttribute('data-error', 'true');
        await expect(traces.selectedSpan()).toHaveAttribute('data-waypoint', 'true');
        await expect(traces.spanDetails()).toContainText('FI');
        await expect(traces.spanDetails()).toContainText(/fault/i);
        await expect(traces.spanDetails()).toContainText('ratings-v1');
        await page.screenshot({ path: 'test-results/traces-demo-trace.png', fullPage: true });
      });

      await test.step('the trace drawn on the graph: its failed call into ratings in red', async () => {
        await traces.showOnGraph().click();
        await expect(graph.traceBanner()).toContainText(/failed/);
        await expect
          .poll(() => graph.onTrace(), { timeout: 20_000 })
          .toEqual(
            expect.arrayContaining([
              expect.stringMatching(/^!.*->workload:bookinfo\/ratings-v1(\|http\|L7)?$/),
            ]),
          );
        await page.screenshot({ path: 'test-results/traces-demo-on-graph.png' });
      });

      await test.step('malformed TraceQL is answered with the parser’s message next to the box', async () => {
        await page.goto(`${dashboard}/traces?q=${encodeURIComponent('{ span.http.status_code >= }')}`);
        await expect(traces.searchError()).toContainText(/parse error at line 1, col \d+/);
        await page.screenshot({ path: 'test-results/traces-demo-bad-query.png' });
      });
    } finally {
      await demo.stop();
    }
  });
});

test.describe('trace view, large traces', () => {
  test('a 10,000-span trace draws only the rows on screen and moves to its last span', async ({ page }) => {
    const trace = generateTrace(10_000);
    await page.route(`**/api/traces/${trace.traceId}`, (route) =>
      route.fulfill({ json: { data: trace, errors: [] } }),
    );
    // When the first row appears, on the page's own clock, to compare with when the answer finished arriving.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="span-row"]')) {
          (window as unknown as { firstRowAt: number }).firstRowAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const traces = new TracesPage(page);
    await page.goto(`/traces/${trace.traceId}`);
    await expect(traces.spanRows().first()).toBeVisible();
    // Figures for the note, not limits: this machine's two shared cores are not an SRE's laptop.
    const figures = await page.evaluate(() => {
      const answer = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/traces/')) as
        PerformanceResourceTiming | undefined;
      const firstRowAt = (window as unknown as { firstRowAt: number }).firstRowAt;
      return { answerEnd: answer?.responseEnd ?? 0, firstRowAt };
    });
    console.log(
      `10,000-span trace (${(JSON.stringify(trace).length / 1e6).toFixed(1)} MB): first rows ${Math.round(
        figures.firstRowAt - figures.answerEnd,
      )} ms after the answer arrived, ${Math.round(figures.firstRowAt)} ms after navigation`,
    );
    await expect(page.getByTestId('trace-span-count')).toContainText('10,000');
    const drawn = await traces.spanRows().count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    await traces.spanRows().first().click();
    await page.keyboard.press('End');
    const last = spanRows(trace).at(-1)?.span.spanId ?? '';
    await expect(traces.selectedSpan()).toHaveAttribute('data-span-id', last);
    expect(await traces.spanRows().count()).toBeLessThan(100);
    await expect(traces.spanDetails()).toContainText(last);
    await page.screenshot({ path: 'test-results/traces-large.png' });
  });
});
