import { noParams, parseParams } from '@/lib/api/params';
import { authedRead } from '@/server/http/read-route';
import { json } from '@/server/http/route';
import { sources } from '@/server/sources/registry';
import { readTrace } from '@/server/traces/search';
import { hiddenTraceError, visibleTrace } from '@/server/traces/visible-traces';

export const dynamic = 'force-dynamic';

/** The URL's last segment: the trace ID as typed or linked. */
function traceIdOf(url: URL): string {
  return decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
}

/** The trace ID of the path; any query parameter is refused. */
function parseTraceRequest(request: Request): string {
  const url = new URL(request.url);
  parseParams(url.searchParams, noParams);
  return traceIdOf(url);
}

/**
 * One whole trace by ID, hex or base64 (docs/traces-api.md), with the spans of namespaces the viewer does not see
 * hidden; a trace with no span they see answers 404 as one the source does not hold.
 */
export const GET = authedRead('trace', parseTraceRequest, async (request, traceId, { visibility }) => {
  const { status, body } = await readTrace(sources().traces, traceId, request.signal);
  if (status !== 200) return json(body, status);
  const trace = visibleTrace(body.data, await visibility());
  if (trace === null) return json({ error: hiddenTraceError(body.data.traceId) }, 404);
  return json({ ...body, data: trace }, status);
});
