import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import { DEFAULT_THRESHOLDS } from '@/lib/graph/health';
import { namespaceVerdict, notFoundMessage } from '@/lib/mesh/detail-params';
import { waypointWorkloads } from '@/lib/mesh/detail-subject';
import type { NamespaceDetail } from '@/lib/mesh/detail-types';
import { namespaceDetail } from '@/lib/mesh/namespace-detail';
import type { NamespaceTraffic } from '@/lib/mesh/types';
import type { SourceErrorDTO } from '@/lib/source-error';
import { meshFacts } from '@/server/graph/mesh-facts';
import { NO_METRICS } from '@/server/graph/queries';
import { NAMESPACE_KINDS, readDetailTraffic, detailBody, type DetailOptions } from './detail-reads';
import type { PostureParams, PostureSources } from './posture';
import { readPostureTraffic, trafficByNamespace } from './posture-traffic';
import { readKinds, workloadGroups } from './view-sources';

/** A page's answer: the data with its errors, or the status and error of a 404. */
export type DetailAnswer<T> =
  { status: 200; body: DataResponse<T> } | { status: 404; body: { error: SourceErrorDTO } };

/** The Overview's traffic for every namespace (its three fixed reads), so the page's card matches the Overview's. */
async function postureTraffic(
  sources: PostureSources,
  windowSeconds: number,
  facts: () => Parameters<typeof trafficByNamespace>[1],
  signal?: AbortSignal,
): Promise<{ traffic: Map<string, NamespaceTraffic> | null; errors: SourceErrorDTO[]; issued: number }> {
  if (sources.metrics === null) return { traffic: null, errors: [NO_METRICS], issued: 0 };
  const reads = await readPostureTraffic(sources.metrics, { windowSeconds }, signal);
  return {
    traffic: reads.samples === null ? null : trafficByNamespace(reads.samples, facts()),
    errors: reads.errors,
    issued: reads.issued,
  };
}

/**
 * The namespace page (`GET /api/mesh/namespaces/<ns>`): the Overview's card, its workloads, the policies in it
 * and its inbound and outbound series (`lib/mesh/namespace-detail.ts`, `detail-reads.ts`). A namespace the
 * Namespace list does not have is a 404; a kind or metrics read that fails adds to `errors` and leaves its part
 * unknown (a Namespace list that cannot be read: the namespace is then taken as unlabelled).
 */
export async function readNamespaceDetail(
  namespace: string,
  params: PostureParams,
  sources: PostureSources,
  options: DetailOptions = {},
): Promise<DetailAnswer<NamespaceDetail>> {
  const started = performance.now();
  const end = new Date((options.now ?? Date.now)());
  const errors: SourceErrorDTO[] = [];
  const lists = readKinds(sources.kube, NAMESPACE_KINDS, errors);
  if (namespaceVerdict(lists.namespaces, namespace) === 'not-found') {
    const message = notFoundMessage({ namespace });
    return { status: 404, body: { error: { source: 'kubernetes', kind: 'not_found', message } } };
  }
  const namespaceObject = lists.namespaces?.find((ns) => ns.metadata.name === namespace) ?? {
    metadata: { name: namespace },
  };
  const pods = lists.pods ?? [];
  const workloads = workloadGroups(pods);
  const gateways = lists.gateways ?? [];
  const gatewayClasses = lists.gatewayclasses ?? [];
  const waypoints = waypointWorkloads(workloads, { gateways, gatewayClasses });
  const snapshot = {
    namespaces: lists.namespaces ?? [namespaceObject],
    pods,
    services: lists.services ?? [],
    gateways,
    gatewayClasses,
    virtualServices: [],
    httpRoutes: [],
    authorizationPolicies: [],
  };
  const [traffic, posture] = await Promise.all([
    readDetailTraffic(
      sources,
      { namespace },
      { windowSeconds: params.windowSeconds, end },
      (ns, workload) => waypoints.has(`${ns}/${workload}`),
      options,
    ),
    postureTraffic(sources, params.windowSeconds, () => meshFacts(snapshot), options.signal),
  ]);
  const detail = namespaceDetail(namespaceObject, {
    namespaces: snapshot.namespaces,
    pods: lists.pods,
    services: snapshot.services,
    gateways,
    gatewayClasses,
    peerAuthentications: lists.peerauthentications,
    deployments: lists.deployments,
    daemonSets: lists.daemonsets,
    gatewayApi: {
      gateways: sources.kube.kindError('gateways')?.kind ?? null,
      httproutes: sources.kube.kindError('httproutes')?.kind ?? null,
    },
    traffic: posture.traffic,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    workloads,
    authorizationPolicies: lists.authorizationpolicies,
    routing: {
      virtualServices: lists.virtualservices ?? [],
      httpRoutes: lists.httproutes ?? [],
      destinationRules: lists.destinationrules ?? [],
    },
    edges: traffic.edges,
    health: traffic.health,
  });
  return {
    status: 200,
    body: detailBody(detail, {
      traffic,
      windowSeconds: params.windowSeconds,
      end,
      started,
      errors,
      laterErrors: posture.errors,
      extraQueries: posture.issued,
    }),
  };
}
