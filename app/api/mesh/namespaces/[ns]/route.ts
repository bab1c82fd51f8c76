import { parseMeshOverviewParams } from '@/lib/api/mesh-params';
import { namespaceOfPath } from '@/lib/mesh/detail-params';
import { notFoundAnswer, visibleNamespaceDetail } from '@/lib/mesh/visible-details';
import { authedRead, graphThresholds, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { readNamespaceDetail } from '@/server/mesh/namespace-detail';

export const dynamic = 'force-dynamic';

/** The namespace of the path and the query, checked. */
function parseNamespaceRequest(request: Request) {
  const url = new URL(request.url);
  return { namespace: namespaceOfPath(url.pathname), params: parseMeshOverviewParams(url.searchParams) };
}

/**
 * One namespace: `?window=5m` -> `DataResponse<NamespaceDetail>` (lib/mesh/detail-types.ts); 404 `{error}` for a
 * namespace the cluster does not have or the viewer does not see (the same answer), 400 for a name that cannot be
 * one.
 */
export const GET = authedRead(
  'mesh-namespace',
  parseNamespaceRequest,
  async (request, { namespace, params }, { visibility }) => {
    const seen = await visibility();
    if (!seen.seesNamespace(namespace)) {
      const hidden = notFoundAnswer({ namespace });
      return json(hidden.body, hidden.status);
    }
    const { kube, metrics } = await syncedSources();
    const answer = await readNamespaceDetail(
      namespace,
      params,
      { kube, metrics },
      { signal: request.signal, thresholds: graphThresholds() },
    );
    if (answer.status !== 200) return json(answer.body, answer.status);
    return json({ ...answer.body, data: visibleNamespaceDetail(answer.body.data, seen) }, answer.status);
  },
);
