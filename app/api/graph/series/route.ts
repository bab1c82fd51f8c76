import { z } from 'zod';
import { graphParamsSchema } from '@/lib/api/graph-params';
import { ParamError, parseParams } from '@/lib/api/params';
import { parseSeriesEdgeId, SERIES_EDGES_HINT } from '@/lib/queries/graph';
import { readEdgeSeries } from '@/server/graph/series';
import { json, route } from '@/server/http/route';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** `edge`, `window` and `end`; the latter two as `GET /api/graph` takes them. */
const seriesParamsSchema = graphParamsSchema()
  .pick({ window: true, end: true })
  .extend({ edge: z.string({ error: 'is required' }) });

/** One L7 workload edge's request rate over the window: `?edge=<edge id>&window=5m&end=…` (docs/graph-api.md). */
export const GET = route('graph-series', async (request) => {
  const raw = parseParams(new URL(request.url).searchParams, seriesParamsSchema);
  const edge = parseSeriesEdgeId(raw.edge);
  if (!edge) throw new ParamError('edge', `edge is not an L7 workload edge id; ${SERIES_EDGES_HINT}`);
  const { metrics } = sources();
  return json(
    await readEdgeSeries(
      metrics,
      { edge, windowSeconds: raw.window ?? 300, end: raw.end ?? null },
      request.signal,
    ),
  );
});
