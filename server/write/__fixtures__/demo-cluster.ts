/**
 * The write routes' integration tests: the demo's default world served by the demo API server, a client-node
 * KubeConfig for it (from the kubeconfig the demo writes), and the write handlers built over it, called as the
 * browser would call them (same origin, the capabilities token in header and cookie, JSON bodies).
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { ResourceStore, startApiServer, type ApiServer, type KubeObject } from '@/server/demo/apiserver';
import { defaultWorld, materializeWorld } from '@/server/demo/world';
import { writeDemoKubeconfig } from '@/server/testing/demo-cluster';
import { csrfSecret } from '../csrf';
import {
  actingAsDashboard,
  applyHandler,
  auditHandler,
  capabilitiesHandler,
  deleteHandler,
  previewHandler,
  revertHandler,
  type WriteRouteDeps,
} from '../handlers';

/** Where the dashboard is served in these tests. */
export const ORIGIN = 'http://dashboard.test';

/** A running demo cluster with the handlers over it. */
export interface WriteCluster {
  api: ApiServer;
  store: ResourceStore;
  kc: KubeConfig;
  /** Lines the write path logged. */
  logs: string[];
  deps: WriteRouteDeps;
  handlers: {
    capabilities: (r: Request) => Promise<Response>;
    preview: (r: Request) => Promise<Response>;
    apply: (r: Request) => Promise<Response>;
    remove: (r: Request) => Promise<Response>;
    revert: (r: Request) => Promise<Response>;
    audit: (r: Request) => Promise<Response>;
  };
  /** POSTs JSON to a handler as the dashboard's page would, with a token from the capabilities route. */
  post(
    handler: (r: Request) => Promise<Response>,
    body: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Starts the demo cluster (default world) and the handlers; `overrides` change the handlers' dependencies. */
export async function startWriteCluster(overrides: Partial<WriteRouteDeps> = {}): Promise<WriteCluster> {
  const store = new ResourceStore({ seed: 'write-int' });
  materializeWorld(defaultWorld('write-int'), store);
  const api = await startApiServer({ store });
  const kubeconfig = await writeDemoKubeconfig(api.url, 5_000);
  const kc = kubeconfig.kubeConfig;
  const logs: string[] = [];
  const deps: WriteRouteDeps = {
    readOnly: false,
    auditNamespace: 'meshlens-system',
    csrfSecret: csrfSecret('a-test-session-secret-of-32-chars!'),
    actingFor: actingAsDashboard(kc),
    dashboardKubeConfig: () => kc,
    log: (line) => logs.push(line),
    ...overrides,
  };
  const handlers = {
    capabilities: capabilitiesHandler(() => deps),
    preview: previewHandler(() => deps),
    apply: applyHandler(() => deps),
    remove: deleteHandler(() => deps),
    revert: revertHandler(() => deps),
    audit: auditHandler(() => deps),
  };
  let token: string | undefined;
  const post: WriteCluster['post'] = async (handler, body) => {
    if (token === undefined) {
      const caps = (await (
        await handlers.capabilities(new Request(`${ORIGIN}/api/write/capabilities`))
      ).json()) as {
        csrfToken: string;
      };
      token = caps.csrfToken;
    }
    const response = await handler(
      new Request(`${ORIGIN}/api/write/x`, {
        method: 'POST',
        headers: {
          origin: ORIGIN,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          'x-csrf-token': token,
          cookie: `meshlens-csrf=${token}`,
        },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    api,
    store,
    kc,
    logs,
    deps,
    handlers,
    post,
    close: async () => {
      await api.close();
      await kubeconfig.remove();
    },
  };
}

/** A VirtualService for bookinfo's reviews splitting between v1 and v2. */
export function reviewsVirtualService(
  weights: [number, number],
  labels?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'reviews', namespace: 'bookinfo', ...(labels ? { labels } : {}) },
    spec: {
      hosts: ['reviews'],
      http: [
        {
          route: [
            { destination: { host: 'reviews', subset: 'v1' }, weight: weights[0] },
            { destination: { host: 'reviews', subset: 'v2' }, weight: weights[1] },
          ],
        },
      ],
    },
  };
}

/** The YAML a person would submit for the reviews VirtualService with these weights. */
export function reviewsYaml(weights: [number, number], extra = ''): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    '  name: reviews',
    '  namespace: bookinfo',
    'spec:',
    '  hosts: [reviews]',
    '  http:',
    '  - route:',
    '    - destination: {host: reviews, subset: v1}',
    `      weight: ${weights[0]}`,
    '    - destination: {host: reviews, subset: v2}',
    `      weight: ${weights[1]}`,
    extra,
  ].join('\n');
}

/** The audit ConfigMaps in the store, oldest first. */
export function auditConfigMaps(store: ResourceStore): KubeObject[] {
  return store.list('configmaps', {
    namespace: 'meshlens-system',
    labelSelector: 'app.kubernetes.io/component=audit',
  }).items;
}

/** Puts back `bookinfo/reviews` as a 90/10 VirtualService, fresh, and returns its resourceVersion: the edit's base. */
export function resetReviews(cluster: WriteCluster): string {
  const { store } = cluster;
  if (store.get('vs', 'bookinfo', 'reviews')) store.delete('vs', 'bookinfo', 'reviews');
  return store.create('vs', reviewsVirtualService([90, 10])).metadata.resourceVersion ?? '';
}
