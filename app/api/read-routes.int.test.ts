import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataResponse } from '@/lib/api/dto';
import type { ConfigObjectSummary } from '@/lib/config/types';
import type { GraphResponse } from '@/lib/graph/types';
import type { TraceSearchResult } from '@/lib/queries/traces';
import type { MeshOverview } from '@/lib/mesh/types';
import type { MtlsView, WaypointsView } from '@/lib/mesh/views-types';
import { writeKubeconfig } from '@/server/demo/apiserver';
import { startDemoMesh, type DemoMesh } from '@/server/demo/mesh';
import { DEMO_ADMIN_TOKEN } from '@/server/demo/world/rbac';
import { readGraph } from '@/server/graph';
import { graphThresholds } from '@/server/http/read-route';
import { readMeshOverview } from '@/server/mesh/posture';
import { registerDemoSources } from '@/server/sources/demo-sources';
import { sources } from '@/server/sources/registry';
import { GET as configObjects } from './config/objects/route';
import { GET as graphSeries } from './graph/series/route';
import { GET as graph } from './graph/route';
import { POST as impact } from './impact/route';
import { GET as meshActions } from './mesh/actions/[ns]/route';
import { GET as mtls } from './mesh/mtls/route';
import { GET as meshNamespace } from './mesh/namespaces/[ns]/route';
import { GET as overview } from './mesh/overview/route';
import { GET as waypoints } from './mesh/waypoints/route';
import { GET as meshWorkload } from './mesh/workloads/[ns]/[name]/route';
import { GET as trace } from './traces/[traceId]/route';
import { GET as traces } from './traces/route';

/**
 * The read routes as Next.js runs them, over the demo mesh with its API server's authentication and RBAC, the
 * dashboard reading with the admin's token and acting for the user an authenticating proxy names
 * (`AUTH_STRATEGY=header`): alice (bookinfo team) sees bookinfo and legacy; bob (payments team) payments and
 * outside; nobody but the admin sees istio-system. Then with `AUTH_STRATEGY=anonymous`: the answers as before.
 */

const SETTINGS = Symbol.for('meshlens.settings');
const SOURCES = Symbol.for('meshlens.sources');
const globals = globalThis as Record<symbol, unknown>;
const saved = { ...process.env };
let mesh: DemoMesh;
let dir: string;

beforeAll(async () => {
  mesh = await startDemoMesh({ seed: 'read-routes-int', scale: 0, prefillMs: 180_000, auth: true });
  dir = await mkdtemp(join(tmpdir(), 'meshlens-read-routes-'));
  const kubeconfig = join(dir, 'kubeconfig');
  await writeKubeconfig(kubeconfig, mesh.api.url, {
    token: DEMO_ADMIN_TOKEN,
    certificateAuthority: mesh.api.certificateAuthority ?? '',
  });
  Object.assign(process.env, {
    KUBECONFIG: kubeconfig,
    METRICS_SOURCE: 'demo',
    TRACES_SOURCE: 'demo',
    AUTH_STRATEGY: 'header',
    AUTH_HEADER_USER: 'X-Forwarded-User',
    AUTH_HEADER_GROUPS: 'X-Forwarded-Groups',
  });
  delete globals[SETTINGS];
  delete globals[SOURCES];
  registerDemoSources({ metrics: mesh.telemetry.metrics, traces: mesh.telemetry.traces });
  await sources().kube.whenSynced(20_000);
}, 120_000);

