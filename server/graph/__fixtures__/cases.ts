/**
 * The recorded ambient cases (`cases.json`, made by `record-cases.ts`) as the port's answers, and the cluster they
 * ran in as {@link MeshFacts}.
 */
import type { GraphType } from '@/lib/graph/types';
import type { Sample } from '@/lib/metrics/types';
import { deduplicate } from '../deduplicate';
import { toGraphModel } from '../graph-type';
import { meshFacts, type MeshFacts } from '../mesh-facts';
import type { GraphModel, TrafficEdge, TrafficMetric } from '../model';
import { borrowL4Security } from '../security';
import { trafficRecords } from '../traffic-records';
import recorded from './cases.json';
import recordedRecent from './recent-cases.json';
import { clusterSnapshot } from './cluster';

/** The recorded cases, by name (see `CASES` in `record-cases.ts`). */
export type CaseName = keyof typeof recorded;

/** The cases recorded with a recent sub-window (see `record-cases.ts`): every case, and those that change. */
export type RecentCaseName = keyof typeof recordedRecent;

type Reads = Partial<Record<TrafficMetric, Sample[]>>;

/** Samples as JSON holds them: JSON has no NaN, so a null value is NaN. */
type RecordedReads = Record<string, { labels: Record<string, string>; value: number | null }[]>;

/** Adds recorded samples into `reads`, per read. */
function mergeInto(reads: Reads, samples: RecordedReads): Reads {
  for (const [metric, list] of Object.entries(samples)) {
    const into = (reads[metric as TrafficMetric] ??= []);
    for (const s of list) into.push({ labels: s.labels, value: s.value ?? Number.NaN });
  }
  return reads;
}

/** The samples of one or more cases, merged per read. */
export function caseSamples(...names: CaseName[]): Reads {
  const reads: Reads = {};
  for (const name of names) mergeInto(reads, recorded[name] as RecordedReads);
  return reads;
}

/**
 * One or more cases as a refresh with a recent sub-window of {@link RECENT_CASE_SECONDS} reads them: the window's
 * reads (bytes both ways in one) and the sub-window's (requests, connections opened), merged per read.
 */
export function recentCaseReads(...names: RecentCaseName[]): { samples: Reads; recent: Reads } {
  const samples: Reads = {};
  const recent: Reads = {};
  for (const name of names) {
    const reads = recordedRecent[name] as { window: RecordedReads; recent: RecordedReads };
    mergeInto(samples, reads.window);
    mergeInto(recent, reads.recent);
  }
  return { samples, recent };
}

/** The recent sub-window of `recent-cases.json`, in seconds: the last of the minute's six ticks. */
export const RECENT_CASE_SECONDS = 10;

/** Every recorded case. */
export const ALL_CASES = Object.keys(recorded) as CaseName[];

/** The configuration facts of the cases' cluster. */
export function clusterFacts(): MeshFacts {
  return meshFacts(clusterSnapshot());
}

/** The de-duplicated edges of some cases, completed by `borrowL4Security` (steps 1 and 2). */
export function caseEdges(...names: CaseName[]): TrafficEdge[] {
  const edges = deduplicate(trafficRecords(caseSamples(...names)), clusterFacts());
  borrowL4Security(edges);
  return edges;
}

/** The graph model of some cases before the enrichers (steps 1 to 3). */
export function caseGraph(type: GraphType, ...names: CaseName[]): GraphModel {
  return toGraphModel(caseEdges(...names), type, clusterFacts());
}
