import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import type { HealthThresholds } from '@/lib/graph/health';
import { workloadOfPath } from '@/lib/mesh/detail-params';
import { thresholdsFromEnv } from '@/server/graph';
import { json, route } from '@/server/http/route';
import { readWorkloadDetail } from '@/server/mesh/workload-detail';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer without config. */
const FIRST_SYNC_WAIT_MS = 5_000;

/** Read once: `GRAPH_HEALTH_THRESHOLDS` does not change while the server runs. */
let thresholds: HealthThresholds | undefined;

/**
 * One workload: `?window=5m` -> `DataResponse<WorkloadDetail>` (lib/mesh/detail-types.ts); 404 `{error}` for a
 * workload no pod belongs to, 400 for names that cannot be, 503 while pods cannot be read.
 */
export const GET = route('mesh-workload', async (request) => {
  const url = new URL(request.url);
  const subject = workloadOfPath(url.pathname);
  const params = parseMeshOverviewParams(url.searchParams);
  const { kube, metrics } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError says why
  thresholds ??= thresholdsFromEnv();
  const answer = await readWorkloadDetail(
    subject,
    params,
    { kube, metrics },
    { signal: request.signal, thresholds },
  );
  return json(answer.body, answer.status);
});
