/**
 * Sampled traces: a few requests per TrafficSource and tick, followed hop by hop through the same plans the flows
 * come from (variant, branch, pod, own latency and errors, calls, retries, timeouts all drawn from the same
 * distributions). Traces carry the HTTP-equivalent status on gRPC hops (TraceHop has no gRPC status field).
 */
import type { ServiceCall, TrafficSource } from '../model/behaviour';
import type { Random } from '@/lib/random';
import type { Endpoint, TraceHop, TraceSample } from '../model/traffic';
import { fromQuantiles, sampleLatency } from './latency';
import type { PodGroup, PodNode } from './nodes';
import type { Branch } from './plan-types';
import { joinFlags, retriable } from './outcomes';
import type { TrafficModel } from './traffic-model';
import { DEMO_METHOD, LOCAL_REPLY_LATENCY, TRACE_LIMITS, WAYPOINT_LATENCY } from './wire-facts';

interface Walk {
  model: TrafficModel;
  random: Random;
  hops: number;
}

function pick<T>(items: readonly T[], weight: (item: T) => number, random: Random): T | undefined {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let at = random() * total;
  for (const item of items) {
    at -= weight(item);
    if (at < 0) return item;
  }
  return items[items.length - 1];
}

function anyOf<T>(items: readonly T[], random: Random): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** One request served by a pod: own time, then its calls one after the other. */
function serve(walk: Walk, group: PodGroup, pod: PodNode, startMs: number, depth: number) {
  const b = group.workload.behaviour;
  const own = sampleLatency(fromQuantiles(b.medianMs, b.p99Ms), walk.random);
  if (walk.random() < b.errorRate) return { failed: true, durationMs: own, children: [] as TraceHop[] };
  const children: TraceHop[] = [];
  let cursor = startMs + own / 2;
  let failed = false;
  for (const call of walk.model.callsFrom.get(group.workload.key) ?? []) {
    const times = Math.floor(call.perRequest) + (walk.random() < call.perRequest % 1 ? 1 : 0);
    for (let i = 0; i < times && depth < TRACE_LIMITS.depth && walk.hops < TRACE_LIMITS.hopsPerTrace; i++) {
      const child = follow(walk, group, pod.endpoint, call, cursor, depth + 1);
      children.push(child.hop);
      cursor += child.hop.durationMs;
      if (child.failed && call.onError === 'fail') failed = true;
    }
  }
  return { failed, durationMs: cursor - startMs + own / 2, children };
}

/** Attempts against the destination, retried per the route, cut by per-try and route timeouts. */
function attempt(
  walk: Walk,
  branch: Branch,
  group: PodGroup,
  pod: PodNode,
  startMs: number,
  depth: number,
  tcp: boolean,
) {
  const retries = branch.retries;
  const perTry = retries?.perTryTimeoutMs;
  const children: TraceHop[] = [];
  let at = startMs + branch.delayMs + (branch.waypoint ? WAYPOINT_LATENCY.mean : 0);
  let code = 200;
  let flags = branch.flags;
  for (let n = 0; n <= (retries?.attempts ?? 0); n++) {
    const served = serve(walk, group, pod, at, depth);
    const timedOut = perTry !== undefined && served.durationMs > perTry;
    children.push(...served.children);
    at += timedOut && perTry !== undefined ? perTry : served.durationMs;
    code = timedOut ? 504 : served.failed ? 500 : 200;
    flags = joinFlags(branch.flags, timedOut ? 'UT' : '-', n > 0 && code !== 200 ? 'URX' : '-');
    if (code === 200 || tcp || !retriable(retries, code)) break;
  }
  let durationMs = at - startMs;
  if (branch.timeoutMs !== null && durationMs > branch.timeoutMs) {
    durationMs = branch.timeoutMs;
    code = 504;
    flags = joinFlags(branch.flags, 'UT');
  }
  return { code: tcp ? 0 : code, failed: code !== 200, flags, durationMs, children };
}

/** Follows one call from a pod (null: outside) to the end. */
function follow(
  walk: Walk,
  caller: PodGroup | null,
  from: Endpoint | null,
  call: ServiceCall | TrafficSource,
  startMs: number,
  depth: number,
): { hop: TraceHop; failed: boolean } {
  walk.hops += 1;
  const plan = walk.model.plan(caller, call);
  const chosen = pick(plan.variants, (v) => v.variant.share, walk.random);
  const branch = chosen && pick(chosen.branches, (b) => b.share, walk.random);
  const pod = branch?.target ? anyOf(branch.target.pods, walk.random) : undefined;
  const base = {
    source: from,
    service: plan.service,
    destination: pod?.endpoint ?? plan.unknown,
    waypoint: (branch?.waypoint && anyOf(branch.waypoint.endpoints, walk.random)) ?? null,
    mtls: branch?.mtls ?? false,
    startMs,
    method: DEMO_METHOD,
    path: chosen?.variant.path ?? call.path ?? '/',
  };
  if (branch === undefined || branch.stop !== null || branch.target === null || pod === undefined) {
    const stop = branch?.stop ?? { code: 503, flags: 'UH' };
    const durationMs = sampleLatency(LOCAL_REPLY_LATENCY, walk.random);
    const refused = stop.refusedBy ? { refusedBy: stop.refusedBy } : {};
    const hop = {
      ...base,
      durationMs,
      responseCode: stop.code,
      responseFlags: stop.flags,
      ...refused,
      children: [],
    };
    return { hop, failed: stop.code === 0 || stop.code >= 400 };
  }
  const result = attempt(
    walk,
    branch,
    branch.target.group,
    pod,
    startMs,
    depth,
    plan.service.protocol === 'tcp',
  );
  const hop = {
    ...base,
    durationMs: result.durationMs,
    responseCode: result.code,
    responseFlags: result.flags,
    children: result.children,
  };
  return { hop, failed: result.failed };
}

function traceId(random: Random): string {
  let id = '';
  for (let i = 0; i < 4; i++)
    id += Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return id;
}

/** A few requests per TrafficSource, started inside the tick, each followed through the mesh. */
export function sampleTraces(
  model: TrafficModel,
  tick: { atMs: number; seconds: number; random: Random },
): TraceSample[] {
  const { random } = tick;
  const sources = model.index.behaviour.sources.filter((s) => s.ratePerSecond > 0);
  const traces: TraceSample[] = [];
  const offset = Math.floor(random() * sources.length);
  const spanMs = tick.seconds * 1000;
  for (let i = 0; i < sources.length && traces.length < TRACE_LIMITS.perTick; i++) {
    const source = sources[(offset + i) % sources.length];
    if (source === undefined) continue;
    const workload = source.from
      ? model.index.workloads.get(`${source.from.namespace}/${source.from.name}`)
      : undefined;
    if (source.from !== null && (workload === undefined || workload.groups.length === 0)) continue;
    const wanted = Math.min(
      1 + Math.floor(random() * TRACE_LIMITS.perSource),
      Math.ceil(source.ratePerSecond * tick.seconds),
    );
    for (let n = 0; n < wanted && traces.length < TRACE_LIMITS.perTick; n++) {
      const group = workload ? (pick(workload.groups, (g) => g.share, random) ?? null) : null;
      const from = group ? (anyOf(group.pods, random)?.endpoint ?? null) : null;
      const startMs = tick.atMs - spanMs + random() * spanMs;
      const walk: Walk = { model, random, hops: 0 };
      traces.push({ traceId: traceId(random), root: follow(walk, group, from, source, startMs, 0).hop });
    }
  }
  return traces;
}
