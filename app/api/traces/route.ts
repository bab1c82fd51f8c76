import { parseTraceSearchParams } from '@/lib/api/trace-params';
import { json, route } from '@/server/http/route';
import { sources } from '@/server/sources/registry';
import { searchTraces } from '@/server/traces/search';

export const dynamic = 'force-dynamic';

/** Trace search: `?service=…&errors=true&minDuration=250ms&window=15m` or `?q=<TraceQL>` (docs/traces-api.md). */
export const GET = route('traces', async (request) => {
  const params = parseTraceSearchParams(new URL(request.url).searchParams);
  return json(await searchTraces(sources().traces, params, request.signal));
});
