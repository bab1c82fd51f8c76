import { parseGraphParams } from '@/lib/api/graph-params';
import type { HealthThresholds } from '@/lib/graph/health';
import { readGraph, thresholdsFromEnv } from '@/server/graph';
import { json, route } from '@/server/http/route';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer without config. */
const FIRST_SYNC_WAIT_MS = 5_000;

/** Read once: `GRAPH_HEALTH_THRESHOLDS` does not change while the server runs. */
let thresholds: HealthThresholds | undefined;

/** The service graph: `?namespaces=a,b&window=5m&end=…&graphType=workload&layers=both` (docs/graph-api.md). */
export const GET = route('graph', async (request) => {
  const params = parseGraphParams(new URL(request.url).searchParams);
  const { kube, metrics } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError says why
  thresholds ??= thresholdsFromEnv();
  return json(await readGraph(params, { kube, metrics }, { signal: request.signal, thresholds }));
});
