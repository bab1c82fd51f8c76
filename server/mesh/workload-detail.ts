import 'server-only';
import { namespaceVerdict, notFoundMessage, workloadVerdict } from '@/lib/mesh/detail-params';
import { waypointWorkloads } from '@/lib/mesh/detail-subject';
import type { WorkloadDetail } from '@/lib/mesh/detail-types';
import { workloadDetail } from '@/lib/mesh/workload-detail';
import type { SourceErrorDTO } from '@/lib/source-error';
import { WORKLOAD_KINDS, readDetailTraffic, detailBody, type DetailOptions } from './detail-reads';
import type { DetailAnswer } from './namespace-detail';
import type { PostureParams, PostureSources } from './posture';
import { readKinds, workloadGroups } from './view-sources';

/** The answer when pods cannot be read at all: a workload cannot then be told from an unknown one. */
export type WorkloadAnswer = DetailAnswer<WorkloadDetail> | { status: 503; body: { error: SourceErrorDTO } };

/**
 * The workload page (`GET /api/mesh/workloads/<ns>/<name>`): pods, identity, Services, effective waypoint and
 * PeerAuthentication, the policies that apply and where, callers and callees, and its inbound and outbound series
 * (`lib/mesh/workload-detail.ts`, `detail-reads.ts`). A workload no pod of the namespace belongs to is a 404; pods
 * that cannot be read are a 503 with the cache's error; any other kind or metrics read that fails adds to `errors`
 * and leaves its part unknown.
 */
export async function readWorkloadDetail(
  subject: { namespace: string; name: string },
  params: PostureParams,
  sources: PostureSources,
  options: DetailOptions = {},
): Promise<WorkloadAnswer> {
  const started = performance.now();
  const end = new Date((options.now ?? Date.now)());
  const errors: SourceErrorDTO[] = [];
  const lists = readKinds(sources.kube, WORKLOAD_KINDS, errors);
  const workloads = lists.pods === null ? null : workloadGroups(lists.pods);
  const verdict = workloadVerdict(namespaceVerdict(lists.namespaces, subject.namespace), workloads, subject);
  const workload = workloads?.find((w) => w.namespace === subject.namespace && w.name === subject.name);
  if (verdict === 'not-found') {
    const message = notFoundMessage(subject);
    return { status: 404, body: { error: { source: 'kubernetes', kind: 'not_found', message } } };
  }
  if (workloads === null || workload === undefined) {
    const error = sources.kube.kindError('pods')?.toDTO() ?? {
      source: 'kubernetes' as const,
      kind: 'unavailable' as const,
      message: 'pods could not be read',
    };
    return { status: 503, body: { error } };
  }
  const gateways = lists.gateways ?? [];
  const gatewayClasses = lists.gatewayclasses ?? [];
  const waypoints = waypointWorkloads(workloads, { gateways, gatewayClasses });
  const traffic = await readDetailTraffic(
    sources,
    { namespace: subject.namespace, workload: subject.name },
    { windowSeconds: params.windowSeconds, end },
    (ns, name) => waypoints.has(`${ns}/${name}`),
    options,
  );
  const detail = workloadDetail(workload, {
    namespaces: lists.namespaces ?? [],
    services: lists.services ?? [],
    gateways,
    gatewayClasses,
    peerAuthentications: lists.peerauthentications,
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
    body: detailBody(detail, { traffic, windowSeconds: params.windowSeconds, end, started, errors }),
  };
}
