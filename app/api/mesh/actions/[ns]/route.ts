import { namespaceOfPath } from '@/lib/mesh/detail-params';
import { json, route } from '@/server/http/route';
import { readActionObjects } from '@/server/mesh/action-objects';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer without objects. */
const FIRST_SYNC_WAIT_MS = 5_000;

/**
 * The live objects the posture actions of one namespace start from: `DataResponse<ActionObjects>`
 * (lib/mesh/actions-types.ts); 404 `{error}` for a namespace the cluster does not have, 400 for a name that cannot
 * be one.
 */
export const GET = route('mesh-actions', async (request) => {
  const namespace = namespaceOfPath(new URL(request.url).pathname);
  const { kube } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError says why
  const answer = readActionObjects(namespace, kube);
  return json(answer.body, answer.status);
});
