/**
 * Step 4c: health from traffic (`lib/graph/health.ts`). An edge is judged on its requests (L7: 5xx, failing gRPC
 * statuses and code 0 against the 5xx thresholds, 4xx against theirs) or its connections (L4: those ztunnel
 * refused count as 5xx). A node is judged on what came in: its inbound edges, per layer, the worse layer
 * winning; a waypoint on the edges that passed through it. A node nothing came into is `unknown`.
 *
 * With a recent sub-window, each is judged over the window and over the sub-window, the worse verdict winning: a
 * fault shows as soon as the sub-window holds it, and a past one stays flagged until the window no longer does. The
 * sub-window is heard only when it holds at least {@link MIN_RECENT_FAILURES} failures: one failed request in a few
 * seconds of a quiet edge is a share of 10% or more, and the window already weighs it.
 */
import {
  countsFromCodes,
  healthOf,
  worstHealth,
  type FailureClass,
  type HealthThresholds,
} from '@/lib/graph/health';
import type { Health } from '@/lib/graph/types';
import type { EdgeDraft, EdgeTotals, GraphModel } from './model';

/** What health is judged on, in a form that adds up: counts by failure class, and bytes. */
interface Tally {
  total: number;
  failed: Record<FailureClass, number>;
  bytes: number;
}

const emptyTally = (): Tally => ({ total: 0, failed: { '5xx': 0, '4xx': 0 }, bytes: 0 });

/** Adds an edge's traffic to a tally: requests for L7, connections for L4. */
function addTo(tally: Tally, totals: EdgeTotals, layer: EdgeDraft['layer']): Tally {
  tally.bytes += totals.bytes ?? 0;
  if (layer === 'L4') {
    tally.total += totals.connections;
    tally.failed['5xx'] += totals.denied;
    return tally;
  }
  const counts = countsFromCodes(totals.responseCodes);
  tally.total += counts.total;
  tally.failed['5xx'] += (counts.failed['5xx'] ?? 0) + totals.grpcErrors;
  tally.failed['4xx'] += counts.failed['4xx'] ?? 0;
  return tally;
}

function judge(tally: Tally, thresholds: HealthThresholds): Health {
  // Bytes over connections that stay open (none closed in the window) are traffic too.
  if (tally.total === 0 && tally.bytes > 0) return 'healthy';
  return healthOf(tally, thresholds);
}

/** Failed requests (or refused connections) the recent sub-window needs before its verdict counts. */
export const MIN_RECENT_FAILURES = 2;

/** The sub-window's verdict on a tally of per-second figures over `seconds`; null when it has too few failures. */
function judgeRecent(tally: Tally, seconds: number, thresholds: HealthThresholds): Health | null {
  const failures = (tally.failed['5xx'] + tally.failed['4xx']) * seconds;
  return failures + 1e-9 < MIN_RECENT_FAILURES ? null : judge(tally, thresholds);
}

/** What a node's health is judged on: per layer, over the window and over the recent sub-window. */
type Inbound = Partial<Record<`${'window' | 'recent'} ${EdgeDraft['layer']}`, Tally>>;

/** The verdict on an edge's (or a node's) traffic: the worse of the window's and the sub-window's. */
export function windowAndRecentHealth(window: Health, recent: Health | null): Health {
  return recent === null ? window : worstHealth([window, recent]);
}

/** Sets `health` on every edge and node; `recentSeconds` is the recent sub-window's length (null for none). */
export function addHealth(
  graph: GraphModel,
  thresholds: HealthThresholds,
  recentSeconds: number | null = null,
): void {
  const inbound = new Map<string, Inbound>();
  const into = (node: string, edge: EdgeDraft): void => {
    const tallies = inbound.get(node) ?? {};
    const add = (span: 'window' | 'recent', totals: EdgeTotals): void => {
      const key = `${span} ${edge.layer}` as const;
      tallies[key] = addTo(tallies[key] ?? emptyTally(), totals, edge.layer);
    };
    add('window', edge.totals);
    if (edge.recent !== null) add('recent', edge.recent);
    inbound.set(node, tallies);
  };
  for (const edge of graph.edges.values()) {
    const recent =
      edge.recent && recentSeconds !== null
        ? judgeRecent(addTo(emptyTally(), edge.recent, edge.layer), recentSeconds, thresholds)
        : null;
    edge.health = windowAndRecentHealth(
      judge(addTo(emptyTally(), edge.totals, edge.layer), thresholds),
      recent,
    );
    into(edge.target, edge);
    if (edge.via !== null) into(edge.via, edge);
  }
  for (const node of graph.nodes.values()) {
    const tallies = Object.entries(inbound.get(node.id) ?? {});
    const verdicts = tallies.map(([span, tally]) =>
      span.startsWith('recent')
        ? judgeRecent(tally, recentSeconds ?? 0, thresholds)
        : judge(tally, thresholds),
    );
    node.health =
      tallies.length === 0 ? 'unknown' : worstHealth(verdicts.filter((v): v is Health => v !== null));
  }
}
