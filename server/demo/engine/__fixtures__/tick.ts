/** Runs ticks and sums flows, for engine tests. */
import { expect } from 'vitest';
import type { MeshBehaviour } from '../../model/behaviour';
import type { MeshConfig } from '../../model/mesh-config';
import { seededRandom } from '@/lib/random';
import type { FlowSample, TickTraffic } from '../../model/traffic';
import { simulateTick } from '../simulate-tick';

/** One tick of `seconds` (default 10) with a fixed seed. */
export function tick(behaviour: MeshBehaviour, config: MeshConfig, seconds = 10, seed = 'test'): TickTraffic {
  return simulateTick(behaviour, config, { atMs: 1_750_000_000_000, seconds, random: seededRandom(seed) });
}

/** A filter over flows, by the fields tests care about. */
export interface FlowFilter {
  from?: string;
  service?: string;
  to?: string;
  code?: number;
  flags?: string;
}

/** The flows matching a filter: `from`/`to` are workload names, `service` a Service name. */
export function flowsWhere(flows: readonly FlowSample[], filter: FlowFilter): FlowSample[] {
  return flows.filter(
    (f) =>
      (filter.from === undefined || (f.source?.workload ?? 'outside') === filter.from) &&
      (filter.service === undefined || f.service.name === filter.service) &&
      (filter.to === undefined || f.destination.workload === filter.to) &&
      (filter.code === undefined || f.responseCode === filter.code) &&
      (filter.flags === undefined || f.responseFlags === filter.flags),
  );
}

/** The summed count of the flows matching a filter. */
export function countWhere(flows: readonly FlowSample[], filter: FlowFilter): number {
  return flowsWhere(flows, filter).reduce((sum, f) => sum + f.count, 0);
}

/** Asserts that there are flows and that every one satisfies `test` (never vacuously true); shows the others. */
export function expectAll(flows: readonly FlowSample[], test: (flow: FlowSample) => boolean): void {
  expect(flows.length).toBeGreaterThan(0);
  expect(flows.filter((f) => !test(f))).toEqual([]);
}

/** The flows, after asserting there are some (so that a loop of expectations cannot pass vacuously). */
export function nonEmpty(flows: readonly FlowSample[]): readonly FlowSample[] {
  expect(flows.length).toBeGreaterThan(0);
  return flows;
}
