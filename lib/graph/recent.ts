/**
 * What the page shows of an edge's recent sub-window (`GraphEdge.recent`, docs/graph-api.md "Recent sub-window"): the mTLS
 * share it displays, and the recent figures of a drawn edge that carries several logical edges. Pure.
 */
import { formatDuration } from '@/lib/promql/duration';
import type { EdgeRecent, GraphEdge } from './types';

/**
 * The recent sub-window the graph page asks for (`recent`): one refresh interval, so that each refresh shows what
 * happened since the one before (the server widens it to two of its metrics source's intervals); none when refresh
 * is off (nothing to catch up with) or when it would cover the whole window (nothing the window does not already
 * say).
 */
export function recentForRefresh(refreshMs: number, windowSeconds: number): string | null {
  if (!(refreshMs > 0)) return null;
  const seconds = Math.max(1, Math.ceil(refreshMs / 1000));
  return seconds < windowSeconds ? formatDuration(seconds) : null;
}

/**
 * The mTLS share the page shows for an edge (its label, its line's `mtls` data, the side panel, find and hide):
 * the recent sub-window's share when the edge had traffic in it, so that enrolling a namespace shows within two
 * refreshes, else the window's (`mtls`, which the answer keeps).
 */
export function shownMtls(edge: Pick<GraphEdge, 'mtls' | 'recent'>): number {
  return edge.recent?.mtls ?? edge.mtls;
}

/**
 * The recent figures of several logical edges drawn as one (a waypoint hop, or edges hidden behind one line):
 * requests and failures add up, the mTLS share is weighted by requests (by edge when none has requests, as for
 * L4); null when none of them had traffic in the sub-window.
 */
export function aggregateRecent(carries: readonly Pick<GraphEdge, 'recent'>[]): EdgeRecent | null {
  const recents = carries.flatMap((e) => (e.recent ? [e.recent] : []));
  const [first] = recents;
  if (first === undefined) return null;
  let rps = 0;
  let failed = 0;
  for (const r of recents) {
    rps += r.requestsPerSecond;
    failed += r.requestsPerSecond * r.errorRate;
  }
  const weight = (r: EdgeRecent): number => (rps > 0 ? r.requestsPerSecond : 1);
  const total = recents.reduce((sum, r) => sum + weight(r), 0);
  return {
    seconds: first.seconds,
    requestsPerSecond: rps,
    errorRate: rps > 0 ? failed / rps : 0,
    mtls: total > 0 ? recents.reduce((sum, r) => sum + weight(r) * r.mtls, 0) / total : 0,
  };
}
