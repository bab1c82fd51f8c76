import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthCluster } from '@/server/demo/apiserver/__fixtures__/auth-cluster';
import type { ApiServer } from '@/server/demo/apiserver';
import { DEMO_ADMIN_TOKEN } from '@/server/demo/world/rbac';
import { kubeRest } from '@/server/write/kube-rest';
import { impersonatingKubeConfig, kubeConfigWithToken } from './transport';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * Acting as a user against an API server that authenticates and enforces RBAC (the demo's, over HTTPS): with the
 * user's own token, and by impersonation with several groups, which must reach the server as one
 * `Impersonate-Group` line each (a single "a, b" line would be one group of that name).
 */

let api: ApiServer;
let admin: KubeConfig;

beforeAll(async () => {
  api = await startAuthCluster();
  admin = new KubeConfig();
  admin.loadFromOptions({
    clusters: [
      {
        name: 'demo',
        server: api.url,
        caData: Buffer.from(api.certificateAuthority ?? '').toString('base64'),
      },
    ],
    users: [{ name: 'admin', token: DEMO_ADMIN_TOKEN }],
    contexts: [{ name: 'demo', cluster: 'demo', user: 'admin' }],
    currentContext: 'demo',
  });
});

afterAll(async () => {
  await api.close();
});

const whoAmI = async (kc: KubeConfig): Promise<unknown> =>
  (
    await kubeRest(kc).create(
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      'whoami',
    )
  ).status;

describe('acting as a user', () => {
  it("sends the user's token instead of the dashboard's, over the same TLS", async () => {
    expect(await whoAmI(kubeConfigWithToken(admin, 'alice-demo-token'))).toMatchObject({
      userInfo: { username: 'alice', groups: expect.arrayContaining(['bookinfo-team']) },
    });
  });

  it('impersonates a user with every group on its own line, and is then limited to their rights', async () => {
    const bob = impersonatingKubeConfig(admin, { user: 'bob', groups: ['payments-team', 'oncall'] });
    const info = (await whoAmI(bob)) as { userInfo: { username: string; groups: string[] } };
    expect(info.userInfo.username).toBe('bob');
    expect(info.userInfo.groups).toEqual(expect.arrayContaining(['payments-team', 'oncall']));
    expect(info.userInfo.groups).not.toContain('payments-team, oncall');
    await expect(
      kubeRest(bob).list('/api/v1/namespaces/payments/pods', {}, 'list pods'),
    ).resolves.toHaveLength(1);
    await expect(
      kubeRest(bob).list('/api/v1/namespaces/bookinfo/pods', {}, 'list pods'),
    ).rejects.toMatchObject({
      kind: 'forbidden',
      message: expect.stringContaining('User "bob" cannot list resource "pods"'),
    });
  });
});
