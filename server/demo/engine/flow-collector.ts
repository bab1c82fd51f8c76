/**
 * Collects expected request counts per wire path and outcome, then writes them as FlowSamples with whole counts.
 * A path is split over pods in pairs (source pod k with destination pod k, round-robin over the shorter side), so
 * every pod shows up on the nodes it runs on without multiplying samples by pods on both sides.
 *
 * The series (distinct label sets) of a config are numbered once, in a SeriesTable kept with the traffic model;
 * a tick only adds numbers into arrays indexed by series, which keeps ticks cheap.
 */
import type { Random } from '@/lib/random';
import type { Endpoint, FlowSample } from '../model/traffic';
import { toQuantiles } from './latency';
import type { PodGroup, Target } from './nodes';
import type { Outcome } from './outcomes';
import type { Branch, CallPlan } from './plan-types';
import { grpcStatusOf } from './wire-facts';

/** The labels of one series: everything of a FlowSample but the numbers. */
type Series = Omit<FlowSample, 'count' | 'latency' | 'bytes' | 'retries'>;

/** Numbers the series of one config. Series of one plan with the same labels share a number. */
export class SeriesTable {
  readonly series: Series[] = [];
  private readonly byOutcome = new WeakMap<Outcome, number[]>();
  private readonly byPlan = new WeakMap<CallPlan, Map<Target | null, Map<string, number[]>>>();

  /** The series numbers of one outcome of one branch, one per pod pair. */
  slotsOf(caller: PodGroup | null, plan: CallPlan, branch: Branch, outcome: Outcome): number[] {
    const known = this.byOutcome.get(outcome);
    if (known !== undefined) return known;
    let targets = this.byPlan.get(plan);
    if (targets === undefined) {
      targets = new Map();
      this.byPlan.set(plan, targets);
    }
    let bySignature = targets.get(branch.target);
    if (bySignature === undefined) {
      bySignature = new Map();
      targets.set(branch.target, bySignature);
    }
    const signature = `${branch.waypoint?.name ?? '-'}|${branch.mtls}|${outcome.code}|${outcome.flags}|${outcome.refusedBy ?? ''}`;
    let slots = bySignature.get(signature);
    if (slots === undefined) {
      slots = this.number(caller, plan, branch, outcome);
      bySignature.set(signature, slots);
    }
    this.byOutcome.set(outcome, slots);
    return slots;
  }

  private number(caller: PodGroup | null, plan: CallPlan, branch: Branch, outcome: Outcome): number[] {
    const sources: (Endpoint | null)[] = caller ? caller.pods.map((p) => p.endpoint) : [null];
    const destinations = branch.target ? branch.target.pods.map((p) => p.endpoint) : [plan.unknown];
    const waypoints = branch.waypoint?.endpoints ?? [];
    const pairs = Math.max(sources.length, destinations.length);
    const grpc = plan.service.protocol === 'grpc' && outcome.code !== 0;
    const slots: number[] = [];
    for (let k = 0; k < pairs; k++) {
      const series: Series = {
        source: sources[k % sources.length] ?? null,
        service: plan.service,
        destination: destinations[k % destinations.length] ?? plan.unknown,
        waypoint: waypoints.length > 0 ? (waypoints[k % waypoints.length] ?? null) : null,
        mtls: branch.mtls,
        responseCode: grpc ? 200 : outcome.code,
        responseFlags: outcome.flags,
      };
      if (grpc) series.grpcStatus = grpcStatusOf(outcome.code);
      if (outcome.refusedBy) series.refusedBy = outcome.refusedBy;
      slots.push(this.series.length);
      this.series.push(series);
    }
    return slots;
  }
}

/** Rounds `x` up with probability equal to its fraction, so counts are whole and right on average. */
function stochasticRound(x: number, random: Random): number {
  const floor = Math.floor(x);
  return floor + (random() < x - floor ? 1 : 0);
}

/** Sums per series, six numbers each. */
const FIELDS = 6;

/** The collector of one tick. */
export class FlowCollector {
  private sums = new Float64Array(0);

  constructor(private readonly table: SeriesTable) {}

  /** Adds `count` requests of one outcome, spread evenly over its series (from `SeriesTable.slotsOf`). */
  add(slots: readonly number[], outcome: Outcome, count: number): void {
    this.reserve(this.table.series.length);
    const n = count / slots.length;
    const { mean, variance } = outcome.latency;
    const sums = this.sums;
    for (const slot of slots) {
      const at = slot * FIELDS;
      sums[at] = (sums[at] ?? 0) + n;
      sums[at + 1] = (sums[at + 1] ?? 0) + n * mean;
      sums[at + 2] = (sums[at + 2] ?? 0) + n * (variance + mean * mean);
      sums[at + 3] = (sums[at + 3] ?? 0) + n * outcome.bytes.sent;
      sums[at + 4] = (sums[at + 4] ?? 0) + n * outcome.bytes.received;
      sums[at + 5] = (sums[at + 5] ?? 0) + n * outcome.retries;
    }
  }

  private reserve(series: number): void {
    if (this.sums.length >= series * FIELDS) return;
    const grown = new Float64Array(Math.max(series, (this.sums.length / FIELDS) * 2, 64) * FIELDS);
    grown.set(this.sums);
    this.sums = grown;
  }

  /** The samples, with whole counts (zero-count series dropped), bytes and retries scaled to match. */
  finish(random: Random): FlowSample[] {
    const samples: FlowSample[] = [];
    const sums = this.sums;
    this.table.series.forEach((series, slot) => {
      const at = slot * FIELDS;
      const expected = sums[at] ?? 0;
      if (expected <= 0) return;
      const count = stochasticRound(expected, random);
      if (count === 0) return;
      const scale = count / expected;
      const mean = (sums[at + 1] ?? 0) / expected;
      const variance = Math.max((sums[at + 2] ?? 0) / expected - mean * mean, 0);
      samples.push({
        ...series,
        count,
        latency: toQuantiles({ mean, variance }),
        bytes: {
          sent: Math.round((sums[at + 3] ?? 0) * scale),
          received: Math.round((sums[at + 4] ?? 0) * scale),
        },
        retries: stochasticRound((sums[at + 5] ?? 0) * scale, random),
      });
    });
    return samples;
  }
}
