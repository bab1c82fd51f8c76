import type { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataplaneOf } from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import {
  actionTraffic,
  isUnavailable,
  planAction,
  previewRequestOf,
  type ActionObjects,
  type ActionRequest,
  type MeshAction,
} from '@/lib/mesh/actions';
import type { DemoMesh } from '@/server/demo/mesh';
import { readGraph } from '@/server/graph';
import type { KubeCache } from '@/server/kube/cache';
import { startDemoCluster, type DemoCluster } from '@/server/testing/demo-cluster';
import { csrfSecret } from '@/server/write/csrf';
import {
  actingAsDashboard,
  applyHandler,
  capabilitiesHandler,
  previewHandler,
  revertHandler,
} from '@/server/write/handlers';
import { readActionObjects } from './action-objects';
import { readMtlsView } from './mtls';
import { readNamespaceDetail } from './namespace-detail';

/**
 * The posture actions round-tripped through the live demo mesh, as the dialog does them: the live objects through
 * the watch cache (`readActionObjects`), the pages' traffic for the effects in words, a plan, the write handlers'
 * preview and apply (same origin, CSRF token), and then the cluster's own reaction (the demo's istio-cni and
 * waypoint controllers) read back through the cache, the posture and the graph.
 */

const ORIGIN = 'http://dashboard.test';
const WINDOW = { windowSeconds: 300 };
let mesh: DemoMesh;
let cache: KubeCache;
let cluster: DemoCluster | undefined;
let kc: KubeConfig;
let token = '';

const deps = () => ({
  readOnly: false,
  auditNamespace: 'meshlens-system',
  csrfSecret: csrfSecret('a-test-session-secret-of-32-chars!'),
  actingFor: actingAsDashboard(kc),
  dashboardKubeConfig: () => kc,
});
const handlers = {
  preview: previewHandler(deps),
  apply: applyHandler(deps),
  revert: revertHandler(deps),
};

beforeAll(async () => {
  cluster = await startDemoCluster({ seed: 'mesh-actions-int', prefillMs: 420_000, kubeTimeoutMs: 5_000 });
  ({ mesh, cache, kubeConfig: kc } = cluster);
  const caps = await capabilitiesHandler(deps)(new Request(`${ORIGIN}/api/write/capabilities`));
  token = ((await caps.json()) as { csrfToken: string }).csrfToken;
});

afterAll(async () => {
  await cluster?.stop();
});

async function post(
  handler: (r: Request) => Promise<Response>,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
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
}

function objectsOf(namespace: string): ActionObjects {
  const answer = readActionObjects(namespace, cache);
  if (answer.status !== 200) throw new Error(answer.body.error.message);
  expect(answer.body.errors).toEqual([]);
  return answer.body.data;
}

/** Plans an action on the cache's objects and the pages' traffic, as the dialog does. */
async function plan(request: ActionRequest): Promise<MeshAction> {
  const sources = { kube: cache, metrics: mesh.telemetry.metrics };
  const [detail, mtls] = await Promise.all([
    readNamespaceDetail(request.namespace, WINDOW, sources),
    readMtlsView(WINDOW, sources),
  ]);
  if (detail.status !== 200) throw new Error(detail.body.error.message);
  const planned = planAction(request, objectsOf(request.namespace), actionTraffic(detail.body, mtls));
  if (isUnavailable(planned)) throw new Error(planned.unavailable);
  return planned;
}

