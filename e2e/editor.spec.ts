import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { EdgeRecent, GraphEdge, GraphResponse } from '../lib/graph/types';
import { startDemo } from './demo-process';
import { EditorPage } from './pages/editor';
import { GraphPage } from './pages/graph';

const run = promisify(execFile);

test.use({ viewport: { width: 1440, height: 900 } });

const V2_TO_RATINGS = /workload:bookinfo\/reviews-v2->workload:bookinfo\/ratings-v1\|http\|L7$/;

const TO_REVIEWS = (version: string): RegExp =>
  new RegExp(`workload:bookinfo/productpage-v1->workload:bookinfo/reviews-${version}\\|http\\|L7$`);
const TO_DETAILS = /workload:bookinfo\/productpage-v1->workload:bookinfo\/details-v1\|http\|L7$/;

/** A bookinfo edge as the API answers it (waypoints joined), with its recent sub-window. */
async function bookinfoEdge(dashboard: string, id: RegExp): Promise<GraphEdge | undefined> {
  const res = await fetch(`${dashboard}/api/graph?namespaces=bookinfo&window=1m&recent=10s`);
  const graph = (await res.json()) as GraphResponse;
  return graph.edges.find((e) => id.test(e.id));
}

/** The reviews-v2 -> ratings-v1 edge as the API answers it, with its recent sub-window. */
async function v2ToRatings(dashboard: string): Promise<GraphEdge | undefined> {
  return bookinfoEdge(dashboard, V2_TO_RATINGS);
}

