/**
 * The per-config traffic model: plans for every (caller group, call), outcomes of every branch, and what each
 * workload does with a request it serves, bottom-up: its own latency and errors, plus its calls' (a failing callee
 * with `onError: fail` fails the caller's request; `degrade` does not). Memoized with the MeshIndex, so a tick
 * with an unchanged config only propagates rates.
 */
import type { ServiceCall, TrafficSource } from '../model/behaviour';
import { addLatency, fromQuantiles, mixLatency, repeatLatency, ZERO_LATENCY, type Moments } from './latency';
import { SeriesTable } from './flow-collector';
import type { MeshIndex } from './mesh-index';
import type { PodGroup, WorkloadNode } from './nodes';
import { branchOutcomes, type Outcome, type Served } from './outcomes';
import { planCall } from './plan-call';
import type { Branch, CallPlan, Variant } from './plan-types';
import { DEFAULT_BEHAVIOUR } from './wire-facts';

/** The request variants of a call: one per header share, and the rest without headers. */
export function variantsOf(call: ServiceCall | TrafficSource): Variant[] {
  const path = call.path ?? '/';
  const shares = (call.headers ?? []).filter((h) => h.share > 0);
  const lower = (values: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  const variants: Variant[] = shares.map((h) => ({ share: h.share, headers: lower(h.values), path }));
  const rest = 1 - shares.reduce((sum, h) => sum + h.share, 0);
  if (rest > 1e-9 || variants.length === 0) variants.push({ share: Math.max(rest, 0), headers: {}, path });
  return variants;
}

/** One outcome of a call, flattened: its share of the calls, its series, and the workload it reached (if any). */
export interface Emission {
  share: number;
  outcome: Outcome;
  slots: number[];
  target: WorkloadNode | null;
}

/** What a call does as seen by its caller: its failure share and latency. */
interface CallStats {
  failProb: number;
  latency: Moments;
}

/** Plans, outcomes and served statistics of one config. */
export class TrafficModel {
  private readonly plans = new WeakMap<ServiceCall | TrafficSource, Map<PodGroup | null, CallPlan>>();
  private readonly emissionCache = new WeakMap<CallPlan, Emission[]>();
  private readonly outcomeCache = new WeakMap<Branch, Outcome[]>();
  private readonly served = new Map<string, Served>();
  private readonly inProgress = new Set<string>();
  readonly callsFrom = new Map<string, ServiceCall[]>();
  /** The flow series of this config, numbered as ticks first meet them. */
  readonly series = new SeriesTable();

  constructor(readonly index: MeshIndex) {
    for (const call of index.behaviour.calls) {
      const key = `${call.from.namespace}/${call.from.name}`;
      const list = this.callsFrom.get(key);
      if (list === undefined) this.callsFrom.set(key, [call]);
      else list.push(call);
    }
  }

  /** The plan of a call (or traffic source) made by a caller group (null: outside the cluster). */
  plan(caller: PodGroup | null, call: ServiceCall | TrafficSource): CallPlan {
    let byCaller = this.plans.get(call);
    if (byCaller === undefined) {
      byCaller = new Map();
      this.plans.set(call, byCaller);
    }
    let plan = byCaller.get(caller);
    if (plan === undefined) {
      plan = planCall(this.index, caller, call.to, variantsOf(call));
      byCaller.set(caller, plan);
    }
    return plan;
  }

  /** Every outcome of a call with its share of the calls and its series, flattened for the per-tick loop. */
  emissions(caller: PodGroup | null, call: ServiceCall | TrafficSource): Emission[] {
    const plan = this.plan(caller, call);
    let list = this.emissionCache.get(plan);
    if (list === undefined) {
      list = [];
      for (const { variant, branches } of plan.variants) {
        for (const branch of branches) {
          for (const outcome of this.outcomes(plan, branch)) {
            const share = variant.share * branch.share * outcome.share;
            if (share <= 0) continue;
            const slots = this.series.slotsOf(caller, plan, branch, outcome);
            const target = outcome.reached > 0 ? (branch.target?.group.workload ?? null) : null;
            list.push({ share, outcome, slots, target });
          }
        }
      }
      this.emissionCache.set(plan, list);
    }
    return list;
  }

  /** How the requests of a branch end. */
  outcomes(plan: CallPlan, branch: Branch): Outcome[] {
    let outcomes = this.outcomeCache.get(branch);
    if (outcomes === undefined) {
      const workload = branch.target?.group.workload;
      const served = workload && branch.stop === null ? this.servedBy(workload) : null;
      const requestBytes = workload?.behaviour.requestBytes ?? DEFAULT_BEHAVIOUR.requestBytes;
      outcomes = branchOutcomes(branch, plan.service.protocol, served, requestBytes);
      this.outcomeCache.set(branch, outcomes);
    }
    return outcomes;
  }

  /** What a workload does with a request it serves, its calls included (cycles count the inner visit as own work). */
  servedBy(workload: WorkloadNode): Served {
    const known = this.served.get(workload.key);
    if (known !== undefined) return known;
    const b = workload.behaviour;
    const own = fromQuantiles(b.medianMs, b.p99Ms);
    const bytes = { requestBytes: b.requestBytes, responseBytes: b.responseBytes };
    if (this.inProgress.has(workload.key)) return { failProb: b.errorRate, ok: own, fail: own, ...bytes };
    this.inProgress.add(workload.key);
    let survive = 1 - b.errorRate;
    let ok = own;
    for (const call of this.callsFrom.get(workload.key) ?? []) {
      const stats = this.callStats(workload, call);
      if (call.onError === 'fail') survive *= (1 - stats.failProb) ** call.perRequest;
      ok = addLatency(ok, repeatLatency(stats.latency, call.perRequest));
    }
    this.inProgress.delete(workload.key);
    const failProb = Math.min(Math.max(1 - survive, 0), 1);
    const selfShare = failProb > 0 ? b.errorRate / failProb : 0;
    const fail = mixLatency([
      { weight: selfShare, latency: own },
      { weight: 1 - selfShare, latency: ok },
    ]);
    const result = { failProb, ok, fail, ...bytes };
    this.served.set(workload.key, result);
    return result;
  }

  private callStats(workload: WorkloadNode, call: ServiceCall): CallStats {
    let failProb = 0;
    let weight = 0;
    let mean = 0;
    let second = 0;
    for (const group of workload.groups) {
      const plan = this.plan(group, call);
      for (const { variant, branches } of plan.variants) {
        for (const branch of branches) {
          for (const o of this.outcomes(plan, branch)) {
            const w = group.share * variant.share * branch.share * o.share;
            if (o.failed) failProb += w;
            weight += w;
            mean += w * o.latency.mean;
            second += w * (o.latency.variance + o.latency.mean * o.latency.mean);
          }
        }
      }
    }
    if (weight <= 0) return { failProb, latency: ZERO_LATENCY };
    mean /= weight;
    return { failProb, latency: { mean, variance: Math.max(second / weight - mean * mean, 0) } };
  }
}

const MODELS = new WeakMap<MeshIndex, TrafficModel>();

/** The traffic model of an index, built on first use. */
export function trafficModelOf(index: MeshIndex): TrafficModel {
  let model = MODELS.get(index);
  if (model === undefined) {
    model = new TrafficModel(index);
    MODELS.set(index, model);
  }
  return model;
}
