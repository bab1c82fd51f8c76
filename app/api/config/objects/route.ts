import { parseConfigListParams } from '@/lib/config/params';
import { listConfigObjects } from '@/server/config/list';
import { visibleConfigObjects } from '@/server/config/visible-objects';
import { authedRead, syncedSources } from '@/server/http/read-route';
import { json } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * The config list: `?namespaces=a,b|*&kind=VirtualService,…` -> `DataResponse<ConfigObjectSummary[]>`
 * (lib/config/types.ts), each object with what it applies to and its validation and lint findings; only objects
 * the viewer may list.
 */
export const GET = authedRead(
  'config-objects',
  (request) => parseConfigListParams(new URL(request.url).searchParams),
  async (_request, params, { visibility }) => {
    const seen = await visibility();
    const { kube } = await syncedSources();
    return json(visibleConfigObjects(listConfigObjects(params, { kube }), seen));
  },
);