afterAll(async () => {
  await (globals[SOURCES] as ReturnType<typeof sources> | undefined)?.kube.stop();
  registerDemoSources({});
  delete globals[SETTINGS];
  delete globals[SOURCES];
  process.env = saved;
  await mesh?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ALICE = { 'x-forwarded-user': 'alice', 'x-forwarded-groups': 'bookinfo-team' };
const BOB = { 'x-forwarded-user': 'bob', 'x-forwarded-groups': 'payments-team' };
/** Namespaces alice does not see, as they would appear in an answer. */
const NOT_ALICE = /payments|outside|istio-system|kube-system|meshlens-system/;

const get = (path: string, headers: Record<string, string> = ALICE): Request =>
  new Request(`http://dashboard.test${path}`, { headers });

async function answer<T>(response: Promise<Response>, status = 200): Promise<T> {
  const r = await response;
  expect(r.status).toBe(status);
  return (await r.json()) as T;
}

describe('as a user an authenticating proxy names', () => {
  it('answers 401 when the proxy names nobody', async () => {
    const response = await graph(get('/api/graph?window=1m', {}));
    expect(response.status).toBe(401);
  });

  it('still answers a malformed query 400 before anything else', async () => {
    const body = await answer<{ error: { parameter: string } }>(graph(get('/api/graph?window=5', {})), 400);
    expect(body.error.parameter).toBe('window');
  });

  it('shows alice the graph of her namespaces only, `*` meaning hers', async () => {
    const body = await answer<GraphResponse>(graph(get('/api/graph?namespaces=*&window=1m')));
    expect(new Set(body.nodes.map((n) => n.namespace))).toEqual(new Set(['bookinfo', 'legacy']));
    expect(body.edges.length).toBeGreaterThan(0);
    expect(body.meta.namespaces).toBe('*');
    expect(JSON.stringify({ nodes: body.nodes, edges: body.edges })).not.toMatch(NOT_ALICE);
  });

  it('shows bob the other side of the cluster', async () => {
    const body = await answer<GraphResponse>(graph(get('/api/graph?namespaces=*&window=1m', BOB)));
    expect(new Set(body.nodes.map((n) => n.namespace))).toEqual(new Set(['payments', 'outside']));
  });

  it('reports a hidden namespace asked for exactly as an unknown one', async () => {
    const body = await answer<GraphResponse>(graph(get('/api/graph?namespaces=payments,nope&window=1m')));
    expect(body.nodes).toEqual([]);
    expect(body.errors.filter((e) => e.kind === 'not_found')).toEqual([
      { source: 'kubernetes', kind: 'not_found', message: 'namespace "payments" not found' },
      { source: 'kubernetes', kind: 'not_found', message: 'namespace "nope" not found' },
    ]);
  });

  it('refuses the series of an edge into a namespace alice does not see', async () => {
    const edge = encodeURIComponent('workload:legacy/inventory-v1->workload:payments/api-v1|http|L7');
    const body = await answer<{ error: { message: string } }>(
      graphSeries(get(`/api/graph/series?edge=${edge}`)),
      403,
    );
    expect(body.error.message).toBe('this edge names a namespace you may not see');
    const own = encodeURIComponent('workload:legacy/inventory-sync->workload:legacy/inventory-v1|http|L7');
    expect((await graphSeries(get(`/api/graph/series?edge=${own}&window=1m`))).status).toBe(200);
  });

  it("shows alice the Mesh page's views of her namespaces", async () => {
    const posture = await answer<DataResponse<MeshOverview>>(overview(get('/api/mesh/overview?window=1m')));
    expect(posture.data.namespaces.map((n) => n.name).sort()).toEqual(['bookinfo', 'legacy']);
    expect(posture.data.controlPlane.flatMap((c) => c.objects)).toEqual([]);
    const views = await answer<DataResponse<WaypointsView>>(waypoints(get('/api/mesh/waypoints?window=1m')));
    expect(views.data.waypoints.map((w) => `${w.namespace}/${w.name}`)).toEqual(['bookinfo/waypoint']);
    expect(JSON.stringify(views.data)).not.toMatch(NOT_ALICE);
    const modes = await answer<DataResponse<MtlsView>>(mtls(get('/api/mesh/mtls?window=1m')));
    expect(modes.data.namespaces.map((n) => n.namespace)).toEqual(['bookinfo', 'legacy']);
    const { namespaces, workloads, findings: _findings, ...traffic } = modes.data;
    expect(JSON.stringify({ namespaces, workloads, ...traffic })).not.toMatch(NOT_ALICE);
  });

  it('answers a hidden namespace and workload exactly as unknown ones', async () => {
    for (const [hidden, unknown, route] of [
      ['/api/mesh/namespaces/payments', '/api/mesh/namespaces/nope', meshNamespace],
      ['/api/mesh/actions/payments', '/api/mesh/actions/nope', meshActions],
    ] as const) {
      const seen = await answer<unknown>(route(get(hidden)), 404);
      const none = await answer<unknown>(route(get(unknown)), 404);
      expect(JSON.stringify(seen).replace('payments', 'nope')).toBe(JSON.stringify(none));
    }
    const hidden = await answer<unknown>(meshWorkload(get('/api/mesh/workloads/payments/api-v1')), 404);
    const unknown = await answer<unknown>(meshWorkload(get('/api/mesh/workloads/nope/api-v1')), 404);
    expect(JSON.stringify(hidden).replace('payments', 'nope')).toBe(JSON.stringify(unknown));
  });

  it("shows alice her namespace's page, without callers she may not see", async () => {
    await answer<unknown>(meshNamespace(get('/api/mesh/namespaces/legacy?window=1m')));
    const body = await answer<DataResponse<{ callees: { node: string }[] }>>(
      meshWorkload(get('/api/mesh/workloads/legacy/inventory-v1?window=1m')),
    );
    expect(body.data.callees.map((c) => c.node)).toEqual(['workload:bookinfo/details-v1']);
  });

  it('lists only the config objects alice may list', async () => {
    const body = await answer<DataResponse<ConfigObjectSummary[]>>(configObjects(get('/api/config/objects')));
    expect(body.data.length).toBeGreaterThan(0);
    expect(new Set(body.data.map((o) => o.namespace))).toEqual(new Set(['bookinfo']));
  });

  it('refuses to preview an object in a namespace alice does not see', async () => {
    const object = {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'deny', namespace: 'payments' },
      spec: { action: 'DENY', rules: [{}] },
    };
    const request = (namespace: string): Request =>
      new Request('http://dashboard.test/api/impact', {
        method: 'POST',
        headers: { ...ALICE, origin: 'http://dashboard.test', 'content-type': 'application/json' },
        body: JSON.stringify({
          object: { ...object, metadata: { ...object.metadata, namespace } },
          window: '1m',
        }),
      });
    await answer<unknown>(impact(request('payments')), 403);
    const own = await answer<
      DataResponse<{ edges: number; authorization: { denied: { source: string }[] } }>
    >(impact(request('legacy')));
    expect(own.data.authorization.denied.map((d) => d.source)).toContain('workload:legacy/inventory-sync');
    expect(JSON.stringify(own.data)).not.toMatch(NOT_ALICE);
  });

  it('finds only traces with a span the viewer sees, and hides the spans of the others', async () => {
    const found = await answer<DataResponse<TraceSearchResult>>(
      traces(get('/api/traces?window=5m&limit=20')),
    );
    expect(found.data.traces.length).toBeGreaterThan(0);
    expect(found.data.traces.map((t) => t.rootService)).toContain('hidden');
    expect(found.data.traces.map((t) => t.rootService).join()).not.toMatch(
      /\.(istio-system|payments|outside)/,
    );
    // No span of the demo's traces is in payments or outside (no proxy there records one).
    const bobs = await answer<DataResponse<TraceSearchResult>>(traces(get('/api/traces?window=5m', BOB)));
    expect(bobs.data.traces).toEqual([]);
    const id = found.data.traces.find((t) => t.rootService === 'hidden')?.traceId ?? '';
    const whole = await answer<DataResponse<{ spans: { service: string }[] }>>(
      trace(get(`/api/traces/${id}`)),
    );
    const services = new Set(whole.data.spans.map((s) => s.service.replace(/^.*\./, '')));
    expect(services).toContain('hidden');
    expect([...services].every((s) => ['bookinfo', 'legacy', 'hidden'].includes(s))).toBe(true);
  });

  it('answers a trace with no span the viewer sees as one the source does not hold', async () => {
    const found = await answer<DataResponse<TraceSearchResult>>(traces(get('/api/traces?window=5m&limit=1')));
    const id = found.data.traces[0]?.traceId ?? '';
    const body = await answer<{ error: unknown }>(trace(get(`/api/traces/${id}`, BOB)), 404);
    expect(body.error).toEqual({
      source: 'tempo',
      kind: 'not_found',
      message: `tempo trace: no trace ${id}`,
      status: 404,
    });
  });
});

describe('anonymous', () => {
  beforeAll(() => {
    process.env.AUTH_STRATEGY = 'anonymous';
    delete globals[SETTINGS];
  });

  const end = (): string => new Date(Math.floor(Date.now() / 1000 - 30) * 1000).toISOString();
  const withoutTimes = <T extends { meta: { durationMs: number } }>(body: T) => ({
    ...body,
    meta: { ...body.meta, durationMs: 0 },
  });

  it('answers the graph as it did before authentication', async () => {
    const at = end();
    const body = await answer<GraphResponse>(graph(get(`/api/graph?window=1m&end=${at}`, {})));
    const { kube, metrics } = sources();
    const direct = await readGraph(
      { namespaces: '*', windowSeconds: 60, end: new Date(at), graphType: 'workload', layers: 'both' },
      { kube, metrics },
      { thresholds: graphThresholds() },
    );
    expect(withoutTimes(body)).toEqual(withoutTimes(JSON.parse(JSON.stringify(direct)) as GraphResponse));
    expect(new Set(body.nodes.map((n) => n.namespace))).toContain('payments');
  });

  it('answers the overview as it did before authentication', async () => {
    const body = await answer<DataResponse<MeshOverview>>(overview(get('/api/mesh/overview?window=1m', {})));
    const { kube, metrics } = sources();
    const direct = await readMeshOverview(
      { windowSeconds: 60 },
      { kube, metrics },
      { thresholds: graphThresholds() },
    );
    expect(body.data.namespaces.map((n) => n.name)).toEqual(direct.data.namespaces.map((n) => n.name));
    expect(body.data.controlPlane).toEqual(JSON.parse(JSON.stringify(direct.data.controlPlane)));
  });
});
