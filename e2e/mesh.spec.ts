import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { GraphEdge, GraphResponse } from '../lib/graph/types';
import { startDemo } from './demo-process';

const run = promisify(execFile);

test.use({ viewport: { width: 1440, height: 900 } });

// The overview's mesh posture on the demo mesh: the control plane, a card per namespace kind, and a change made
// with kubectl showing up within two refreshes.
test.describe('mesh posture, demo mesh', () => {
  test.setTimeout(120_000);

  test('the overview shows the control plane and each namespace kind, and follows an enrollment', async ({
    page,
  }) => {
    const demo = await startDemo(['--prometheus', 'off']);
    try {
      const card = (namespace: string) =>
        page.locator(`[data-testid="namespace-card"][data-namespace="${namespace}"]`);
      await page.goto(`${demo.line('dashboard')}/?refresh=5s`);

      await test.step('the control plane strip: istiod, ztunnel on every node, istio-cni, Gateway API', async () => {
        for (const id of ['istiod', 'ztunnel', 'cni', 'gateway-api']) {
          await expect(page.getByTestId(`control-plane-${id}`)).toHaveAttribute('data-state', 'ok');
        }
        await expect(page.getByTestId('control-plane-ztunnel').locator('[data-ready="true"]')).toHaveCount(3);
      });

      await test.step('a card per namespace kind', async () => {
        await expect(card('bookinfo')).toHaveAttribute('data-mode', 'ambient');
        await expect(card('bookinfo')).toContainText('waypoint');
        await expect(card('payments')).toHaveAttribute('data-mode', 'ambient');
        await expect(card('legacy')).toHaveAttribute('data-mode', 'sidecar');
        await expect(card('outside')).toHaveAttribute('data-mode', 'none');
        // The outside client calls payments in plaintext, which PERMISSIVE lets through: a problem, sorted first.
        await expect(card('payments').getByTestId('namespace-problems')).toContainText(/plaintext/i, {
          timeout: 20_000,
        });
        await page.screenshot({ path: 'test-results/overview-posture.png', fullPage: true });
      });

      await test.step('a namespace page and a workload page bring it together', async () => {
        await card('bookinfo').getByRole('link', { name: 'bookinfo', exact: true }).click();
        const namespace = page.getByTestId('namespace-detail');
        await expect(namespace).toBeVisible();
        await expect(
          namespace.locator('[data-testid="detail-workload-row"][data-workload="reviews-v2"]'),
        ).toBeVisible();
        await expect(
          namespace.locator('[data-testid="detail-chart"][data-direction="inbound"]').first(),
        ).toBeVisible();
        await page.screenshot({ path: 'test-results/mesh-namespace.png', fullPage: true });
        await page.goto(`${demo.line('dashboard')}/mesh/workloads/bookinfo/reviews-v2?refresh=5s`);
        const workload = page.getByTestId('workload-detail');
        await expect(workload).toContainText('bookinfo/waypoint');
        await expect(
          workload.locator('[data-testid="detail-peer"][data-direction="caller"]').first(),
        ).toContainText('productpage-v1');
        await expect(
          workload.locator('[data-testid="detail-peer"][data-direction="callee"]').first(),
        ).toContainText('ratings-v1');
        await expect
          .poll(async () =>
            Number(
              await workload
                .locator('[data-testid="detail-chart"][data-direction="inbound"]')
                .first()
                .getAttribute('data-points'),
            ),
          )
          .toBeGreaterThan(5);
        await page.screenshot({ path: 'test-results/mesh-workload.png', fullPage: true });
      });

      await test.step('the waypoints view: bookinfo’s waypoint, what binds it, and why each workload uses it', async () => {
        await page.goto(`${demo.line('dashboard')}/mesh?refresh=5s`);
        const waypoint = page.locator(
          '[data-testid="waypoint-card"][data-name="waypoint"][data-namespace="bookinfo"]',
        );
        await expect(waypoint).toBeVisible();
        await expect(waypoint.getByTestId('waypoint-binding').first()).toContainText('istio.io/use-waypoint');
        await expect(waypoint.getByTestId('waypoint-traffic')).toContainText(/rps/);
        const reviews = page.locator('[data-testid="effective-waypoint-row"][data-workload="reviews-v2"]');
        await expect(reviews).toContainText('inherited from namespace');
        await page.screenshot({ path: 'test-results/mesh-waypoints.png', fullPage: true });
      });

      await test.step('the mTLS view: the plaintext sender into payments, and what to do about it', async () => {
        await page.getByTestId('mesh-tab-mtls').click();
        await expect(
          page.locator('[data-testid="mtls-namespace-row"][data-namespace="payments"]'),
        ).toHaveAttribute('data-mode', 'PERMISSIVE');
        await expect(page.getByTestId('plaintext-edge').filter({ hasText: 'outside' }).first()).toBeVisible();
        await expect(
          page.locator('[data-testid="mtls-finding"][data-code="permissive-plaintext"]'),
        ).toBeVisible();
        await expect(
          page.locator('[data-testid="mtls-finding"][data-code="permissive-all-mtls"]').first(),
        ).toBeVisible();
        await page.screenshot({ path: 'test-results/mesh-mtls.png', fullPage: true });
        await page.goto(`${demo.line('dashboard')}/?refresh=5s`);
      });

      await test.step('enrolling the out-of-mesh namespace shows on its card within two refreshes', async () => {
        const kubectl = [
          '--kubeconfig',
          demo.line('kubeconfig'),
          '--cache-dir',
          `${demo.line('kubeconfig')}.cache`,
        ];
        await run('kubectl', [
          ...kubectl,
          'label',
          'namespace',
          'outside',
          'istio.io/dataplane-mode=ambient',
        ]);
        await expect(card('outside')).toHaveAttribute('data-mode', 'ambient', { timeout: 10_000 });
      });
    } finally {
      await demo.stop();
    }
  });

  test('from the namespace pages: enroll outside, create and bind a waypoint in payments; its callers turn into L7 edges through it', async ({
    page,
  }) => {
    const demo = await startDemo(['--prometheus', 'off']);
    try {
      const dashboard = demo.line('dashboard');
      const dialog = page.getByTestId('action-dialog');
      /** Opens an action of a namespace page, checks what it says it will do, applies it and closes. */
      const act = async (action: string, effect: RegExp, screenshot: string): Promise<void> => {
        await page.getByTestId(`action-${action}`).click();
        await expect(dialog).toHaveAttribute('data-action', action);
        await expect(dialog.getByTestId('action-effect')).toContainText(effect);
        await expect(dialog.getByTestId('action-diff')).toBeVisible();
        await page.screenshot({ path: `test-results/${screenshot}.png`, fullPage: true });
        await dialog.getByTestId('action-apply').click();
        await expect(dialog.getByTestId('action-result')).toBeVisible();
        await dialog.getByTestId('action-close').click();
      };
      const clientToApi = async (): Promise<GraphEdge[]> => {
        const res = await fetch(`${dashboard}/api/graph?namespaces=payments,outside&window=1m&recent=10s`);
        const graph = (await res.json()) as GraphResponse;
        return graph.edges.filter((e) =>
          e.id.startsWith('workload:outside/client->workload:payments/api-v1|'),
        );
      };
      expect((await clientToApi()).map((e) => e.layer)).toEqual(['L4']);

      await test.step('enroll outside: the dialog says what will be captured, and applies', async () => {
        await page.goto(`${dashboard}/mesh/namespaces/outside?refresh=5s`);
        await act('enroll-ambient', /1 pod will be captured by ztunnel, no restarts/, 'mesh-action-enroll');
        await expect(page.getByTestId('action-remove-ambient')).toBeVisible({ timeout: 10_000 });
      });

      await test.step('create a waypoint in payments, then bind the namespace to it', async () => {
        await page.goto(`${dashboard}/mesh/namespaces/payments?refresh=5s`);
        await act('create-waypoint', /waypoint/i, 'mesh-action-create-waypoint');
        await page.getByTestId('action-bind-waypoint').click();
        await dialog.getByTestId('action-waypoint').selectOption('payments/waypoint');
        await expect(dialog.getByTestId('action-effect')).toContainText(
          /will pass through waypoint payments\/waypoint/,
        );
        await page.screenshot({ path: 'test-results/mesh-action-bind.png', fullPage: true });
        await dialog.getByTestId('action-apply').click();
        await expect(dialog.getByTestId('action-result')).toBeVisible();
        await dialog.getByTestId('action-close').click();
      });

      await test.step('the client’s calls into payments become an L7 edge through the new waypoint', async () => {
        await expect
          .poll(async () => (await clientToApi()).find((e) => e.layer === 'L7' && e.recent)?.via ?? null, {
            timeout: 30_000,
            intervals: [1_000],
          })
          .toBe('workload:payments/waypoint');
        await page.goto(`${dashboard}/graph?ns=payments,outside&refresh=5s&window=1m&waypoints=show`);
        await expect(page.getByTestId('graph-canvas')).toBeVisible();
        await page.screenshot({ path: 'test-results/mesh-action-l7-graph.png' });
      });
    } finally {
      await demo.stop();
    }
  });
});
