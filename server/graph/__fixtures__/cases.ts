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
import { clusterSnapshot } from './cluster';

/** The recorded cases, by name (see `CASES` in `record-cases.ts`). */
export type CaseName = keyof typeof recorded;

type Reads = Partial<Record<TrafficMetric, Sample[]>>;

/** The samples of one or more cases, merged per read (JSON has no NaN: a null value is NaN). */
export function caseSamples(...names: CaseName[]): Reads {
  const reads: Reads = {};
  for (const name of names) {
    const samples = recorded[name] as Record<
      string,
      { labels: Record<string, string>; value: number | null }[]
    >;
    for (const [metric, list] of Object.entries(samples)) {
      const into = (reads[metric as TrafficMetric] ??= []);
      for (const s of list) into.push({ labels: s.labels, value: s.value ?? Number.NaN });
    }
  }
  return reads;
}

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
