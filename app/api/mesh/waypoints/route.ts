import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import { visibleWaypointsView } from '@/lib/mesh/visible-views';
import { authedRead, graphThresholds, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { readWaypointsView } from '@/server/mesh/waypoints';

export const dynamic = 'force-dynamic';

/**
 * The Mesh page's waypoints: `?window=5m` -> `DataResponse<WaypointsView>` (lib/mesh/views-types.ts), as the viewer
 * may see it.
 */
export const GET = authedRead(
  'mesh-waypoints',
  (request) => parseMeshOverviewParams(new URL(request.url).searchParams),
  async (request, params, { visibility }) => {
    const { kube, metrics } = await syncedSources();
    const [answer, seen] = await Promise.all([
      readWaypointsView(params, { kube, metrics }, { signal: request.signal, thresholds: graphThresholds() }),
      visibility(),
    ]);
    return json({ ...answer, data: visibleWaypointsView(answer.data, seen) });
  },
);
