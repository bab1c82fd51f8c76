import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import type { HealthThresholds } from '@/lib/graph/health';
import { thresholdsFromEnv } from '@/server/graph';
import { json, route } from '@/server/http/route';
import { readMtlsView } from '@/server/mesh/mtls';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer without config. */
const FIRST_SYNC_WAIT_MS = 5_000;

/** Read once: `GRAPH_HEALTH_THRESHOLDS` does not change while the server runs. */
let thresholds: HealthThresholds | undefined;

/** The Mesh page's mtls: `?window=5m` -> `DataResponse<MtlsView>` (lib/mesh/views-types.ts). */
export const GET = route('mesh-mtls', async (request) => {
  const params = parseMeshOverviewParams(new URL(request.url).searchParams);
  const { kube, metrics } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError says why
  thresholds ??= thresholdsFromEnv();
  return json(await readMtlsView(params, { kube, metrics }, { signal: request.signal, thresholds }));
});
