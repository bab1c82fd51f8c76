import { json, route } from '@/server/http/route';
import { readImpactRequest } from '@/server/impact/request';
import { readImpact } from '@/server/impact/preview';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than judge without config. */
const FIRST_SYNC_WAIT_MS = 5_000;

/**
 * What a proposed AuthorizationPolicy or VirtualService would do to the traffic seen in the window:
 * `POST {object, window?}` -> `DataResponse<ImpactPreview | null>` (docs/write-api.md, "Impact preview").
 */
export const POST = route('impact', async (request) => {
  const read = await readImpactRequest(request);
  if ('status' in read) return json({ error: { message: read.message } }, read.status);
  const { kube, metrics } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined);
  return json(await readImpact(read.object, read.windowSeconds, { kube, metrics }, request.signal));
});
