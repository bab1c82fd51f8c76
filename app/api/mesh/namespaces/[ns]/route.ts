import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import type { HealthThresholds } from '@/lib/graph/health';
import { namespaceOfPath } from '@/lib/mesh/detail-params';
import { thresholdsFromEnv } from '@/server/graph';
import { json, route } from '@/server/http/route';
import { readNamespaceDetail } from '@/server/mesh/namespace-detail';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer without config. */
const FIRST_SYNC_WAIT_MS = 5_000;

/** Read once: `GRAPH_HEALTH_THRESHOLDS` does not change while the server runs. */
let thresholds: HealthThresholds | undefined;

/**
 * One namespace: `?window=5m` -> `DataResponse<NamespaceDetail>` (lib/mesh/detail-types.ts); 404 `{error}` for a
 * namespace the cluster does not have, 400 for a name that cannot be one.
 */
export const GET = route('mesh-namespace', async (request) => {
  const url = new URL(request.url);
  const namespace = namespaceOfPath(url.pathname);
  const params = parseMeshOverviewParams(url.searchParams);
  const { kube, metrics } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError says why
  thresholds ??= thresholdsFromEnv();
  const answer = await readNamespaceDetail(
    namespace,
    params,
    { kube, metrics },
    { signal: request.signal, thresholds },
  );
  return json(answer.body, answer.status);
});
