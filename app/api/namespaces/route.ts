import { noParams, parseParams } from '@/lib/api/params';
import type { DataResponse, NamespaceSummary } from '@/lib/api/dto';
import { authedRoute } from '@/server/auth/request';
import { json } from '@/server/http/route';
import { summarizeNamespaces } from '@/server/mesh/namespace-summary';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** Right after start-up the watch cache is still listing; wait this long rather than answer an empty list. */
const FIRST_SYNC_WAIT_MS = 5_000;

/** The namespaces the viewer may see, with their mesh labels and pod counts, from the watch cache. */
export const GET = authedRoute('namespaces', async (request, { visibility }) => {
  parseParams(new URL(request.url).searchParams, noParams);
  const { kube } = sources();
  await kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined); // not synced: kindError below says why
  const errors = (['namespaces', 'pods'] as const).flatMap((kind) => kube.kindError(kind)?.toDTO() ?? []);
  const seen = await visibility();
  const body: DataResponse<NamespaceSummary[]> = {
    data: summarizeNamespaces(
      kube.list('namespaces').filter((ns) => seen.seesNamespace(ns.metadata.name)),
      kube.list('pods').filter((pod) => seen.seesNamespace(pod.metadata.namespace ?? '')),
    ),
    errors,
  };
  return json(body);
});
