/**
 * Measures the graph pipeline on a generated mesh of about 1,000 workloads (the demo's scale mode): the samples
 * the fixed reads return, the configuration facts, and `buildGraph` for each graph type (median of 7 runs).
 * With STEPS=1, also the fastest of 15 runs of each step of the workload graph. Prints JSON; no asserts.
 *
 *   [STEPS=1] npx tsx server/graph/__fixtures__/measure-scale.ts [workloads]
 */
import { DEFAULT_THRESHOLDS } from '@/lib/graph/health';
import type { GraphType } from '@/lib/graph/types';
import type { KubeObject } from '@/lib/kube/object';
import { ResourceStore } from '@/server/demo/apiserver';
import { simulateTick } from '@/server/demo/engine';
import { cachedMeshConfigReader } from '@/server/demo/mesh-config-reader';
import { forkRandom } from '@/lib/random';
import { createDemoTelemetry } from '@/server/demo/telemetry';
import { materializeWorld, scaledWorld, startControllers } from '@/server/demo/world';
import { buildGraph } from '../build-graph';
import { meshFacts, type KubeSnapshot } from '../mesh-facts';
import { readTraffic } from '../queries';

const scale = Number(process.argv[2] ?? 1000);
const seed = 'measure';
const world = scaledWorld(scale, seed);
const store = new ResourceStore({ seed });
materializeWorld(world, store);
const controllers = startControllers(store);
await controllers.whenIdle();
controllers.stop();

const telemetry = createDemoTelemetry({ random: forkRandom(seed, 'telemetry') });
const read = cachedMeshConfigReader(store);
const t0 = Date.now();
for (let i = 1; i <= 6; i++) {
  telemetry.record(
    simulateTick(world.behaviour, read(), {
      atMs: t0 + i * 10_000,
      seconds: 10,
      random: forkRandom(seed, `${i}`),
    }),
  );
}

const list = (resource: string): KubeObject[] => store.list(resource).items as KubeObject[];
const snapshot: KubeSnapshot = {
  namespaces: list('namespaces'),
  pods: list('pods'),
  services: list('services'),
  gateways: list('gateways.gateway.networking.k8s.io'),
  gatewayClasses: list('gatewayclasses'),
  virtualServices: list('virtualservices'),
  httpRoutes: list('httproutes'),
  authorizationPolicies: list('authorizationpolicies'),
};

const timed = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
};
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const readStart = performance.now();
const reads = await readTraffic(telemetry.metrics, { namespaces: '*', windowSeconds: 60 });
const readMs = performance.now() - readStart;
const samples = Object.values(reads.samples).reduce((n, s) => n + s.length, 0);

const factsMs: number[] = [];
const result: Record<string, unknown> = {};
for (const type of ['workload', 'app', 'service'] as GraphType[]) {
  const runs: number[] = [];
  let size = { nodes: 0, edges: 0 };
  for (let i = 0; i < 7; i++) {
    const [facts, f] = timed(() => meshFacts(snapshot));
    factsMs.push(f);
    const [graph, ms] = timed(() =>
      buildGraph({
        samples: reads.samples,
        facts,
        graphType: type,
        layers: 'both',
        thresholds: DEFAULT_THRESHOLDS,
      }),
    );
    runs.push(ms);
    size = { nodes: graph.nodes.length, edges: graph.edges.length };
  }
  result[type] = { ...size, buildGraphMs: Math.round(median(runs) * 10) / 10 };
}
if (process.env.STEPS) {
  const { trafficRecords } = await import('../traffic-records');
  const { deduplicate } = await import('../deduplicate');
  const { borrowL4Security } = await import('../security');
  const { toGraphModel } = await import('../graph-type');
  const { filterLayers } = await import('../layers');
  const { addConfig } = await import('../enrich-config');
  const { addRates } = await import('../enrich-rates');
  const { addHealth } = await import('../enrich-health');
  const { toResponse } = await import('../to-response');
  const steps: Record<string, number>[] = [];
  for (let i = 0; i < 15; i++) {
    const facts = meshFacts(snapshot);
    const [records, a] = timed(() => trafficRecords(reads.samples));
    const [edges, b] = timed(() => deduplicate(records, facts));
    const [, c] = timed(() => borrowL4Security(edges));
    const [graph, d] = timed(() => toGraphModel(edges, 'workload', facts));
    const [, e] = timed(() => filterLayers(graph, 'both'));
    const [, f] = timed(() => addConfig(graph, facts));
    const [, g] = timed(() => addRates(graph));
    const [, h] = timed(() => addHealth(graph, DEFAULT_THRESHOLDS));
    const [, j] = timed(() => toResponse(graph));
    steps.push({
      records: a,
      dedup: b,
      security: c,
      graphType: d,
      layers: e,
      config: f,
      rates: g,
      health: h,
      response: j,
    });
  }
  const keys = Object.keys(steps[0] ?? {});
  console.log(
    Object.fromEntries(
      keys.map((k) => [k, Math.round(Math.min(...steps.map((s) => s[k] ?? NaN)) * 10) / 10]),
    ),
  );
}
console.log(
  JSON.stringify(
    {
      workloads: snapshot.pods.length,
      objects: Object.values(snapshot).reduce((n, l) => n + l.length, 0),
      samples,
      readErrors: reads.errors.length,
      directSourceReadMs: Math.round(readMs),
      meshFactsMs: Math.round(median(factsMs) * 10) / 10,
      ...result,
    },
    null,
    1,
  ),
);
