import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import { visibleOverview } from '@/lib/mesh/visible-views';
import { authedRead, graphThresholds, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { readMeshOverview } from '@/server/mesh/posture';

export const dynamic = 'force-dynamic';

/** The mesh posture: `?window=5m` -> `DataResponse<MeshOverview>` (lib/mesh/types.ts), of the namespaces the viewer sees. */
export const GET = authedRead(
  'mesh-overview',
  (request) => parseMeshOverviewParams(new URL(request.url).searchParams),
  async (request, params, { visibility }) => {
    const { kube, metrics } = await syncedSources();
    const [answer, seen] = await Promise.all([
      readMeshOverview(params, { kube, metrics }, { signal: request.signal, thresholds: graphThresholds() }),
      visibility(),
    ]);
    return json({ ...answer, data: visibleOverview(answer.data, seen) });
  },
);
