import { noParams, parseParams } from '@/lib/api/params';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. Says nothing about the upstreams (that is /api/readyz). */
export const GET = route('healthz', async (request) => {
  parseParams(new URL(request.url).searchParams, noParams);
  return json({ status: 'ok' });
});
