/**
 * What a VirtualService would do to the traffic seen in the window, before it is applied: for each host it routes,
 * the routes in words (which requests, to which subsets and workloads, at which weights, with which faults,
 * timeouts and retries), the split of the requests into the Service's workloads now, the split the default route
 * would give, and the callers whose requests it routes. Metrics do not record headers or paths, so the share of
 * requests a match condition takes is not known: the preview says so instead of guessing.
 */
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { subsetLabels } from '@/lib/istio/destination-rule';
import { fqdnOf, serviceOfFqdn, type ServiceRef } from '@/lib/istio/host';
import type { StringMatch } from '@/lib/istio/route-match';
import { matchesLabels, type Labels } from '@/lib/istio/selector';
import type { HttpMatchRequest, HttpRoute, VirtualServiceSpec } from '@/lib/istio/virtual-service';
import type { KubeObject } from '@/lib/kube/object';

/** One destination of a route. */
export interface RouteTarget {
  host: string;
  subset: string | null;
  /** 0..100. */
  weight: number;
  /** Workload node ids the destination reaches; empty when the subset selects no pod (or is not defined). */
  workloads: string[];
}

/** One `http[]` route in words. */
export interface RouteOutcome {
  /** "requests with header end-user = jason", "all other requests". */
  match: string;
  targets: RouteTarget[];
  fault: string | null;
  timeout: string | null;
  retries: string | null;
}

/** The preview for one host the VirtualService routes. */
export interface HostImpact {
  service: ServiceRef;
  routes: RouteOutcome[];
  /** Requests per second into each workload of the Service now, with its share 0..1. */
  current: { workload: string; requestsPerSecond: number; share: number }[];
  /** The share 0..1 each workload would get from the route taken by requests no condition matches. */
  expected: { workload: string; share: number }[];
  /** Who calls the Service now, and how much. */
  callers: { source: string; requestsPerSecond: number }[];
  notes: string[];
}

/** The cluster and the observed traffic. */
export interface RoutingImpactContext {
  edges: readonly GraphEdge[];
  nodes: ReadonlyMap<string, GraphNode>;
  /** Labels of each workload node (its first pod's). */
  workloadLabels: ReadonlyMap<string, Labels>;
  services: readonly KubeObject[];
  destinationRules: readonly KubeObject[];
}

function stringMatch(name: string, m: StringMatch): string {
  if (m.exact !== undefined) return `${name} = ${m.exact}`;
  if (m.prefix !== undefined) return `${name} starts with ${m.prefix}`;
  if (m.regex !== undefined) return `${name} matches ${m.regex}`;
  return `${name} present`;
}

function describeMatch(match: HttpMatchRequest): string {
  const parts: string[] = [];
  if (match.uri) parts.push(stringMatch('path', match.uri));
  if (match.method) parts.push(stringMatch('method', match.method));
  for (const [header, m] of Object.entries(match.headers ?? {}))
    parts.push(stringMatch(`header ${header}`, m));
  for (const header of Object.keys(match.withoutHeaders ?? {})) parts.push(`without header ${header}`);
  if (match.sourceLabels)
    parts.push(
      `from pods labelled ${Object.entries(match.sourceLabels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`,
    );
  if (match.sourceNamespace) parts.push(`from namespace ${match.sourceNamespace}`);
  if (match.port !== undefined) parts.push(`to port ${match.port}`);
  return parts.length === 0 ? 'any request' : parts.join(' and ');
}

function percent(p: { percentage?: { value?: number }; percent?: number } | undefined): number {
  return p?.percentage?.value ?? p?.percent ?? 100;
}

function describeFault(fault: HttpRoute['fault']): string | null {
  const parts: string[] = [];
  if (fault?.abort)
    parts.push(`abort with HTTP ${fault.abort.httpStatus ?? '?'} for ${percent(fault.abort)}%`);
  if (fault?.delay) parts.push(`delay ${fault.delay.fixedDelay ?? '?'} for ${percent(fault.delay)}%`);
  return parts.length === 0 ? null : parts.join('; ');
}

/** The workload nodes of a Service (its selector) narrowed to a subset's labels. */
function workloadsOf(service: KubeObject, subset: Labels | undefined, ctx: RoutingImpactContext): string[] {
  const selector = (service.spec as { selector?: Labels } | undefined)?.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  const found: string[] = [];
  for (const [id, labels] of ctx.workloadLabels) {
    const node = ctx.nodes.get(id);
    if (node?.namespace !== service.metadata.namespace) continue;
    if (matchesLabels(selector, labels) && (subset === undefined || matchesLabels(subset, labels)))
      found.push(id);
  }
  return found.sort();
}

