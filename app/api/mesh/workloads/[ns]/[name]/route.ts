import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import { workloadOfPath } from '@/lib/mesh/detail-params';
import { notFoundAnswer, visibleWorkloadDetail } from '@/lib/mesh/visible-details';
import { authedRead, graphThresholds, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { readWorkloadDetail } from '@/server/mesh/workload-detail';

export const dynamic = 'force-dynamic';

/** The workload of the path and the query, checked. */
function parseWorkloadRequest(request: Request) {
  const url = new URL(request.url);
  return { subject: workloadOfPath(url.pathname), params: parseMeshOverviewParams(url.searchParams) };
}

/**
 * One workload: `?window=5m` -> `DataResponse<WorkloadDetail>` (lib/mesh/detail-types.ts); 404 `{error}` for a
 * workload no pod belongs to or in a namespace the viewer does not see (the same answer), 400 for names that
 * cannot be, 503 while pods cannot be read.
 */
export const GET = authedRead(
  'mesh-workload',
  parseWorkloadRequest,
  async (request, { subject, params }, { visibility }) => {
    const seen = await visibility();
    if (!seen.seesNamespace(subject.namespace)) {
      const hidden = notFoundAnswer(subject);
      return json(hidden.body, hidden.status);
    }
    const { kube, metrics } = await syncedSources();
    const answer = await readWorkloadDetail(
      subject,
      params,
      { kube, metrics },
      { signal: request.signal, thresholds: graphThresholds() },
    );
    if (answer.status !== 200) return json(answer.body, answer.status);
    return json({ ...answer.body, data: visibleWorkloadDetail(answer.body.data, seen) }, answer.status);
  },
);
