/**
 * The call graph of a generated mesh: front ends call mid tiers, mid tiers call deeper mid tiers and data stores,
 * mostly within their namespace and sometimes across; traffic enters through the ingress gateway and from the
 * client workloads (a few sources per front end, some of them from outside the mesh).
 */
import type { ServiceCall, TrafficSource, WorkloadKey } from '../model/behaviour';
import type { Random } from '@/lib/random';
import { between, intBetween, pick } from './names';
import { INGRESS } from './platform';
import type { PlannedNamespace, PlannedService } from './scale-plan';

/** How one tier calls the next: how many targets, in which layers, and how often they stay in the namespace. */
interface CallRule {
  /** Target layers, inclusive; `from` of a mid is its own layer + 1. */
  layers: (from: PlannedService) => [number, number];
  count: [number, number];
  localShare: number;
  perRequest: [number, number];
  failShare: number;
}

/** Per tier, the rules its calls follow (tables over branching: a tier may call two kinds of targets). */
const RULES: Record<PlannedService['tier'], CallRule[]> = {
  client: [],
  front: [{ layers: () => [1, 3], count: [4, 8], localShare: 0.75, perRequest: [0.2, 1], failShare: 0.4 }],
  mid: [
    {
      layers: (s) => [s.layer + 1, 3],
      count: [2, 4],
      localShare: 0.7,
      perRequest: [0.1, 0.6],
      failShare: 0.7,
    },
    { layers: () => [4, 4], count: [1, 3], localShare: 0.85, perRequest: [0.2, 1], failShare: 1 },
  ],
  data: [],
};

/** The Deployment name of one version of a planned service. */
export function deploymentName(service: PlannedService, version: string): string {
  return service.tier === 'mid' || service.tier === 'front' ? `${service.app}-${version}` : service.app;
}

/** The workloads (one per version) of a planned service. */
export function workloadsOf(service: PlannedService): WorkloadKey[] {
  return service.versions.map((v) => ({ namespace: service.namespace, name: deploymentName(service, v) }));
}

function pathTo(service: PlannedService): string | undefined {
  if (service.port?.appProtocol === 'grpc') return `/${service.app}.v1.Api/Get`;
  return service.port?.appProtocol === 'http' ? `/api/v1/${service.app}` : undefined;
}

/** Services by layer, for the whole mesh and per namespace. */
class Candidates {
  private readonly global = new Map<number, PlannedService[]>();
  private readonly local = new Map<string, PlannedService[]>();

  constructor(plan: readonly PlannedNamespace[]) {
    for (const service of plan.flatMap((ns) => ns.services)) {
      this.push(this.global, service.layer, service);
      this.push(this.local, `${service.namespace}/${service.layer}`, service);
    }
  }

  in(range: [number, number], namespace?: string): PlannedService[] {
    const out: PlannedService[] = [];
    for (let layer = range[0]; layer <= range[1]; layer++) {
      out.push(...((namespace ? this.local.get(`${namespace}/${layer}`) : this.global.get(layer)) ?? []));
    }
    return out;
  }

  private push<K>(map: Map<K, PlannedService[]>, key: K, service: PlannedService): void {
    map.set(key, [...(map.get(key) ?? []), service]);
  }
}

function callsOf(random: Random, from: PlannedService, candidates: Candidates): ServiceCall[] {
  const calls: ServiceCall[] = [];
  for (const rule of RULES[from.tier]) {
    const range = rule.layers(from);
    const local = candidates.in(range, from.namespace);
    const global = candidates.in(range);
    const chosen = new Set<PlannedService>();
    const wanted = intBetween(random, rule.count[0], rule.count[1]);
    for (let attempt = 0; attempt < wanted * 4 && chosen.size < wanted && global.length > 0; attempt++) {
      const target = pick(random, random() < rule.localShare && local.length > 0 ? local : global);
      if (target && target !== from) chosen.add(target);
    }
    for (const target of chosen) {
      const port = target.port?.port ?? 0;
      const shared = {
        to: { namespace: target.namespace, service: target.app, port },
        perRequest: between(random, rule.perRequest[0], rule.perRequest[1], 2),
        onError: random() < rule.failShare ? ('fail' as const) : ('degrade' as const),
        ...(pathTo(target) && { path: pathTo(target) }),
      };
      for (const workload of workloadsOf(from)) calls.push({ from: workload, ...shared });
    }
  }
  return calls;
}

/** The ingress gateway's calls to the exposed front ends (shares of its requests) and the internet's traffic. */
function ingressTraffic(
  random: Random,
  fronts: PlannedService[],
): { calls: ServiceCall[]; source: TrafficSource } {
  const exposed = fronts.filter((_, i) => i === 0 || random() < 0.5);
  const calls = exposed.map<ServiceCall>((front) => ({
    from: INGRESS.workload,
    to: { namespace: front.namespace, service: front.app, port: front.port?.port ?? 0 },
    perRequest: Math.round(10_000 / exposed.length) / 10_000,
    onError: 'fail',
    path: `/${front.namespace}/`,
  }));
  const source: TrafficSource = {
    from: null,
    to: INGRESS.service,
    ratePerSecond: 3 * exposed.length,
    path: '/',
  };
  return { calls, source };
}

/** The calls and traffic sources of a planned mesh. */
export function planCalls(
  random: Random,
  plan: readonly PlannedNamespace[],
): { calls: ServiceCall[]; sources: TrafficSource[] } {
  const candidates = new Candidates(plan);
  const services = plan.flatMap((ns) => ns.services);
  const calls = services.flatMap((service) => callsOf(random, service, candidates));
  const fronts = services.filter((s) => s.tier === 'front');
  const clients = services.filter((s) => s.tier === 'client').flatMap(workloadsOf);
  const ingress = ingressTraffic(random, fronts);
  const sources: TrafficSource[] = [ingress.source];
  for (const front of fronts) {
    const from = new Set<WorkloadKey>();
    const wanted = Math.min(clients.length, intBetween(random, 1, 3));
    for (let attempt = 0; attempt < wanted * 4 && from.size < wanted; attempt++) {
      const client = pick(random, clients);
      if (client) from.add(client);
    }
    for (const client of from) {
      sources.push({
        from: client,
        to: { namespace: front.namespace, service: front.app, port: front.port?.port ?? 0 },
        ratePerSecond: between(random, 0.5, 5, 1),
        path: '/',
      });
    }
  }
  return { calls: [...ingress.calls, ...calls], sources };
}
