import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. Says nothing about the upstreams (that is /api/readyz). */
export const GET = route('healthz', async () => json({ status: 'ok' }));
