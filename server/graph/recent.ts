/**
 * Step 2c: the recent sub-window. Its reads (requests by outcome and security, connections opened by security) go
 * through the same de-duplication as the window's (`deduplicate`, `borrowL4Security`), so each logical edge gets
 * the figures of the same reporter rules; they are then attached to the window's edge with the same key. An edge
 * with no traffic in the sub-window keeps `recent: null`; a recent edge the window does not have (traffic too new
 * for the window's reads, which cannot happen for a sub-window at its end) is left out.
 */
import { mtlsShare, trafficEdgeKey, type TrafficEdge } from './model';
import { borrowL4Security, needsL4Security } from './security';

/**
 * The recent sub-window to read for the one asked, in seconds: at least two of the metrics source's intervals
 * (`resolutionSeconds`: Prometheus's scrape interval, the demo's 1 s frame), since a rate needs two points in it;
 * none when none was asked, or when widening it would cover the whole window (it would tell nothing the window does
 * not).
 */
export function recentSubWindow(
  askedSeconds: number | null,
  resolutionSeconds: number,
  windowSeconds: number,
): number | null {
  if (askedSeconds === null) return null;
  const seconds = Math.max(askedSeconds, Math.ceil(2 * resolutionSeconds));
  return seconds < windowSeconds ? seconds : null;
}

/**
 * Sets `recent` on the window's edges from the de-duplicated edges of the sub-window. A client-reported L7 edge
 * takes its security from ztunnel's edge of the same pair in the sub-window; when no connection was opened there
 * in it (requests over connections opened before), the window's share stands.
 */
export function attachRecent(edges: readonly TrafficEdge[], recent: readonly TrafficEdge[]): void {
  const completed = borrowL4Security(recent);
  const byKey = new Map(recent.map((edge) => [trafficEdgeKey(edge), edge]));
  for (const edge of edges) {
    const seen = byKey.get(trafficEdgeKey(edge));
    if (seen === undefined) continue;
    if (needsL4Security(seen) && !completed.has(seen)) {
      seen.totals.mtlsRequests = seen.totals.requests * mtlsShare(edge.totals, 'L7');
    }
    edge.recent = seen.totals;
  }
}
