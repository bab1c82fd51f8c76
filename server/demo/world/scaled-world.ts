/**
 * A large generated mesh for benchmarks and scale demos (`--scale 1000`): about `workloads` application workloads
 * (one replica each) over about workloads/20 namespaces in a mix of mesh modes, with a layered call graph, on as
 * many nodes as a real cluster would need (about 60 pods a node). The same seed gives the same world.
 */
import type { WorkloadBehaviour, WorkloadKey } from '../model/behaviour';
import { type Random, forkRandom } from '@/lib/random';
import { addApp } from './apps';
import { deploymentName, planCalls } from './call-graph';
import { KEYS } from './labels';
import { between } from './names';
import { addPlatform } from './platform';
import { type NamespaceMode, type PlannedService, type Tier, planScale } from './scale-plan';
import { addWaypoint } from './waypoint';
import { type DemoWorld, WorldBuilder } from './world-builder';

/** Namespace labels per mode. */
const MODE_LABELS: Record<NamespaceMode, Record<string, string>> = {
  'ambient-waypoint': { [KEYS.dataplaneMode]: 'ambient', [KEYS.useWaypoint]: 'waypoint' },
  ambient: { [KEYS.dataplaneMode]: 'ambient' },
  sidecar: { [KEYS.injection]: 'enabled' },
  outside: {},
};

type Range = [min: number, max: number];

/** Latency (median, and p99 as a multiple of it, ms) and bytes per tier; TCP stores' bytes are per connection. */
const PROFILES: Record<Tier, { median: Range; p99Factor: Range; request: Range; response: Range }> = {
  client: { median: [0.5, 2], p99Factor: [2, 4], request: [150, 300], response: [150, 300] },
  front: { median: [4, 20], p99Factor: [3, 6], request: [400, 900], response: [2_000, 12_000] },
  mid: { median: [1.5, 15], p99Factor: [3, 6], request: [200, 800], response: [200, 4_000] },
  data: { median: [0.4, 6], p99Factor: [4, 10], request: [500, 4_000], response: [1_000, 50_000] },
};

/** Base error rates: most workloads never fail on their own, some one request in a thousand, a few more. */
function errorRate(random: Random): number {
  const r = random();
  return r < 0.75 ? 0 : r < 0.95 ? 0.001 : 0.005;
}

function behaviourOf(random: Random, service: PlannedService, workload: WorkloadKey): WorkloadBehaviour {
  const profile = PROFILES[service.tier];
  const medianMs = between(random, ...profile.median, 1);
  return {
    ...workload,
    medianMs,
    p99Ms: Math.round(medianMs * between(random, ...profile.p99Factor, 1) * 10) / 10,
    errorRate: errorRate(random),
    requestBytes: Math.round(between(random, ...profile.request)),
    responseBytes: Math.round(between(random, ...profile.response)),
  };
}

/** The image of one version: v1 as planned, later versions with the next major tag. */
function imageOf(service: PlannedService, version: string, index: number): string {
  return index === 0 ? service.image : service.image.replace(/:[^:]+$/, `:${index + 1}.0.0`);
}

/** A generated world of about `workloads` application workloads; deterministic by seed. */
export function scaledWorld(workloads: number, seed: string | number): DemoWorld {
  const plan = planScale(forkRandom(seed, 'scale/plan'), workloads);
  const waypoints = plan.filter((ns) => ns.mode === 'ambient-waypoint').length;
  const pods = Math.round(workloads) + waypoints + 10;
  const builder = new WorldBuilder(forkRandom(seed, 'scale/names'), Math.max(3, Math.ceil(pods / 60)));
  const random = forkRandom(seed, 'scale/behaviour');
  addPlatform(builder);
  for (const ns of plan) {
    builder.namespace(ns.name, MODE_LABELS[ns.mode]);
    if (ns.mode === 'ambient-waypoint') addWaypoint(builder, ns.name);
    for (const service of ns.services) {
      service.versions.forEach((version, index) => {
        const workload = addApp(builder, {
          namespace: ns.name,
          app: service.app,
          version,
          deployment: deploymentName(service, version),
          image: imageOf(service, version, index),
          ...(service.port && { port: service.port }),
          withService: index === 0,
        });
        builder.behave({ workloads: [behaviourOf(random, service, workload)] });
      });
    }
  }
  builder.behave(planCalls(forkRandom(seed, 'scale/calls'), plan));
  return builder.build();
}
