import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMesh, type DemoMesh } from '../mesh';
import { DEMO_ADMIN_TOKEN } from '../world/rbac';
import { type Kubectl, kubectlFor } from './__fixtures__/kubectl';

let mesh: DemoMesh;
let alice: Kubectl;
let admin: Kubectl;

beforeAll(async () => {
  mesh = await startDemoMesh({ seed: 'auth', scale: 0, prefillMs: 0, auth: true });
  const trust = { certificateAuthority: mesh.api.certificateAuthority ?? '' };
  alice = await kubectlFor(mesh.api.url, { ...trust, token: 'alice-demo-token' });
  admin = await kubectlFor(mesh.api.url, { ...trust, token: DEMO_ADMIN_TOKEN });
});

afterAll(async () => {
  await alice?.dispose();
  await admin?.dispose();
  await mesh?.stop();
});

describe('startDemoMesh({ auth: true })', () => {
  it("serves the demo world over HTTPS to the demo's users, limited by the demo RBAC", async () => {
    expect(mesh.api.url).toMatch(/^https:/);
    const pods = await alice.run(['get', 'pods', '-n', 'bookinfo', '-o', 'name']);
    expect(pods.stdout).toContain('pod/productpage-v1-');
    expect((await alice.run(['get', 'pods', '-n', 'payments'])).stderr.trim()).toBe(
      'Error from server (Forbidden): pods is forbidden: User "alice" cannot list resource "pods" in API group "" ' +
        'in the namespace "payments"',
    );
    const bindings = await admin.run(['get', 'rolebindings', '-A', '-o', 'name']);
    expect(bindings.stdout.trim().split('\n')).toHaveLength(5);
    expect((await admin.run(['get', 'ns', 'payments', '-o', 'name'])).stdout.trim()).toBe(
      'namespace/payments',
    );
  });
});
