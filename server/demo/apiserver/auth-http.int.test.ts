import * as k8s from '@kubernetes/client-node';
import { request as httpsRequest } from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_TOKEN } from '../world/rbac';
import { startAuthCluster } from './__fixtures__/auth-cluster';
import { type ApiServer, startApiServer, writeKubeconfig } from './index';
import { ResourceStore } from './store';

let api: ApiServer;
let dir: string;

beforeAll(async () => {
  api = await startAuthCluster();
  dir = await mkdtemp(join(tmpdir(), 'meshlens-auth-'));
});

afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

/** A client-node KubeConfig for the server with a user's token, loaded from a written kubeconfig. */
async function kubeConfigFor(token: string): Promise<k8s.KubeConfig> {
  const path = join(dir, `kubeconfig-${token}`);
  await writeKubeconfig(path, api.url, { token, certificateAuthority: api.certificateAuthority ?? '' });
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(path);
  return kc;
}

function status(error: unknown): { code: number; body: k8s.V1Status } {
  if (!(error instanceof k8s.ApiException)) throw error;
  return { code: error.code, body: JSON.parse(String(error.body)) as k8s.V1Status };
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  /** The first line of a streamed answer (a watch's first event). */
  firstLine: string;
}

/** One HTTPS request; header values given as arrays go out as several header lines. A watch is cut after its first event. */
function call(
  path: string,
  headers: Record<string, string | string[]> = {},
  options: { method?: string; body?: unknown } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${api.url}${path}`,
      {
        method: options.method ?? 'GET',
        headers: { ...headers, ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
        ca: api.certificateAuthority,
        timeout: 5_000,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('\n') && res.statusCode === 200 && /watch/.test(path)) res.destroy();
        });
        const done = (): void => {
          const firstLine = text.split('\n')[0] ?? '';
          let body: Record<string, unknown> = {};
          try {
            body = JSON.parse(firstLine) as Record<string, unknown>;
          } catch {
            body = {};
          }
          resolve({ status: res.statusCode ?? 0, body, firstLine });
        };
        res.on('end', done);
        res.on('close', done);
      },
    );
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

describe('client-node with a bearer token', () => {
  it("lists alice's rules in bookinfo: the Istio edit verbs on virtualservices, nothing in payments", async () => {
    const authz = (await kubeConfigFor('alice-demo-token')).makeApiClient(k8s.AuthorizationV1Api);
    const review = await authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'bookinfo' } } });
    expect(review.status?.incomplete).toBe(false);
    expect(review.status?.resourceRules).toContainEqual({
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      apiGroups: ['networking.istio.io'],
      resources: ['virtualservices', 'destinationrules'],
    });
    const payments = await authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'payments' } } });
    const resources = payments.status?.resourceRules.flatMap((r) => r.resources ?? []);
    expect(resources).toEqual(['selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'selfsubjectreviews']);
  });

  it('gets a Forbidden Status with details for a refused list', async () => {
    const core = (await kubeConfigFor('alice-demo-token')).makeApiClient(k8s.CoreV1Api);
    const refused = await core.listNamespacedPod({ namespace: 'payments' }).catch(status);
    expect(refused).toEqual({
      code: 403,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "payments"',
        reason: 'Forbidden',
        details: { group: '', kind: 'pods' },
        code: 403,
      },
    });
  });

  it('answers SubjectAccessReviews and TokenReviews for those allowed to ask', async () => {
    const admin = await kubeConfigFor(DEMO_ADMIN_TOKEN);
    const sar = await admin.makeApiClient(k8s.AuthorizationV1Api).createSubjectAccessReview({
      body: {
        spec: {
          user: 'bob',
          groups: ['payments-team'],
          resourceAttributes: { namespace: 'payments', verb: 'watch', resource: 'pods' },
        },
      },
    });
    expect(sar.status).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by RoleBinding "meshlens-demo-view-payments-team/payments" of ClusterRole ' +
        '"meshlens-demo-view" to Group "payments-team"',
    });
    const token = await admin
      .makeApiClient(k8s.AuthenticationV1Api)
      .createTokenReview({ body: { spec: { token: 'bob-demo-token' } } });
    expect(token.status).toEqual({
      authenticated: true,
      user: { username: 'bob', groups: ['payments-team', 'system:authenticated'] },
    });
    const alice = (await kubeConfigFor('alice-demo-token')).makeApiClient(k8s.AuthorizationV1Api);
    const refused = await alice
      .createSubjectAccessReview({
        body: { spec: { user: 'bob', nonResourceAttributes: { path: '/api', verb: 'get' } } },
      })
      .catch(status);
    expect(refused).toMatchObject({
      code: 403,
      body: {
        message:
          'subjectaccessreviews.authorization.k8s.io is forbidden: User "alice" cannot create resource ' +
          '"subjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope',
      },
    });
  });
});

describe('the HTTP gate', () => {
  it('opens health and version to anyone, and nothing else', async () => {
    expect((await call('/healthz')).status).toBe(200);
    expect((await call('/version')).body).toMatchObject({ major: '1', minor: '32' });
    expect(await call('/api')).toMatchObject({
      status: 401,
      body: { kind: 'Status', reason: 'Unauthorized', message: 'Unauthorized', code: 401 },
    });
    expect((await call('/api', bearer('bob-demo-token'))).status).toBe(200);
  });

  it('refuses non-resource paths outside discovery with the path in the message', async () => {
    expect(await call('/logs/', bearer('bob-demo-token'))).toMatchObject({
      status: 403,
      body: { reason: 'Forbidden', message: 'forbidden: User "bob" cannot get path "/logs/"' },
    });
  });

  it('authorizes watches (watch=true and the /watch/ prefix) as the watch verb', async () => {
    const alice = bearer('alice-demo-token');
    const allowed = await call('/api/v1/namespaces/bookinfo/pods?watch=true', alice);
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.firstLine)).toMatchObject({ type: 'ADDED', object: { kind: 'Pod' } });
    for (const path of [
      '/api/v1/namespaces/payments/pods?watch=1',
      '/api/v1/watch/namespaces/payments/pods',
    ]) {
      expect(await call(path, alice)).toMatchObject({
        status: 403,
        body: {
          message:
            'pods is forbidden: User "alice" cannot watch resource "pods" in API group "" in the namespace "payments"',
        },
      });
    }
  });

  it('takes several Impersonate-Group lines, and refuses groups without a user', async () => {
    const headers = {
      ...bearer(DEMO_ADMIN_TOKEN),
      'Impersonate-User': 'bob',
      'Impersonate-Group': ['payments-team', 'auditors'],
    };
    const review = await call('/apis/authentication.k8s.io/v1/selfsubjectreviews', headers, {
      method: 'POST',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    expect(review).toMatchObject({
      status: 201,
      body: {
        status: {
          userInfo: { username: 'bob', groups: ['payments-team', 'auditors', 'system:authenticated'] },
        },
      },
    });
    const groupOnly = await call('/api/v1/namespaces/payments/pods', {
      ...bearer(DEMO_ADMIN_TOKEN),
      'Impersonate-Group': 'payments-team',
    });
    expect(groupOnly.status).toBe(400);
    expect(groupOnly.body['message']).toContain('without impersonating a user');
  });
});

describe('without auth', () => {
  it('answers reviews as for system:admin, who may do anything', async () => {
    const open = await startApiServer({ store: new ResourceStore() });
    try {
      expect(open.url).toMatch(/^http:/);
      const post = (path: string, body: unknown): Promise<Record<string, unknown>> =>
        fetch(`${open.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<Record<string, unknown>>);
      expect(await post('/apis/authentication.k8s.io/v1/selfsubjectreviews', {})).toMatchObject({
        status: {
          userInfo: { username: 'system:admin', groups: ['system:masters', 'system:authenticated'] },
        },
      });
      expect(
        await post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
          spec: { resourceAttributes: { verb: 'delete', resource: 'nodes' } },
        }),
      ).toMatchObject({ status: { allowed: true } });
      expect(
        await post('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
          spec: { namespace: 'default' },
        }),
      ).toMatchObject({
        status: {
          resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
          nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
          incomplete: false,
        },
      });
    } finally {
      await open.close();
    }
  });
});
