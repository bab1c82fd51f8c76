import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
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
});
