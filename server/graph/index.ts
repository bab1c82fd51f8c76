import 'server-only';
import type { GraphParams } from '@/lib/api/graph-params';
import { DEFAULT_THRESHOLDS, parseThresholds, type HealthThresholds } from '@/lib/graph/health';
import type { GraphResponse } from '@/lib/graph/types';
import type { KindName } from '@/lib/kube/kinds';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { KubeCache } from '@/server/kube/cache';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { buildGraph } from './build-graph';
import { meshFacts, type KubeSnapshot } from './mesh-facts';
import { NO_METRICS, readTraffic, type TrafficReads } from './queries';
import { recentSubWindow } from './recent';

/** What the graph reads: the watch cache (configuration) and the metrics source (traffic; null if none). */
export interface GraphSources {
  kube: Pick<KubeCache, 'list' | 'kindError'>;
  metrics: MetricsSource | null;
}

/** Which kind fills which field of the snapshot. */
const SNAPSHOT_KINDS: Readonly<Record<keyof KubeSnapshot, KindName>> = {
  namespaces: 'namespaces',
  pods: 'pods',
  services: 'services',
  gateways: 'gateways',
  gatewayClasses: 'gatewayclasses',
  virtualServices: 'virtualservices',
  httpRoutes: 'httproutes',
  authorizationPolicies: 'authorizationpolicies',
};

function snapshotOf(kube: GraphSources['kube'], errors: SourceErrorDTO[]): KubeSnapshot {
  const entries = Object.entries(SNAPSHOT_KINDS).map(([field, kind]) => {
    const error = kube.kindError(kind);
    if (error) errors.push(error.toDTO());
    return [field, kube.list(kind)];
  });
  return Object.fromEntries(entries) as KubeSnapshot;
}

/** The requested namespaces the cluster has (all when the Namespace list cannot be read); errors for the rest. */
function knownNamespaces(
  params: GraphParams,
  kube: GraphSources['kube'],
  snapshot: KubeSnapshot,
  errors: SourceErrorDTO[],
): string[] | '*' {
  if (params.namespaces === '*' || kube.kindError('namespaces') !== null) return params.namespaces;
  const known = new Set(snapshot.namespaces.map((ns) => ns.metadata.name));
  for (const name of params.namespaces.filter((ns) => !known.has(ns))) {
    errors.push({
      source: 'kubernetes',
      kind: 'not_found',
      message: `namespace ${JSON.stringify(name)} not found`,
    });
  }
  return params.namespaces.filter((ns) => known.has(ns));
}

/**
 * The service graph for the parameters (docs/graph-api.md): one fixed set of concurrent metric reads (six, and
 * two more over the recent sub-window when `recentSeconds` is given), then the pipeline of `build-graph.ts`. What
 * cannot be read (a query refused, a source down, an unknown namespace) is listed in `errors` and the rest is still
 * answered.
 */
export async function readGraph(
  params: GraphParams,
  sources: GraphSources,
  options: { signal?: AbortSignal; thresholds?: HealthThresholds; now?: () => number } = {},
): Promise<GraphResponse> {
  const started = performance.now();
  const end = new Date(params.end?.getTime() ?? (options.now ?? Date.now)());
  const errors: SourceErrorDTO[] = [];
  const snapshot = snapshotOf(sources.kube, errors);
  const namespaces = knownNamespaces(params, sources.kube, snapshot, errors);
  const recentSeconds = recentSubWindow(
    params.recentSeconds ?? null,
    sources.metrics?.resolutionSeconds ?? 0,
    params.windowSeconds,
  );
  let reads: TrafficReads = { samples: {}, recent: null, errors: [], issued: 0 };
  if (sources.metrics === null) errors.push(NO_METRICS);
  else if (namespaces.length > 0) {
    const selection = {
      namespaces,
      windowSeconds: params.windowSeconds,
      recentSeconds,
      ...(params.end ? { at: end } : {}),
    };
    reads = await readTraffic(sources.metrics, selection, options.signal);
  }
  const { nodes, edges } = buildGraph({
    samples: reads.samples,
    recent: reads.recent && recentSeconds !== null ? { samples: reads.recent, seconds: recentSeconds } : null,
    facts: meshFacts(snapshot),
    graphType: params.graphType,
    layers: params.layers,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
  });
  return {
    nodes,
    edges,
    errors: distinct([...errors, ...reads.errors]),
    meta: {
      namespaces: params.namespaces,
      windowSeconds: params.windowSeconds,
      recentSeconds,
      end: end.toISOString(),
      graphType: params.graphType,
      layers: params.layers,
      queries: reads.issued,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/** The errors, each listed once. */
function distinct(errors: SourceErrorDTO[]): SourceErrorDTO[] {
  return [...new Map(errors.map((e) => [JSON.stringify(e), e])).values()];
}

/**
 * Health thresholds: {@link DEFAULT_THRESHOLDS}, or as `GRAPH_HEALTH_THRESHOLDS` overrides them (e.g.
 * `5xx=0/10,4xx=10/20`, percent). An invalid value is reported once on the server log and the defaults are kept.
 */
export function thresholdsFromEnv(
  value: string | undefined = process.env.GRAPH_HEALTH_THRESHOLDS,
): HealthThresholds {
  if (value === undefined || value.trim() === '') return DEFAULT_THRESHOLDS;
  try {
    return parseThresholds(value);
  } catch (error) {
    console.error(
      `meshlens: GRAPH_HEALTH_THRESHOLDS ignored: ${error instanceof Error ? error.message : String(error)}`,
    );
    return DEFAULT_THRESHOLDS;
  }
}
