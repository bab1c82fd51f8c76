import { type KubeObject } from '@/lib/kube/object';
import { subsetLabels } from './destination-rule';
import { parseIstioDuration } from './duration';
import { fqdnOf, serviceOfFqdn } from './host';
import { hostIndexMemo } from './host-index';
import { sharesOf, splitPath, stringMatches, type StringMatch } from './route-match';
import {
  type FaultSettings,
  type RetrySettings,
  type RouteDecision,
  type RouteDestination,
  type RouteRequest,
  type RoutingCatalog,
  noRoute,
} from './routing-types';
import { matchesLabels } from './selector';

/** `http[].match[]` entries. Conditions inside one entry are AND-ed; entries are OR-ed. */
export interface HttpMatchRequest {
  uri?: StringMatch;
  method?: StringMatch;
  headers?: Record<string, StringMatch>;
  withoutHeaders?: Record<string, StringMatch>;
  queryParams?: Record<string, StringMatch>;
  port?: number;
  sourceLabels?: Record<string, string>;
  sourceNamespace?: string;
  ignoreUriCase?: boolean;
}

interface Percent {
  percentage?: { value?: number };
  /** Deprecated integer percentage. */
  percent?: number;
}

/** One `http[]` route. */
export interface HttpRoute {
  match?: HttpMatchRequest[];
  route?: { destination?: { host?: string; subset?: string; port?: { number?: number } }; weight?: number }[];
  fault?: { abort?: Percent & { httpStatus?: number }; delay?: Percent & { fixedDelay?: string } };
  retries?: { attempts?: number; perTryTimeout?: string; retryOn?: string };
  timeout?: string;
}

/** The fields of `VirtualService.spec` read here. */
export interface VirtualServiceSpec {
  hosts?: string[];
  /** Absent means `mesh` only; a VirtualService bound to gateways only does not route mesh traffic. */
  gateways?: string[];
  http?: HttpRoute[];
}

type VirtualService = KubeObject<VirtualServiceSpec>;

function headersMatch(
  wanted: Record<string, StringMatch> | undefined,
  headers: RouteRequest['headers'],
): boolean {
  return Object.entries(wanted ?? {}).every(([name, match]) =>
    stringMatches(match, headers[name.toLowerCase()]),
  );
}

/** True when one `match` entry accepts the request (`sourceLabels` are ignored where `request.source` is null). */
export function httpMatchAccepts(match: HttpMatchRequest, request: RouteRequest): boolean {
  const { path, query } = splitPath(request.path);
  const without = Object.entries(match.withoutHeaders ?? {});
  return (
    (match.uri === undefined || stringMatches(match.uri, path, match.ignoreUriCase === true)) &&
    (match.method === undefined || stringMatches(match.method, request.method)) &&
    (match.port === undefined || match.port === request.port) &&
    headersMatch(match.headers, request.headers) &&
    without.every(([name, m]) => !stringMatches(m, request.headers[name.toLowerCase()])) &&
    Object.entries(match.queryParams ?? {}).every(([key, m]) => stringMatches(m, query[key])) &&
    (request.source === null || matchesLabels(match.sourceLabels, request.source.labels)) &&
    (request.source === null ||
      match.sourceNamespace === undefined ||
      match.sourceNamespace === request.source.namespace)
  );
}

function shareOf(percent: Percent): number {
  const value = percent.percentage?.value ?? percent.percent ?? 100;
  return Math.min(Math.max(value, 0), 100) / 100;
}

function faultOf(route: HttpRoute): FaultSettings | null {
  const { abort, delay } = route.fault ?? {};
  const fault: FaultSettings = {};
  if (abort?.httpStatus !== undefined) fault.abort = { httpStatus: abort.httpStatus, share: shareOf(abort) };
  const delayMs = parseIstioDuration(delay?.fixedDelay);
  if (delay && delayMs !== undefined) fault.delay = { delayMs, share: shareOf(delay) };
  return fault.abort || fault.delay ? fault : null;
}

