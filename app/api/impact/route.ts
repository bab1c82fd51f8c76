import { authedRead, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { readImpactRequest } from '@/server/impact/request';
import { readImpact } from '@/server/impact/preview';
import { impactRefusal } from '@/server/impact/visible-impact';

export const dynamic = 'force-dynamic';

/** The request, or the guard's refusal (another origin, not JSON, too large) as its answer. */
async function parseImpactRequest(request: Request) {
  const read = await readImpactRequest(request);
  return 'status' in read ? json({ error: { message: read.message } }, read.status) : read;
}

/**
 * What a proposed AuthorizationPolicy or VirtualService would do to the traffic seen in the window:
 * `POST {object, window?}` -> `DataResponse<ImpactPreview | null>` (docs/write-api.md, "Impact preview"), over the
 * calls between namespaces the viewer sees; 403 `{error}` for an object in a namespace they do not see.
 */
export const POST = authedRead('impact', parseImpactRequest, async (request, read, { visibility }) => {
  const seen = await visibility();
  const refusal = impactRefusal(read.object, seen);
  if (refusal !== null) return json({ error: { message: refusal } }, 403);
  const { kube, metrics } = await syncedSources();
  return json(await readImpact(read.object, read.windowSeconds, { kube, metrics }, request.signal, seen));
});
