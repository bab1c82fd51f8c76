import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import type { HealthThresholds } from '@/lib/graph/health';
import { thresholdsFromEnv } from '@/server/graph';
import { json, route } from '@/server/http/route';
import { readMeshOverview } from '@/server/mesh/posture';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer without config. */
const FIRST_SYNC_WAIT_MS = 5_000;

/** Read once: `GRAPH_HEALTH_THRESHOLDS` does not change while the server runs. */
let thresholds: HealthThresholds | undefined;

/** The mesh posture: `?window=5m` -> `DataResponse<MeshOverview>` (lib/mesh/types.ts). */
export const GET = route('mesh-overview', async (request) => {
  const params = parseMeshOverviewParams(new URL(request.url).searchParams);
  const { kube, metrics } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError says why
  thresholds ??= thresholdsFromEnv();
  return json(await readMeshOverview(params, { kube, metrics }, { signal: request.signal, thresholds }));
});
