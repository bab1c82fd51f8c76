import { parseTraceSearchParams } from '@/lib/api/trace-params';
import { authedRead } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { sources } from '@/server/sources/registry';
import { searchTraces } from '@/server/traces/search';
import { visibleSearch } from '@/server/traces/visible-traces';

export const dynamic = 'force-dynamic';

/**
 * Trace search: `?service=…&errors=true&minDuration=250ms&window=15m` or `?q=<TraceQL>` (docs/traces-api.md); only
 * traces with a span in a namespace the viewer sees, spans of the others hidden.
 */
export const GET = authedRead(
  'traces',
  (request) => parseTraceSearchParams(new URL(request.url).searchParams),
  async (request, params, { visibility }) => {
    const answer = await searchTraces(sources().traces, params, request.signal);
    if (answer.data === null) return json(answer);
    return json({ ...answer, data: visibleSearch(answer.data, await visibility()) });
  },
);
