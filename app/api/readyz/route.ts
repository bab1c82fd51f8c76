import { noParams, parseParams } from '@/lib/api/params';
import type { ReadyzResponse } from '@/lib/api/dto';
import { json, route } from '@/server/http/route';
import { sources } from '@/server/sources/registry';

export const dynamic = 'force-dynamic';

/** How long readiness waits for the Kubernetes cache's first sync before reporting ready anyway (degraded). */
const FIRST_SYNC_GRACE_MS = 30_000;

/**
 * Readiness: 503 while the Kubernetes cache makes its first sync (at most 30 s), then 200 with every source's
 * state, latency, version and last error. A source that is down does not make the dashboard unready: it still
 * serves every page, with a banner.
 */
export const GET = route('readyz', async (request) => {
  parseParams(new URL(request.url).searchParams, noParams);
  const { health, kube, startedAt } = sources();
  const body: ReadyzResponse = {
    ready: kube.isSynced() || Date.now() - startedAt > FIRST_SYNC_GRACE_MS,
    sources: await health.check(),
  };
  return json(body, body.ready ? 200 : 503);
});