function targetsOf(
  route: HttpRoute,
  vsNamespace: string,
  ctx: RoutingImpactContext,
  notes: string[],
): RouteTarget[] {
  const destinations = route.route ?? [];
  const weights = destinations.map((d) => d.weight ?? (destinations.length === 1 ? 100 : 0));
  return destinations.map((d, i) => {
    const host = d.destination?.host ?? '';
    const ref = serviceOfFqdn(fqdnOf(host, vsNamespace));
    const service =
      ref && ctx.services.find((s) => s.metadata.namespace === ref.namespace && s.metadata.name === ref.name);
    const subset = d.destination?.subset ?? null;
    const labels = ref && subset !== null ? subsetLabels(ctx.destinationRules, ref, subset) : undefined;
    if (ref && subset !== null && labels === undefined)
      notes.push(
        `subset ${subset} of ${host} is not defined by a DestinationRule: those requests fail with 503`,
      );
    const workloads =
      service && !(subset !== null && labels === undefined) ? workloadsOf(service, labels, ctx) : [];
    return { host, subset, weight: weights[i] ?? 0, workloads };
  });
}

/** The preview of applying `proposed` (a VirtualService): one entry per host that names a Service of the cluster. */
export function virtualServiceImpact(proposed: KubeObject, ctx: RoutingImpactContext): HostImpact[] {
  const spec = (proposed.spec ?? {}) as VirtualServiceSpec;
  const vsNamespace = proposed.metadata.namespace ?? '';
  const impacts: HostImpact[] = [];
  for (const host of spec.hosts ?? []) {
    const ref = serviceOfFqdn(fqdnOf(host, vsNamespace));
    const service =
      ref && ctx.services.find((s) => s.metadata.namespace === ref.namespace && s.metadata.name === ref.name);
    if (!ref || !service) continue;
    const notes: string[] = [];
    const routes = (spec.http ?? []).map((route, i, all): RouteOutcome => ({
      match:
        route.match && route.match.length > 0
          ? `requests with ${route.match.map(describeMatch).join(', or ')}`
          : i === all.length - 1 && i > 0
            ? 'all other requests'
            : 'all requests',
      targets: targetsOf(route, vsNamespace, ctx, notes),
      fault: describeFault(route.fault),
      timeout: route.timeout ?? null,
      retries: route.retries
        ? `${route.retries.attempts ?? '?'} attempts${route.retries.perTryTimeout ? ` of ${route.retries.perTryTimeout}` : ''}`
        : null,
    }));
    if (routes.some((r) => r.match.startsWith('requests with'))) {
      notes.push(
        'metrics do not record headers, paths or methods, so the share of requests each condition takes is not known',
      );
    }
    const mine = new Set(workloadsOf(service, undefined, ctx));
    const into = ctx.edges.filter((e) => mine.has(e.target) && e.layer === 'L7');
    const total = into.reduce((sum, e) => sum + e.requestsPerSecond, 0);
    const byWorkload = new Map<string, number>();
    const byCaller = new Map<string, number>();
    for (const e of into) {
      byWorkload.set(e.target, (byWorkload.get(e.target) ?? 0) + e.requestsPerSecond);
      byCaller.set(e.source, (byCaller.get(e.source) ?? 0) + e.requestsPerSecond);
    }
    const fallback = routes.findLast((r) => !r.match.startsWith('requests with'));
    const expected = new Map<string, number>();
    for (const t of fallback?.targets ?? []) {
      for (const w of t.workloads)
        expected.set(w, (expected.get(w) ?? 0) + t.weight / 100 / t.workloads.length);
    }
    impacts.push({
      service: ref,
      routes,
      current: [...byWorkload]
        .sort()
        .map(([workload, rps]) => ({ workload, requestsPerSecond: rps, share: total > 0 ? rps / total : 0 })),
      expected: [...expected].sort().map(([workload, share]) => ({ workload, share })),
      callers: [...byCaller]
        .sort((a, b) => b[1] - a[1])
        .map(([source, requestsPerSecond]) => ({ source, requestsPerSecond })),
      notes,
    });
  }
  return impacts;
}
