import { startApiServer, ResourceStore, type ApiServer } from './apiserver';
import { simulateTick } from './engine';
import { cachedMeshConfigReader } from './mesh-config-reader';
import { forkRandom } from '@/lib/random';
import { createDemoTelemetry, startMetricsServer, type DemoTelemetry } from './telemetry';
import {
  defaultWorld,
  demoRbacObjects,
  demoTokens,
  materializeWorld,
  scaledWorld,
  startControllers,
} from './world';

/** How to start the demo mesh. */
export interface DemoMeshOptions {
  /** Makes the world and its traffic reproducible. */
  seed: string;
  /** About this many workloads in a generated mesh; 0 for the default bookinfo world. */
  scale: number;
  /** Simulated time per tick, in ms; the engine runs one tick per this much real time. Default 1,000. */
  tickMs?: number;
  /** History simulated at start-up so that rates over the window are right at once, in ms. Default 10 min. */
  prefillMs?: number;
  /** Step of that history, in ms. Default 10 s. */
  prefillStepMs?: number;
  /** The clock (ms since the epoch); injectable for tests. */
  now?: () => number;
  /**
   * Serve the API with authentication and RBAC: the demo's tokens (admin, alice, bob; see world/rbac.ts) and its
   * ClusterRoles and RoleBindings, created before the server starts. Off by default (every request is an admin's).
   */
  auth?: boolean;
}

/** A running demo mesh: its API server, its telemetry, and where its metrics are scraped. */
export interface DemoMesh {
  api: ApiServer;
  telemetry: DemoTelemetry;
  /** The prom-client endpoint, e.g. `http://127.0.0.1:PORT/metrics`. */
  metricsUrl: string;
  /** Runs one tick now (tests use it to advance the mesh without waiting). */
  tick(): void;
  stop(): Promise<void>;
}

/** Each node's ztunnel pod, so that ztunnel series carry the pod a real scrape would name. */
function ztunnelPods(store: ResourceStore): Map<string, string> {
  const pods = store.list('pods', { namespace: 'istio-system', labelSelector: 'app=ztunnel' }).items;
  const byNode = new Map<string, string>();
  for (const pod of pods) {
    const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (node && pod.metadata.name) byNode.set(node, pod.metadata.name);
  }
  return byNode;
}

/** Creates the demo's RBAC objects; bindings in namespaces the world lacks (a scaled world) are left out. */
function createDemoRbac(store: ResourceStore): void {
  for (const object of demoRbacObjects()) {
    const namespace = object.metadata.namespace;
    if (namespace !== undefined && !store.get('namespaces', undefined, namespace)) continue;
    store.create(object.kind, object);
  }
}

/**
 * Starts the simulated ambient cluster: seeds the world into a store, serves it as a Kubernetes API on loopback,
 * runs the istio-cni and waypoint controllers, and every tick reads the cluster's configuration, simulates its
 * traffic and records the telemetry. A kubectl change therefore shows in the traffic at the next tick.
 */
export async function startDemoMesh(options: DemoMeshOptions): Promise<DemoMesh> {
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1_000;
  const world = options.scale > 0 ? scaledWorld(options.scale, options.seed) : defaultWorld(options.seed);
  const store = new ResourceStore({ seed: options.seed });
  materializeWorld(world, store);
  const controllers = startControllers(store, { random: forkRandom(options.seed, 'controllers') });
  const telemetry = createDemoTelemetry({
    random: forkRandom(options.seed, 'telemetry'),
    ztunnelPodForNode: ztunnelPods(store),
  });
  const readConfig = cachedMeshConfigReader(store);

  let ticks = 0;
  const run = (atMs: number, seconds: number): void => {
    ticks += 1;
    const random = forkRandom(options.seed, `tick:${ticks}`);
    telemetry.record(simulateTick(world.behaviour, readConfig(), { atMs, seconds, random }));
  };
  const prefillMs = options.prefillMs ?? 600_000;
  const stepMs = options.prefillStepMs ?? 10_000;
  const start = now();
  for (let at = start - prefillMs + stepMs; at <= start; at += stepMs) run(at, stepMs / 1000);

  let last = start;
  const tick = (): void => {
    const at = Math.max(now(), last + 1);
    run(at, (at - last) / 1000);
    last = at;
  };
  const timer = setInterval(tick, tickMs);
  if (options.auth) createDemoRbac(store);
  const api = await startApiServer({ store, ...(options.auth ? { auth: { tokens: demoTokens() } } : {}) });
  const metrics = await startMetricsServer(telemetry.registry);
  return {
    api,
    telemetry,
    metricsUrl: metrics.url,
    tick,
    async stop() {
      clearInterval(timer);
      controllers.stop();
      await Promise.allSettled([metrics.close(), api.close()]);
    },
  };
}
