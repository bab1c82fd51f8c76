import { namespaceOfPath } from '@/lib/mesh/detail-params';
import { notFoundAnswer, visibleActionObjects } from '@/lib/mesh/visible-details';
import { authedRead, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { readActionObjects } from '@/server/mesh/action-objects';

export const dynamic = 'force-dynamic';

/**
 * The live objects the posture actions of one namespace start from: `DataResponse<ActionObjects>`
 * (lib/mesh/actions-types.ts), as far as the viewer may read them; 404 `{error}` for a namespace the cluster does
 * not have or the viewer does not see (the same answer), 400 for a name that cannot be one.
 */
export const GET = authedRead(
  'mesh-actions',
  (request) => namespaceOfPath(new URL(request.url).pathname),
  async (_request, namespace, { visibility }) => {
    const seen = await visibility();
    if (!seen.seesNamespace(namespace)) {
      const hidden = notFoundAnswer({ namespace });
      return json(hidden.body, hidden.status);
    }
    const { kube } = await syncedSources();
    const answer = readActionObjects(namespace, kube);
    if (answer.status !== 200) return json(answer.body, answer.status);
    return json({ ...answer.body, data: visibleActionObjects(answer.body.data, seen) }, answer.status);
  },
);
