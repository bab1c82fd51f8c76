import { parseGraphParams } from '@/lib/api/graph-params';
import { graphScope, visibleGraph } from '@/lib/graph/visible-graph';
import { readGraph } from '@/server/graph';
import { authedRead, graphThresholds, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * The service graph: `?namespaces=a,b&window=5m&end=…&graphType=workload&layers=both` (docs/graph-api.md), as the
 * viewer may see it: `*` is the namespaces they see, and one they do not see is reported as not found.
 */
export const GET = authedRead(
  'graph',
  (request) => parseGraphParams(new URL(request.url).searchParams),
  async (request, params, { visibility }) => {
    const seen = await visibility();
    const scope = graphScope(params.namespaces, seen);
    const { kube, metrics } = await syncedSources();
    const graph = await readGraph(
      { ...params, namespaces: scope.namespaces },
      { kube, metrics },
      { signal: request.signal, thresholds: graphThresholds() },
    );
    return json(visibleGraph(graph, seen, { asked: params.namespaces, unseen: scope.unseen }));
  },
);
