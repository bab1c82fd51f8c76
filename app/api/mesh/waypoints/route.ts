import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import type { HealthThresholds } from '@/lib/graph/health';
import { thresholdsFromEnv } from '@/server/graph';
import { json, route } from '@/server/http/route';
import { readWaypointsView } from '@/server/mesh/waypoints';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer without config. */
const FIRST_SYNC_WAIT_MS = 5_000;

/** Read once: `GRAPH_HEALTH_THRESHOLDS` does not change while the server runs. */
let thresholds: HealthThresholds | undefined;

/** The Mesh page's waypoints: `?window=5m` -> `DataResponse<WaypointsView>` (lib/mesh/views-types.ts). */
export const GET = route('mesh-waypoints', async (request) => {
  const params = parseMeshOverviewParams(new URL(request.url).searchParams);
  const { kube, metrics } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError says why
  thresholds ??= thresholdsFromEnv();
  return json(await readWaypointsView(params, { kube, metrics }, { signal: request.signal, thresholds }));
});
