import type { MeshBehaviour } from '../model/behaviour';
import type { MeshConfig } from '../model/mesh-config';
import type { Random } from '@/lib/random';
import type { TickTraffic } from '../model/traffic';
import { FlowCollector } from './flow-collector';
import { meshIndexOf } from './mesh-index';
import { propagate } from './propagate';
import { sampleTraces } from './traces';
import { trafficModelOf } from './traffic-model';

/** The tick to simulate: its end (ms since the epoch), its length, and its own random stream. */
export interface TickInput {
  atMs: number;
  seconds: number;
  random: Random;
}

/**
 * Simulates one tick of traffic in the demo mesh, obeying the Istio configuration in `config` (enrollment,
 * waypoints, routing, faults, retries, timeouts, AuthorizationPolicy, PeerAuthentication): aggregated flows for the
 * whole tick plus a few sampled traces. Pure: no I/O, no clock; the same inputs and random stream give the same
 * output. Indexes, plans and per-workload statistics are memoized by the identity of `config` and `behaviour`, so
 * pass the same objects while nothing changed.
 */
export function simulateTick(behaviour: MeshBehaviour, config: MeshConfig, tick: TickInput): TickTraffic {
  const model = trafficModelOf(meshIndexOf(config, behaviour));
  const collector = new FlowCollector(model.series);
  propagate(model, tick.seconds, collector);
  const traces = sampleTraces(model, tick);
  return { atMs: tick.atMs, seconds: tick.seconds, flows: collector.finish(tick.random), traces };
}
