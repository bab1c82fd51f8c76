import { type KubeObject } from '@/lib/kube/object';
import { parseIstioDuration } from './duration';
import { type ServiceRef } from './host';
import { anchoredRegex, sharesOf, splitPath } from './route-match';
import { type RouteDecision, type RouteDestination, type RouteRequest, noRoute } from './routing-types';

interface ValueMatch {
  type?: 'Exact' | 'PathPrefix' | 'RegularExpression';
  name?: string;
  value?: string;
}

/** `rules[].matches[]` of a Gateway API HTTPRoute. */
export interface HttpRouteMatch {
  path?: ValueMatch;
  headers?: ValueMatch[];
  queryParams?: ValueMatch[];
  method?: string;
}

/** One HTTPRoute rule. */
export interface HttpRouteRule {
  matches?: HttpRouteMatch[];
  backendRefs?: {
    group?: string;
    kind?: string;
    name: string;
    namespace?: string;
    port?: number;
    weight?: number;
  }[];
  timeouts?: { request?: string };
  retry?: { attempts?: number; codes?: number[] };
}

/** The fields of `HTTPRoute.spec` read here. */
export interface HttpRouteSpec {
  parentRefs?: { group?: string; kind?: string; name: string; namespace?: string; port?: number }[];
  rules?: HttpRouteRule[];
}

type HttpRoute = KubeObject<HttpRouteSpec>;

/** True when the HTTPRoute attaches to the Service port (a GAMMA `parentRef` of kind Service). */
export function httpRouteAttaches(route: KubeObject, service: ServiceRef, port: number): boolean {
  const ns = route.metadata.namespace ?? '';
  return ((route as HttpRoute).spec?.parentRefs ?? []).some(
    (ref) =>
      ref.kind === 'Service' &&
      (ref.group === undefined || ref.group === '' || ref.group === 'core') &&
      ref.name === service.name &&
      (ref.namespace ?? ns) === service.namespace &&
      (ref.port === undefined || ref.port === port),
  );
}

function valueMatches(match: ValueMatch, value: string | undefined, pathPrefix = false): boolean {
  if (value === undefined || match.value === undefined) return false;
  if (match.type === 'RegularExpression') return anchoredRegex(match.value)?.test(value) ?? false;
  if (pathPrefix && match.type !== 'Exact') {
    const prefix = match.value.replace(/\/+$/, '');
    return value === prefix || value.startsWith(`${prefix}/`) || prefix === '';
  }
  return value === match.value;
}

function accepts(match: HttpRouteMatch, request: RouteRequest): boolean {
  const { path, query } = splitPath(request.path);
  return (
    (match.path === undefined || valueMatches(match.path, path, true)) &&
    (match.method === undefined || match.method === request.method) &&
    (match.headers ?? []).every((h) => valueMatches(h, request.headers[(h.name ?? '').toLowerCase()])) &&
    (match.queryParams ?? []).every((q) => valueMatches(q, query[q.name ?? '']))
  );
}

/**
 * Gateway API precedence between matches: an exact path, then the longest prefix, then a method, then the most
 * header matches, then the most query matches; ties keep the order of routes (oldest first) and rules.
 */
function specificity(match: HttpRouteMatch): number[] {
  const exact = match.path?.type === 'Exact' ? 1 : 0;
  const prefix = match.path?.type === 'RegularExpression' ? 0 : (match.path?.value ?? '/').length;
  const method = match.method === undefined ? 0 : 1;
  return [exact, prefix, method, match.headers?.length ?? 0, match.queryParams?.length ?? 0].map((n) => -n);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function destinationsOf(rule: HttpRouteRule, route: HttpRoute): RouteDestination[] {
  const refs = (rule.backendRefs ?? []).filter((r) => (r.kind ?? 'Service') === 'Service');
  const shares = sharesOf(refs.map((r) => r.weight ?? 1));
  return refs.flatMap((ref, i) => {
    const share = shares[i] ?? 0;
    if (share <= 0) return [];
    const service = { namespace: ref.namespace ?? route.metadata.namespace ?? '', name: ref.name };
    return [
      { service, ...(ref.port ? { port: ref.port } : {}), subsetLabels: null, missingSubset: false, share },
    ];
  });
}

/**
 * The decision of the HTTPRoutes attached to a Service for a request: the most specific matching rule across them
 * (a rule without matches matches every path), weights over its `backendRefs`, `timeouts.request`, `retry`.
 * Filters (header changes, mirrors, redirects) are not modelled.
 */
export function routeByHttpRoutes(routes: readonly KubeObject[], request: RouteRequest): RouteDecision {
  const age = (r: HttpRoute): string => `${r.metadata.creationTimestamp ?? ''}/${r.metadata.name}`;
  const sorted = [...(routes as readonly HttpRoute[])].sort((a, b) =>
    age(a) < age(b) ? -1 : age(a) > age(b) ? 1 : 0,
  );
  let best: { route: HttpRoute; index: number; rank: number[] } | undefined;
  for (const route of sorted) {
    (route.spec?.rules ?? []).forEach((rule, index) => {
      for (const match of rule.matches?.length
        ? rule.matches
        : [{ path: { type: 'PathPrefix' as const, value: '/' } }]) {
        if (!accepts(match, request)) continue;
        const rank = specificity(match);
        if (best === undefined || compare(rank, best.rank) < 0) best = { route, index, rank };
      }
    });
  }
  const first = sorted[0];
  const chosen = best?.route ?? first;
  const source = {
    kind: 'HTTPRoute' as const,
    namespace: chosen?.metadata.namespace ?? '',
    name: chosen?.metadata.name ?? '',
  };
  const rule = best === undefined ? undefined : best.route.spec?.rules?.[best.index];
  if (best === undefined || rule === undefined || (rule.backendRefs ?? []).length === 0) {
    const reason = `${source.namespace}/${source.name}: no rule with backends matches`;
    return noRoute(source, reason);
  }
  const attempts = rule.retry?.attempts ?? 0;
  return {
    kind: 'http-route',
    source,
    routeIndex: best.index,
    destinations: destinationsOf(rule, best.route),
    fault: null,
    retries: attempts > 0 ? { attempts, retryOn: (rule.retry?.codes ?? [503]).map(String) } : null,
    timeoutMs: parseIstioDuration(rule.timeouts?.request) ?? null,
    reason: `${source.namespace}/${source.name} rules[${best.index}]`,
  };
}
