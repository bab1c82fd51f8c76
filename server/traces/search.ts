import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import { ParamError } from '@/lib/api/params';
import type { TraceSearchParams } from '@/lib/api/trace-params';
import type { TraceSearchResult } from '@/lib/queries/traces';
import { isSourceError, type SourceErrorDTO } from '@/lib/source-error';
import { parseTraceId } from '@/lib/traces/trace-id';
import { buildTraceQL } from '@/lib/traces/traceql';
import type { Trace } from '@/lib/traces/types';
import type { TraceSource } from './trace-source';

/** Said when no trace source is configured, so the page can tell people what to set. */
export const NO_TRACE_SOURCE: SourceErrorDTO = {
  source: 'tempo',
  kind: 'unavailable',
  message: 'no trace source is configured: set TEMPO_URL (or run the demo mesh) to search traces',
};

/**
 * Runs one trace search. A query the source refuses as malformed is the request's fault: it is thrown as a
 * `ParamError` on `q` carrying the source's own message (Tempo's parse error, with line and column). Any other
 * failure (Tempo down, a timeout) is data: `{data: null, errors: [it]}`.
 */
export async function searchTraces(
  traces: TraceSource | null,
  params: TraceSearchParams,
  signal?: AbortSignal,
  now: () => number = Date.now,
): Promise<DataResponse<TraceSearchResult | null>> {
  if (!traces) return { data: null, errors: [NO_TRACE_SOURCE] };
  const end = params.end ?? new Date(now());
  const start = new Date(end.getTime() - params.windowSeconds * 1000);
  const traceql = params.traceql ?? buildTraceQL(params.filter);
  try {
    const found = await traces.search(
      params.traceql === null
        ? { start, end, limit: params.limit, filter: params.filter }
        : { start, end, limit: params.limit, traceql: params.traceql },
      signal,
    );
    return {
      data: {
        traces: found,
        traceql,
        start: start.toISOString(),
        end: end.toISOString(),
        limit: params.limit,
      },
      errors: [],
    };
  } catch (error) {
    if (!isSourceError(error)) throw error;
    if (error.kind === 'bad_query') throw new ParamError('q', error.message);
    return { data: null, errors: [error.toDTO()] };
  }
}

/** What reading one trace gave: the trace, or the HTTP status and error to answer with. */
export type TraceRead =
  | { status: 200; body: DataResponse<Trace> }
  | { status: 404 | 502 | 503 | 504; body: { error: SourceErrorDTO } };

/**
 * Reads one trace by ID (hex or base64). An ID that is neither is a `ParamError` on `traceId`; a trace the source
 * does not hold answers 404; a source that is down or missing answers 502/504/503 with the typed error.
 */
export async function readTrace(
  traces: TraceSource | null,
  traceId: string,
  signal?: AbortSignal,
): Promise<TraceRead> {
  const id = parseTraceId(traceId);
  if (id === null) {
    throw new ParamError(
      'traceId',
      `traceId ${JSON.stringify(traceId.slice(0, 80))} is not a hex or base64 trace ID`,
    );
  }
  if (!traces) return { status: 503, body: { error: NO_TRACE_SOURCE } };
  try {
    return { status: 200, body: { data: await traces.trace(id, signal), errors: [] } };
  } catch (error) {
    if (!isSourceError(error)) throw error;
    if (error.kind === 'bad_query') throw new ParamError('traceId', error.message);
    const status = error.kind === 'not_found' ? 404 : error.kind === 'timeout' ? 504 : 502;
    return { status, body: { error: error.toDTO() } };
  }
}
