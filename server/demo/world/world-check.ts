/**
 * Consistency of a world's behaviour with its objects: every behaviour row names a workload that exists, every call
 * and source a Service port that exists and selects running pods whose workloads have a behaviour, and the call
 * graph has no cycle (the engine follows calls depth-first). Used by the tests of both worlds.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { WorkloadKey } from '../model/behaviour';
import { listAt, mapAt, selects } from './json';
import type { DemoWorld } from './world-builder';

interface ServiceInfo {
  ports: Set<number>;
  /** Workloads whose pods the selector selects. */
  workloads: Set<string>;
}

const key = (w: WorkloadKey): string => `${w.namespace}/${w.name}`;

/** The workload (Deployment or DaemonSet) of each pod, by `namespace/pod`. */
function podWorkloads(objects: readonly KubeObject[]): Map<string, string> {
  const replicaSets = new Map<string, string>();
  for (const o of objects) {
    const owner = o.metadata.ownerReferences?.[0];
    if (o.kind === 'ReplicaSet' && owner)
      replicaSets.set(`${o.metadata.namespace}/${o.metadata.name}`, owner.name);
  }
  const out = new Map<string, string>();
  for (const pod of objects.filter((o) => o.kind === 'Pod')) {
    const ns = pod.metadata.namespace ?? '';
    const owner = pod.metadata.ownerReferences?.[0];
    const workload = owner?.kind === 'ReplicaSet' ? replicaSets.get(`${ns}/${owner.name}`) : owner?.name;
    if (workload) out.set(`${ns}/${pod.metadata.name}`, `${ns}/${workload}`);
  }
  return out;
}

/** The Services of a world with their ports and the workloads they select, by `namespace/name`. */
export function serviceIndex(objects: readonly KubeObject[]): Map<string, ServiceInfo> {
  const owners = podWorkloads(objects);
  const pods = objects.filter((o) => o.kind === 'Pod');
  const out = new Map<string, ServiceInfo>();
  for (const svc of objects.filter((o) => o.kind === 'Service')) {
    const ns = svc.metadata.namespace ?? '';
    const selector = mapAt(svc, 'spec.selector');
    const workloads = new Set<string>();
    for (const pod of pods) {
      if (pod.metadata.namespace !== ns || !selects(selector, pod.metadata.labels ?? {})) continue;
      const owner = owners.get(`${ns}/${pod.metadata.name}`);
      if (owner) workloads.add(owner);
    }
    const ports = new Set(listAt(svc, 'spec.ports').map((p) => Number((p as { port?: unknown }).port)));
    out.set(`${ns}/${svc.metadata.name}`, { ports, workloads });
  }
  return out;
}

/** Every problem found, as sentences; empty for a consistent world. */
export function behaviourProblems(world: DemoWorld): string[] {
  const { objects, behaviour } = world;
  const problems: string[] = [];
  const workloads = new Set(
    objects.filter((o) => o.kind === 'Deployment' || o.kind === 'DaemonSet').map((o) => key(objectKey(o))),
  );
  const behaving = new Set(behaviour.workloads.map(key));
  if (behaving.size !== behaviour.workloads.length) problems.push('a workload has two behaviour rows');
  const services = serviceIndex(objects);
  const graph = new Map<string, Set<string>>();
  for (const w of behaviour.workloads) if (!workloads.has(key(w))) problems.push(`no workload ${key(w)}`);
  const target = (to: { namespace: string; service: string; port: number }, what: string): Set<string> => {
    const svc = services.get(`${to.namespace}/${to.service}`);
    if (!svc) problems.push(`${what}: no service ${to.namespace}/${to.service}`);
    else if (!svc.ports.has(to.port))
      problems.push(`${what}: no port ${to.port} on ${to.namespace}/${to.service}`);
    else if (svc.workloads.size === 0) problems.push(`${what}: ${to.namespace}/${to.service} selects no pod`);
    for (const w of svc?.workloads ?? [])
      if (!behaving.has(w)) problems.push(`${what}: ${w} has no behaviour`);
    return svc?.workloads ?? new Set();
  };
  for (const call of behaviour.calls) {
    const what = `call ${key(call.from)} -> ${call.to.service}`;
    if (!workloads.has(key(call.from))) problems.push(`${what}: no workload ${key(call.from)}`);
    if (!(call.perRequest > 0)) problems.push(`${what}: perRequest must be > 0`);
    const edges = graph.get(key(call.from)) ?? new Set<string>();
    for (const w of target(call.to, what)) edges.add(w);
    graph.set(key(call.from), edges);
  }
  for (const source of behaviour.sources) {
    const what = `source ${source.from ? key(source.from) : 'internet'} -> ${source.to.service}`;
    if (source.from && !workloads.has(key(source.from)))
      problems.push(`${what}: no workload ${key(source.from)}`);
    target(source.to, what);
  }
  const cycle = findCycle(graph);
  if (cycle) problems.push(`the call graph has a cycle through ${cycle}`);
  return problems;
}

function objectKey(o: KubeObject): WorkloadKey {
  return { namespace: o.metadata.namespace ?? '', name: o.metadata.name };
}

/** A node on a cycle of the graph, or undefined (iterative depth-first search, bounded by the graph's size). */
export function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const stack: [string, string[]][] = [[start, [...(graph.get(start) ?? [])]]];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, string[]];
      const next = top[1].pop();
      if (next === undefined) {
        state.set(top[0], 'done');
        stack.pop();
      } else if (state.get(next) === 'open') return next;
      else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push([next, [...(graph.get(next) ?? [])]]);
      }
    }
  }
  return undefined;
}
