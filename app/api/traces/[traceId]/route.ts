import { noParams, parseParams } from '@/lib/api/params';
import { json, route } from '@/server/http/route';
import { sources } from '@/server/sources/registry';
import { readTrace } from '@/server/traces/search';

export const dynamic = 'force-dynamic';

/** The URL's last segment: the trace ID as typed or linked. */
function traceIdOf(url: URL): string {
  return decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
}

/** One whole trace by ID, hex or base64 (docs/traces-api.md). */
export const GET = route('trace', async (request) => {
  const url = new URL(request.url);
  parseParams(url.searchParams, noParams);
  const { status, body } = await readTrace(sources().traces, traceIdOf(url), request.signal);
  return json(body, status);
});