function retriesOf(route: HttpRoute): RetrySettings | null {
  const retries = route.retries;
  if (retries === undefined || (retries.attempts ?? 0) <= 0) return null;
  const perTryTimeoutMs = parseIstioDuration(retries.perTryTimeout);
  const retryOn = (
    retries.retryOn ?? 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes'
  )
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    attempts: retries.attempts ?? 0,
    ...(perTryTimeoutMs !== undefined ? { perTryTimeoutMs } : {}),
    retryOn,
  };
}

function destinationsOf(route: HttpRoute, vs: VirtualService, catalog: RoutingCatalog): RouteDestination[] {
  const entries = route.route ?? [];
  const shares = sharesOf(entries.map((e) => (entries.length === 1 ? (e.weight ?? 100) : (e.weight ?? 0))));
  return entries.flatMap((entry, i) => {
    const host = entry.destination?.host;
    const service = host ? serviceOfFqdn(fqdnOf(host, vs.metadata.namespace ?? '')) : undefined;
    if (service === undefined || (shares[i] ?? 0) <= 0) return [];
    const subset = entry.destination?.subset;
    const labels =
      subset === undefined ? null : (subsetLabels(catalog.destinationRules, service, subset) ?? null);
    const port = entry.destination?.port?.number;
    return [
      {
        service,
        ...(port !== undefined ? { port } : {}),
        ...(subset !== undefined ? { subset } : {}),
        subsetLabels: labels,
        missingSubset: subset !== undefined && labels === null,
        share: shares[i] ?? 0,
      },
    ];
  });
}

/** Mesh-bound VirtualServices (no `gateways`, or `mesh` listed) by host. */
const byHost = hostIndexMemo((object) => {
  const spec = (object as VirtualService).spec;
  const gateways = spec?.gateways;
  return gateways !== undefined && gateways.length > 0 && !gateways.includes('mesh')
    ? []
    : (spec?.hosts ?? []);
});

/**
 * The VirtualService for a Service in the mesh: those bound to `mesh` (no `gateways`, or `mesh` listed) whose hosts
 * cover the Service; an exact host beats a wildcard, then the oldest wins (Istio does not merge them).
 */
export function virtualServiceFor(
  virtualServices: readonly KubeObject[],
  service: RouteRequest['service'],
): KubeObject | undefined {
  const candidates = byHost(virtualServices).lookup(service) as VirtualService[];
  const rank = (vs: VirtualService): string => {
    const exact = (vs.spec?.hosts ?? []).some((h) => !h.startsWith('*')) ? '0' : '1';
    return `${exact}${vs.metadata.creationTimestamp ?? ''}/${vs.metadata.namespace ?? ''}/${vs.metadata.name}`;
  };
  return candidates.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0))[0];
}

/** The decision of one VirtualService for a request: the first `http[]` route whose match accepts it. */
export function routeByVirtualService(
  vs: KubeObject,
  request: RouteRequest,
  catalog: RoutingCatalog,
): RouteDecision {
  const spec = (vs as VirtualService).spec;
  const source = {
    kind: 'VirtualService' as const,
    namespace: vs.metadata.namespace ?? '',
    name: vs.metadata.name,
  };
  const where = `${source.namespace}/${source.name}`;
  const routes = spec?.http ?? [];
  const index = routes.findIndex(
    (r) => (r.match ?? []).length === 0 || r.match?.some((m) => httpMatchAccepts(m, request)),
  );
  const route = routes[index];
  if (route === undefined) {
    const reason = `${where}: no http route matches`;
    return noRoute(source, reason);
  }
  return {
    kind: 'virtual-service',
    source,
    routeIndex: index,
    destinations: destinationsOf(route, vs as VirtualService, catalog),
    fault: faultOf(route),
    retries: retriesOf(route),
    timeoutMs: parseIstioDuration(route.timeout) ?? null,
    reason: `${where} http[${index}]`,
  };
}