/** Waits until the cache shows what `check` looks for (the controllers react on the next event-loop turns). */
async function until<T>(what: string, check: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function nodeOf(id: string): Promise<{ dataplane: string; waypoint: unknown } | undefined> {
  const graph = await readGraph(
    { namespaces: '*', windowSeconds: 300, end: null, graphType: 'workload', layers: 'both' },
    { kube: cache, metrics: mesh.telemetry.metrics },
  );
  return graph.nodes.find((n) => n.id === id);
}

describe('posture actions on the demo mesh', () => {
  it('STRICT on payments lists first the plaintext edge it would break: outside/client (L4, so bytes)', async () => {
    const action = await plan({ action: 'set-peerauthentication', namespace: 'payments', mode: 'STRICT' });
    expect(action.effect[0]).toMatch(
      /^Breaks: outside\/client → payments\/api-v1, [\d.]+ KiB\/s plaintext will be refused$/,
    );
    const preview = await post(handlers.preview, previewRequestOf(action));
    expect(preview).toMatchObject({ status: 200, body: { outcome: 'preview', operation: 'create' } });
  });

  it('enroll outside: applied, labelled, its client pod captured by istio-cni, and ambient in the graph', async () => {
    const action = await plan({ action: 'enroll-ambient', namespace: 'outside' });
    expect(action.effect[0]).toBe('1 pod will be captured by ztunnel, no restarts');
    const preview = await post(handlers.preview, previewRequestOf(action));
    expect(preview.status).toBe(200);
    expect(preview.body['changes']).toEqual([
      { path: 'metadata.labels["istio.io/dataplane-mode"]', op: 'add', after: 'ambient' },
    ]);
    expect(preview.body['diff']).toContain('+    istio.io/dataplane-mode: ambient');
    const applied = await post(handlers.apply, previewRequestOf(action));
    expect(applied).toMatchObject({ status: 200, body: { outcome: 'applied', operation: 'update' } });
    expect((applied.body['audit'] as { id: string }).id).toMatch(/^meshlens-audit-/);

    const pod = await until('the client pod captured', () => {
      const objects = objectsOf('outside');
      const client = objects.workloads.find((w) => w.name === 'client')?.pods[0];
      return client &&
        dataplaneOf(client, objects.namespace).reason === 'istio-cni reports redirection enabled'
        ? { client, objects }
        : undefined;
    });
    expect(pod.objects.namespace.metadata.labels?.['istio.io/dataplane-mode']).toBe('ambient');
    expect(dataplaneOf(pod.client, pod.objects.namespace).dataplane).toBe('ambient');
    expect(await nodeOf('workload:outside/client')).toMatchObject({ dataplane: 'ambient' });
  });

  it('an action on an object that changed meanwhile is refused with the new state', async () => {
    const stale = await plan({ action: 'remove-ambient', namespace: 'legacy' });
    const first = await plan({ action: 'enroll-ambient', namespace: 'legacy' });
    expect((await post(handlers.apply, previewRequestOf(first))).status).toBe(200);
    const refused = await post(handlers.apply, previewRequestOf(stale));
    expect(refused.status).toBe(409);
    const conflict = refused.body['conflict'] as { message: string; theirs: KubeObject };
    expect(conflict.message).toMatch(/changed after the edit started/);
    expect(conflict.theirs.metadata.labels?.['istio.io/dataplane-mode']).toBe('ambient');
  });

  it('create a waypoint in payments, bind the namespace: Programmed by the waypoint controller, in the graph', async () => {
    const create = await plan({
      action: 'create-waypoint',
      namespace: 'payments',
      scope: 'namespace',
      waypointFor: 'service',
    });
    expect(create.warnings).toEqual([]);
    const created = await post(handlers.apply, previewRequestOf(create));
    expect(created).toMatchObject({ status: 200, body: { outcome: 'applied', operation: 'create' } });
    const gateway = await until('payments/waypoint Programmed', () =>
      objectsOf('payments').gateways.find(
        (g) =>
          g.metadata.namespace === 'payments' &&
          (g.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.some(
            (c) => c.type === 'Programmed' && c.status === 'True',
          ),
      ),
    );
    expect(gateway.metadata.name).toBe('waypoint');

    const bind = await plan({
      action: 'bind-waypoint',
      namespace: 'payments',
      target: { kind: 'namespace' },
      waypoint: { namespace: 'payments', name: 'waypoint' },
    });
    expect(bind.effect[0]).toMatch(
      /^Services api \([\d.]+ rps\) and postgres will pass through waypoint payments\/waypoint$/,
    );
    expect(bind.warnings).toEqual([]);
    const bound = await post(handlers.apply, previewRequestOf(bind));
    expect(bound).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    await until('payments labelled', () =>
      objectsOf('payments').namespace.metadata.labels?.['istio.io/use-waypoint'] === 'waypoint'
        ? true
        : undefined,
    );
    const detail = await readNamespaceDetail('payments', WINDOW, {
      kube: cache,
      metrics: mesh.telemetry.metrics,
    });
    if (detail.status !== 200) throw new Error(detail.body.error.message);
    expect(detail.body.data.posture.waypoints).toEqual([
      expect.objectContaining({ namespace: 'payments', name: 'waypoint', exists: true, programmed: true }),
    ]);
    expect(await nodeOf('workload:payments/api-v1')).toMatchObject({
      waypoint: { namespace: 'payments', name: 'waypoint' },
    });

    // Undo: the revert of the bind puts the namespace's labels back.
    const audit = (bound.body['audit'] as { id: string }).id;
    const version = (bound.body['object'] as KubeObject).metadata.resourceVersion;
    const undone = await post(handlers.revert, { auditId: audit, baseResourceVersion: version });
    expect(undone).toMatchObject({ status: 200, body: { outcome: 'applied', operation: 'update' } });
    await until('payments unlabelled', () =>
      objectsOf('payments').namespace.metadata.labels?.['istio.io/use-waypoint'] === undefined
        ? true
        : undefined,
    );
  });

  it('opt out payments/postgres: the label goes on its Deployment pod template, the pods roll, out of the mesh in the graph', async () => {
    const before = objectsOf('payments').workloads.find((w) => w.name === 'postgres')?.pods ?? [];
    expect(before.length).toBeGreaterThan(0);
    const action = await plan({ action: 'opt-out', namespace: 'payments', workload: 'postgres' });
    const applied = await post(handlers.apply, previewRequestOf(action));
    expect(applied).toMatchObject({ status: 200, body: { outcome: 'applied', operation: 'update' } });
    expect(applied.body['changes']).toEqual([
      { path: 'spec.template.metadata.labels["istio.io/dataplane-mode"]', op: 'add', after: 'none' },
    ]);
    // The demo's Deployment controller replaces the pods with ones from the new template, which istio-cni leaves alone.
    const rolled = await until('the postgres pods replaced', () => {
      const objects = objectsOf('payments');
      const pods = objects.workloads.find((w) => w.name === 'postgres')?.pods ?? [];
      const fresh = pods.filter((p) => !before.some((b) => b.metadata.name === p.metadata.name));
      return fresh.length > 0 && fresh.length === pods.length ? { pods, objects } : undefined;
    });
    for (const pod of rolled.pods) {
      expect(pod.metadata.labels?.['istio.io/dataplane-mode']).toBe('none');
      expect(dataplaneOf(pod, rolled.objects.namespace).dataplane).toBe('none');
    }
    expect(await nodeOf('workload:payments/postgres')).toMatchObject({ dataplane: 'none' });
  });
});
