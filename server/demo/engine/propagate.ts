/**
 * Request rates, top-down: TrafficSources start `ratePerSecond × seconds` requests; every workload that serves
 * requests (retries included) makes `perRequest` calls per request it does not fail on its own; each call splits by
 * its plan. Workloads are visited callers-first (reverse post-order of the call graph); a call that closes a cycle
 * is still counted, but the load it adds to a workload already visited is not passed on again.
 */
import type { ServiceCall, TrafficSource } from '../model/behaviour';
import type { FlowCollector } from './flow-collector';
import type { PodGroup, WorkloadNode } from './nodes';
import type { TrafficModel } from './traffic-model';

/** Emits the flows of `count` calls by `caller` and adds what reached each destination to `incoming`. */
function emitCall(
  model: TrafficModel,
  caller: PodGroup | null,
  call: ServiceCall | TrafficSource,
  count: number,
  collector: FlowCollector,
  incoming: Map<WorkloadNode, number>,
): void {
  if (count <= 0) return;
  for (const { share, outcome, slots, target } of model.emissions(caller, call)) {
    const n = count * share;
    collector.add(slots, outcome, n);
    if (target !== null) incoming.set(target, (incoming.get(target) ?? 0) + n * outcome.reached);
  }
}

const ORDERS = new WeakMap<TrafficModel, WorkloadNode[]>();

/** Workloads with calls, callers before callees (memoized per model). */
function callerOrder(model: TrafficModel): WorkloadNode[] {
  const known = ORDERS.get(model);
  if (known !== undefined) return known;
  const visited = new Set<string>();
  const postOrder: WorkloadNode[] = [];
  const visit = (workload: WorkloadNode): void => {
    if (visited.has(workload.key)) return;
    visited.add(workload.key);
    for (const call of model.callsFrom.get(workload.key) ?? []) {
      for (const group of workload.groups) {
        for (const { branches } of model.plan(group, call).variants) {
          for (const branch of branches) if (branch.target) visit(branch.target.group.workload);
        }
      }
    }
    postOrder.push(workload);
  };
  for (const key of model.callsFrom.keys()) {
    const workload = model.index.workloads.get(key);
    if (workload !== undefined) visit(workload);
  }
  const order = postOrder.reverse();
  ORDERS.set(model, order);
  return order;
}

/** Propagates one tick of traffic into `collector`. */
export function propagate(model: TrafficModel, seconds: number, collector: FlowCollector): void {
  const incoming = new Map<WorkloadNode, number>();
  for (const source of model.index.behaviour.sources) {
    const count = source.ratePerSecond * seconds;
    if (source.from === null) {
      emitCall(model, null, source, count, collector, incoming);
      continue;
    }
    const workload = model.index.workloads.get(`${source.from.namespace}/${source.from.name}`);
    for (const group of workload?.groups ?? [])
      emitCall(model, group, source, count * group.share, collector, incoming);
  }
  for (const workload of callerOrder(model)) {
    const served = incoming.get(workload) ?? 0;
    if (served <= 0) continue;
    const making = served * (1 - workload.behaviour.errorRate);
    for (const call of model.callsFrom.get(workload.key) ?? []) {
      for (const group of workload.groups) {
        emitCall(model, group, call, making * call.perRequest * group.share, collector, incoming);
      }
    }
  }
}
