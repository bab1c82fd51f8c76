import { z } from 'zod';
import { graphParamsSchema } from '@/lib/api/graph-params';
import { ParamError, parseParams } from '@/lib/api/params';
import { edgeRefusal } from '@/lib/graph/visible-graph';
import { parseSeriesEdgeId, SERIES_EDGES_HINT } from '@/lib/queries/graph';
import { readEdgeSeries } from '@/server/graph/series';
import { authedRead } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** `edge`, `window` and `end`; the latter two as `GET /api/graph` takes them. */
const seriesParamsSchema = graphParamsSchema()
  .pick({ window: true, end: true })
  .extend({ edge: z.string({ error: 'is required' }) });

/** The parameters, with the edge id parsed; throws `ParamError` for anything else. */
function parseSeriesParams(request: Request) {
  const raw = parseParams(new URL(request.url).searchParams, seriesParamsSchema);
  const edge = parseSeriesEdgeId(raw.edge);
  if (!edge) throw new ParamError('edge', `edge is not an L7 workload edge id; ${SERIES_EDGES_HINT}`);
  return { edge, windowSeconds: raw.window ?? 300, end: raw.end ?? null };
}

/**
 * One L7 workload edge's request rate over the window: `?edge=<edge id>&window=5m&end=…` (docs/graph-api.md); 403
 * `{error}` when the edge names a namespace the viewer does not see.
 */
export const GET = authedRead('graph-series', parseSeriesParams, async (request, params, { visibility }) => {
  const refusal = edgeRefusal(params.edge, await visibility());
  if (refusal !== null) return json({ error: { message: refusal } }, 403);
  return json(await readEdgeSeries(sources().metrics, params, request.signal));
});
