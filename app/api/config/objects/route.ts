import { parseConfigListParams } from '@/lib/config/params';
import { listConfigObjects } from '@/server/config/list';
import { json, route } from '@/server/http/route';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer without config. */
const FIRST_SYNC_WAIT_MS = 5_000;

/**
 * The config list: `?namespaces=a,b|*&kind=VirtualService,…` -> `DataResponse<ConfigObjectSummary[]>`
 * (lib/config/types.ts), each object with what it applies to and its validation and lint findings.
 */
export const GET = route('config-objects', async (request) => {
  const params = parseConfigListParams(new URL(request.url).searchParams);
  const { kube } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError says why
  return json(listConfigObjects(params, { kube }));
});
