import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import { visibleMtlsView } from '@/lib/mesh/visible-views';
import { authedRead, graphThresholds, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { readMtlsView } from '@/server/mesh/mtls';

export const dynamic = 'force-dynamic';

/** The Mesh page's mTLS: `?window=5m` -> `DataResponse<MtlsView>` (lib/mesh/views-types.ts), as the viewer may see it. */
export const GET = authedRead(
  'mesh-mtls',
  (request) => parseMeshOverviewParams(new URL(request.url).searchParams),
  async (request, params, { visibility }) => {
    const { kube, metrics } = await syncedSources();
    const [answer, seen] = await Promise.all([
      readMtlsView(params, { kube, metrics }, { signal: request.signal, thresholds: graphThresholds() }),
      visibility(),
    ]);
    return json({ ...answer, data: visibleMtlsView(answer.data, seen) });
  },
);
