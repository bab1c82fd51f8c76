import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import { DEFAULT_THRESHOLDS, type HealthThresholds } from '@/lib/graph/health';
import type { KindName } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import { meshPosture } from '@/lib/mesh/overview';
import type { MeshOverview, NamespaceTraffic } from '@/lib/mesh/types';
import type { SourceErrorDTO, SourceErrorKind } from '@/lib/source-error';
import type { KubeCache } from '@/server/kube/cache';
import { meshFacts } from '@/server/graph/mesh-facts';
import { NO_METRICS } from '@/server/graph/queries';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { readPostureTraffic, trafficByNamespace } from './posture-traffic';
import { isGatewayApiMissing } from './view-sources';

/** What the posture reads: the watch cache and the metrics source (null if none). */
export interface PostureSources {
  kube: Pick<KubeCache, 'list' | 'kindError'>;
  metrics: MetricsSource | null;
}

/** The window of the rates. */
export interface PostureParams {
  /** Seconds, 60 to 86,400. */
  windowSeconds: number;
}

/** The kinds the posture reads. */
const KINDS = [
  'namespaces',
  'pods',
  'services',
  'gatewayclasses',
  'gateways',
  'httproutes',
  'peerauthentications',
  'deployments',
  'daemonsets',
] as const satisfies readonly KindName[];

type Kind = (typeof KINDS)[number];
type Lists = Record<Kind, KubeObject[] | null>;

/** Each kind's objects, or null with its error in `errors` (a Gateway API kind not installed is not an error). */
function readLists(
  kube: PostureSources['kube'],
  errors: SourceErrorDTO[],
): {
  lists: Lists;
  kinds: Record<Kind, SourceErrorKind | null>;
} {
  const lists = {} as Lists;
  const kinds = {} as Record<Kind, SourceErrorKind | null>;
  for (const kind of KINDS) {
    const error = kube.kindError(kind);
    kinds[kind] = error?.kind ?? null;
    if (error && !isGatewayApiMissing(kind, error.kind)) errors.push(error.toDTO());
    lists[kind] = error ? null : kube.list(kind);
  }
  return { lists, kinds };
}

/**
 * The mesh posture (`GET /api/mesh/overview`): the control plane and a card per namespace from the watch cache,
 * with inbound rates from one fixed set of concurrent metric reads for every namespace at once. A source that
 * cannot be read adds to `errors` and leaves its part empty (no rates, an unknown PeerAuthentication…); the rest
 * is still answered.
 */
export async function readMeshOverview(
  params: PostureParams,
  sources: PostureSources,
  options: { signal?: AbortSignal; thresholds?: HealthThresholds; now?: () => number } = {},
): Promise<DataResponse<MeshOverview>> {
  const started = performance.now();
  const end = new Date((options.now ?? Date.now)());
  const errors: SourceErrorDTO[] = [];
  const { lists, kinds } = readLists(sources.kube, errors);
  const namespaces = lists.namespaces ?? [];
  const pods = lists.pods ?? [];
  const services = lists.services ?? [];
  const gateways = lists.gateways ?? [];
  const gatewayClasses = lists.gatewayclasses ?? [];

  let traffic: Map<string, NamespaceTraffic> | null = null;
  let queries = 0;
  if (sources.metrics === null) errors.push(NO_METRICS);
  else {
    const reads = await readPostureTraffic(
      sources.metrics,
      { windowSeconds: params.windowSeconds },
      options.signal,
    );
    queries = reads.issued;
    errors.push(...reads.errors);
    if (reads.samples !== null) {
      const facts = meshFacts({
        namespaces,
        pods,
        services,
        gateways,
        gatewayClasses,
        virtualServices: [],
        httpRoutes: [],
        authorizationPolicies: [],
      });
      traffic = trafficByNamespace(reads.samples, facts);
    }
  }

  const posture = meshPosture({
    namespaces,
    pods: lists.pods,
    services,
    gateways,
    gatewayClasses,
    peerAuthentications: lists.peerauthentications,
    deployments: lists.deployments,
    daemonSets: lists.daemonsets,
    gatewayApi: { gateways: kinds.gateways, httproutes: kinds.httproutes },
    traffic,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
  });
  return {
    data: {
      ...posture,
      meta: {
        windowSeconds: params.windowSeconds,
        end: end.toISOString(),
        queries,
        durationMs: Math.round(performance.now() - started),
      },
    },
    errors: [...new Map(errors.map((e) => [JSON.stringify(e), e])).values()],
  };
}
