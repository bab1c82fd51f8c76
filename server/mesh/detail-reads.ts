import 'server-only';
import type { HealthThresholds } from '@/lib/graph/health';
import type { GraphEdge, Health } from '@/lib/graph/types';
import type { IsWaypoint } from '@/lib/mesh/detail-series';
import type { DetailTraffic } from '@/lib/mesh/detail-types';
import type { MeshViewMeta } from '@/lib/mesh/views-types';
import type { SourceErrorDTO } from '@/lib/source-error';
import { readGraph } from '@/server/graph';
import { seriesStepSeconds } from '@/server/graph/series';
import type { PostureSources } from './posture';
import { readDetailSeries, type SeriesSubject } from './detail-series';
import { distinctErrors } from './view-sources';

/**
 * What the namespace and workload pages read besides the watch cache, concurrently: the workload graph of the
 * subject's namespace (edges touching it, each call counted once: callers, callees, inbound rates, health) and the
 * subject's inbound and outbound series. A metrics read that fails leaves its part null or empty, never zero, with
 * the error listed once.
 */

/** The kinds the workload page reads from the watch cache. */
export const WORKLOAD_KINDS = [
  'namespaces',
  'pods',
  'services',
  'gatewayclasses',
  'gateways',
  'httproutes',
  'virtualservices',
  'destinationrules',
  'authorizationpolicies',
  'peerauthentications',
] as const;

/** The kinds the namespace page reads: the workload page's, and those the Overview's card needs (ztunnel). */
export const NAMESPACE_KINDS = [...WORKLOAD_KINDS, 'deployments', 'daemonsets'] as const;

/** Options of a read: cancellation, health thresholds, and the clock (for tests). */
export interface DetailOptions {
  signal?: AbortSignal;
  thresholds?: HealthThresholds;
  now?: () => number;
}

/** The traffic part of a page. */
export interface DetailTrafficReads {
  /** Null when the graph's metric reads failed or there is no metrics source. */
  edges: GraphEdge[] | null;
  /** The graph's node health by node id; null with `edges`. */
  health: Map<string, Health> | null;
  series: DetailTraffic;
  queries: number;
  errors: SourceErrorDTO[];
}

/** Reads the graph of the subject's namespace and the subject's series over the window ending at `end`. */
export async function readDetailTraffic(
  sources: PostureSources,
  subject: SeriesSubject,
  window: { windowSeconds: number; end: Date },
  isWaypoint: IsWaypoint,
  options: DetailOptions,
): Promise<DetailTrafficReads> {
  const graphRead = readGraph(
    {
      namespaces: [subject.namespace],
      windowSeconds: window.windowSeconds,
      end: null,
      graphType: 'workload',
      layers: 'both',
    },
    sources,
    { ...options, now: () => window.end.getTime() },
  );
  const stepSeconds = seriesStepSeconds(window.windowSeconds);
  const seriesRead =
    sources.metrics === null
      ? Promise.resolve({
          traffic: {
            inbound: { points: [], stepSeconds, reporters: [], known: false },
            outbound: { points: [], stepSeconds, reporters: [], known: false },
          },
          errors: [],
          issued: 0,
        })
      : readDetailSeries(sources.metrics, subject, window, isWaypoint, options.signal);
  const [graph, series] = await Promise.all([graphRead, seriesRead]);
  const metricsFailed = graph.errors.some((e) => e.source === 'prometheus');
  return {
    edges: metricsFailed ? null : graph.edges,
    health: metricsFailed ? null : new Map(graph.nodes.map((n) => [n.id, n.health])),
    series: series.traffic,
    queries: graph.meta.queries + series.issued,
    // The pages report the Kubernetes kinds they read themselves.
    errors: [...graph.errors.filter((e) => e.source !== 'kubernetes'), ...series.errors],
  };
}

/**
 * A detail page's answer: the detail with its series, whether traffic could be read, the `meta` (window, end,
 * metric queries made, time taken) and every error once. `started` is `performance.now()` when the read began;
 * `extraQueries` counts reads made beside the traffic's (the namespace page's posture).
 */
export function detailBody<D extends object>(
  detail: D,
  read: {
    traffic: DetailTrafficReads;
    windowSeconds: number;
    end: Date;
    started: number;
    /** Errors of the reads before the traffic's (the cache), and after them (the posture's). */
    errors: readonly SourceErrorDTO[];
    laterErrors?: readonly SourceErrorDTO[];
    extraQueries?: number;
  },
): {
  data: D & { traffic: DetailTraffic; trafficKnown: boolean; meta: MeshViewMeta };
  errors: SourceErrorDTO[];
} {
  const { traffic } = read;
  return {
    data: {
      ...detail,
      traffic: traffic.series,
      trafficKnown: traffic.edges !== null,
      meta: {
        windowSeconds: read.windowSeconds,
        end: read.end.toISOString(),
        queries: traffic.queries + (read.extraQueries ?? 0),
        durationMs: Math.round(performance.now() - read.started),
      },
    },
    errors: distinctErrors([...read.errors, ...traffic.errors, ...(read.laterErrors ?? [])]),
  };
}