// From the graph to a change in the cluster and back: the shortcut prepares the object, the preview says what it
// will do to the traffic seen, the apply goes through the write path, the graph shows the effect, undo restores.
test.describe('editing the mesh, demo mesh', () => {
  test.setTimeout(180_000);

  test('deny reviews-v2 -> ratings from the graph: preview, apply, 403 in the graph, undo; a concurrent edit is a conflict', async ({
    page,
  }) => {
    const demo = await startDemo(['--prometheus', 'off']);
    try {
      const dashboard = demo.line('dashboard');
      const graph = new GraphPage(page);
      const editor = new EditorPage(page);

      await test.step('the edge’s panel offers “Deny this caller”', async () => {
        await page.goto(`${dashboard}/graph?ns=bookinfo&refresh=5s&window=1m&waypoints=hide`);
        await graph.clickEdge(V2_TO_RATINGS);
        await page.getByTestId('graph-change-deny').click();
      });

      await test.step('the preview lists that edge as denied, with the diff', async () => {
        await expect(editor.editor()).toBeVisible();
        await editor.previewButton().click();
        const denied = page.locator(
          '[data-testid="impact-edge"][data-effect="deny"][data-source="workload:bookinfo/reviews-v2"]',
        );
        await expect(denied.first()).toBeVisible();
        await expect(editor.diff()).toContainText('DENY');
        await page.screenshot({ path: 'test-results/editor-preview.png', fullPage: true });
      });

      await test.step('apply: the edge turns to 403 in the graph', async () => {
        await editor.applyButton().click();
        await expect(editor.applied()).toBeVisible();
        await expect
          .poll(async () => (await v2ToRatings(dashboard))?.responseCodes['403'] ?? 0, { timeout: 20_000 })
          .toBeGreaterThan(0);
        await expect
          .poll(async () => (await v2ToRatings(dashboard))?.health, { timeout: 20_000 })
          .toBe('failing');
        await page.screenshot({ path: 'test-results/editor-applied.png', fullPage: true });
      });

      await test.step('undo: the requests go through again', async () => {
        await editor.undo().click();
        // The window still holds the refusals; the recent sub-window shows the traffic restored.
        await expect
          .poll(async () => (await v2ToRatings(dashboard))?.recent?.errorRate, {
            timeout: 30_000,
            intervals: [1_000],
          })
          .toBe(0);
      });

      await test.step('a concurrent edit is refused with both versions, not overwritten', async () => {
        const kubectl = [
          '--kubeconfig',
          demo.line('kubeconfig'),
          '--cache-dir',
          `${demo.line('kubeconfig')}.cache`,
        ];
        const abort = 'server/demo/__fixtures__/networking-virtual-service-ratings-test-abort.yaml';
        await run('kubectl', [...kubectl, '-n', 'bookinfo', 'apply', '-f', abort]);
        await page.goto(`${dashboard}/config/edit?kind=VirtualService&ns=bookinfo&name=ratings`);
        await expect(editor.editor()).toBeVisible();
        // Someone else changes the object after the editor loaded it.
        await run('kubectl', [
          ...kubectl,
          '-n',
          'bookinfo',
          'annotate',
          'virtualservice',
          'ratings',
          'changed-by=someone-else',
        ]);
        await editor.previewButton().click();
        await expect(editor.conflict()).toBeVisible();
        await expect(page.getByTestId('editor-conflict-theirs')).toContainText('someone-else');
        await page.screenshot({ path: 'test-results/editor-conflict.png', fullPage: true });
      });
    } finally {
      await demo.stop();
    }
  });

  test('shift traffic and inject a fault from the graph, each previewed, seen in the graph and undone', async ({
    page,
  }) => {
    const demo = await startDemo(['--prometheus', 'off']);
    try {
      const dashboard = demo.line('dashboard');
      const graph = new GraphPage(page);
      const editor = new EditorPage(page);
      const openShortcut = async (edgeId: RegExp, shortcut: string): Promise<void> => {
        await page.goto(`${dashboard}/graph?ns=bookinfo&refresh=5s&window=1m&waypoints=hide`);
        await graph.clickEdge(edgeId);
        await page.getByTestId(shortcut).click();
        await expect(editor.editor()).toBeVisible();
      };
      // An edge with no requests in the recent sub-window has no `recent` figures (its window's stand).
      const recent = async (edgeId: RegExp): Promise<EdgeRecent | undefined> =>
        (await bookinfoEdge(dashboard, edgeId))?.recent ?? undefined;

      await test.step('shift traffic: the draft splits reviews over the subsets bookinfo’s DestinationRule defines', async () => {
        await openShortcut(TO_REVIEWS('v1'), 'graph-change-shift');
        const weights = page.getByTestId('vs-destination-weight');
        await expect(weights).toHaveCount(3);
        const subsets = page.getByTestId('vs-destination-subset');
        for (const [i, subset] of ['v1', 'v2', 'v3'].entries())
          await expect(subsets.nth(i)).toHaveValue(subset);
        // Send everything to v3 (red stars), as a presenter would.
        await weights.nth(0).fill('0');
        await weights.nth(1).fill('0');
        await weights.nth(2).fill('100');
        await expect(page.getByTestId('vs-weight-sum')).toHaveAttribute('data-sum', '100');
      });

      await test.step('its preview shows the split now and after, and no missing subset', async () => {
        await editor.previewButton().click();
        const v3 = page.locator('[data-testid="impact-split"] tr[data-workload$="reviews-v3"]');
        await expect(v3.locator('td').nth(2)).toHaveText('100%');
        await expect(
          page.locator('[data-testid="impact-split"] tr[data-workload$="reviews-v1"] td').nth(2),
        ).toHaveText('0%');
        await expect(page.getByTestId('editor-warning')).not.toContainText(['subset']);
        await page.screenshot({ path: 'test-results/editor-shift-preview.png', fullPage: true });
      });

      await test.step('apply: reviews-v1 gets no more requests, reviews-v3 all of them; undo brings v1 back', async () => {
        await editor.applyButton().click();
        await expect(editor.applied()).toBeVisible();
        await expect
          .poll(async () => (await recent(TO_REVIEWS('v1')))?.requestsPerSecond ?? 0, {
            timeout: 30_000,
            intervals: [1_000],
          })
          .toBe(0);
        expect((await recent(TO_REVIEWS('v3')))?.requestsPerSecond ?? 0).toBeGreaterThan(5);
        await editor.undo().click();
        await expect
          .poll(async () => (await recent(TO_REVIEWS('v1')))?.requestsPerSecond ?? 0, {
            timeout: 30_000,
            intervals: [1_000],
          })
          .toBeGreaterThan(1);
      });

      await test.step('inject a fault: abort half of the calls into details with 500', async () => {
        await openShortcut(TO_DETAILS, 'graph-change-fault');
        await expect(page.getByTestId('vs-abort-toggle')).toBeChecked();
        await page.getByTestId('vs-abort-percent').fill('50');
        await editor.previewButton().click();
        await expect(page.getByTestId('impact-route').first()).toContainText('500');
        await page.screenshot({ path: 'test-results/editor-fault-preview.png', fullPage: true });
        await editor.applyButton().click();
        await expect(editor.applied()).toBeVisible();
      });

      await test.step('the edge into details fails in the graph; undo brings its error rate back to 0', async () => {
        // In a second tab, as a presenter would keep the graph open beside the editor.
        const graphTab = await page.context().newPage();
        await graphTab.goto(`${dashboard}/graph?ns=bookinfo&refresh=5s&window=1m&waypoints=hide`);
        await expect
          .poll(() => new GraphPage(graphTab).edgeHealth('details-v1'), {
            timeout: 30_000,
            intervals: [1_000],
          })
          .toContain('failing');
        await graphTab.screenshot({ path: 'test-results/editor-fault-graph.png' });
        await graphTab.close();
        expect((await bookinfoEdge(dashboard, TO_DETAILS))?.responseCodes['500'] ?? 0).toBeGreaterThan(0);
        await editor.undo().click();
        await expect
          .poll(async () => (await recent(TO_DETAILS))?.errorRate, { timeout: 30_000, intervals: [1_000] })
          .toBe(0);
      });
    } finally {
      await demo.stop();
    }
  });

  test('read-only mode: no edit controls anywhere, and the write routes refuse', async ({ page }) => {
    const demo = await startDemo(['--prometheus', 'off'], 'metrics', { READ_ONLY: 'true' });
    try {
      const dashboard = demo.line('dashboard');
      const graph = new GraphPage(page);
      await page.goto(`${dashboard}/graph?ns=bookinfo&refresh=5s&window=1m&waypoints=hide`);
      await graph.clickEdge(V2_TO_RATINGS);
      await expect(page.getByTestId('graph-link-error-traces')).toBeVisible();
      await expect(page.getByTestId('graph-change-deny')).toHaveCount(0);
      await page.goto(`${dashboard}/config/edit?kind=VirtualService&ns=bookinfo&new=1`);
      await expect(new EditorPage(page).readOnly()).toBeVisible();
      await expect(page.getByTestId('editor-apply')).toHaveCount(0);
      const refused = await fetch(`${dashboard}/api/write/apply`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: dashboard },
        body: '{}',
      });
      expect(refused.status).toBe(403);
      await page.screenshot({ path: 'test-results/editor-read-only.png', fullPage: true });
    } finally {
      await demo.stop();
    }
  });
});
