import 'server-only';
import type { HealthProbe, ProbeResult } from '@/lib/health';
import { SourceError } from '@/lib/source-error';
import type { TraceSummary } from '@/lib/traces/types';
import { callUpstream, parseJsonBody, type UpstreamResponse } from '@/server/http/upstream';
import { plainText, tempoStatusError } from './errors';
import { parseSearchResponse } from './parse-search';
import { parseTraceV1, parseTraceV2, type TempoTraceAnswer } from './parse-trace';

/** How to reach one Tempo (query frontend). Built from the settings; this module reads no environment. */
export interface TempoConfig {
  /** Base URL; may carry a path prefix (`https://gateway/tempo/`) under which `/api/...` lives. */
  url: URL;
  /** Sent with every request: `Authorization`, and `X-Scope-OrgID` (the tenant) on multi-tenant installs. */
  headers: Record<string, string>;
  /** Per-request limit in milliseconds, body included. */
  timeoutMs: number;
}

/** One call of `GET /api/search`. */
export interface TempoSearchRequest {
  /** TraceQL, e.g. `{ resource.service.name = "reviews.bookinfo" }`; escape values with `traceqlString`. */
  q: string;
  /** Window start; sent as Unix seconds, rounded down. */
  start: Date;
  /** Window end; sent as Unix seconds, rounded up. */
  end: Date;
  /** Most traces to return. */
  limit: number;
  /** Most matching spans returned per span set (`spss`). */
  spansPerSpanSet: number;
}

/** Which trace-by-ID endpoint a Tempo serves: `/api/v2/traces` (2.6+) or only `/api/traces`. */
export type TempoTraceApi = 'v2' | 'v1';

/**
 * Tempo's HTTP API: search, trace by ID, and the echo health probe. Every failure is a `SourceError` with source
 * `tempo`.
 *
 * Trace API version: `trace` asks v2 first. Both "no such trace" and "no such endpoint" are HTTP 404, told apart
 * by the body: Tempo answers a missing trace with an EMPTY 404, while a Tempo without v2 answers the unknown
 * path with its router's `404 page not found`. Only the latter falls back to v1. The client remembers which
 * version answered (a 200, or an empty 404) and asks only that one afterwards, so a missing trace costs one
 * request once the version is known. Neither endpoint existing (the URL is not Tempo's) is a `not_found` that
 * says so.
 */
export class TempoClient implements HealthProbe {
  readonly source = 'tempo' as const;
  readonly #config: TempoConfig;
  #traceApi: TempoTraceApi | null = null;

  constructor(config: TempoConfig) {
    this.#config = config;
  }

  /** The trace API this Tempo has been seen to serve; null until a trace request has told. */
  get traceApi(): TempoTraceApi | null {
    return this.#traceApi;
  }

  /** Runs a TraceQL search. A 400 becomes `bad_query` carrying Tempo's own message. */
  async search(req: TempoSearchRequest, signal?: AbortSignal): Promise<TraceSummary[]> {
    const url = this.#url('/api/search');
    url.searchParams.set('q', req.q);
    url.searchParams.set('start', String(Math.floor(req.start.getTime() / 1000)));
    url.searchParams.set('end', String(Math.ceil(req.end.getTime() / 1000)));
    url.searchParams.set('limit', String(req.limit));
    url.searchParams.set('spss', String(req.spansPerSpanSet));
    const res = await this.#get('search', url, signal);
    if (res.status !== 200) throw tempoStatusError('search', res);
    return parseSearchResponse(parseJsonBody({ source: 'tempo', operation: 'search', url }, res));
  }

  /**
   * The spans of one trace. `traceId` must be 32 lowercase hex characters (see `parseTraceId`). A missing trace is
   * `not_found`. May return no spans if Tempo answers an empty trace.
   */
  async trace(traceId: string, signal?: AbortSignal): Promise<TempoTraceAnswer> {
    if (!/^[0-9a-f]{32}$/.test(traceId)) {
      throw new SourceError('tempo', 'bad_query', `tempo trace: "${traceId}" is not a 32-digit hex trace ID`);
    }
    if (this.#traceApi !== 'v1') {
      const url = this.#url(`/api/v2/traces/${traceId}`);
      const res = await this.#get('trace_v2', url, signal);
      if (res.status === 200) {
        this.#traceApi = 'v2';
        return parseTraceV2(parseJsonBody({ source: 'tempo', operation: 'trace', url }, res));
      }
      if (res.status !== 404) throw tempoStatusError('trace', res);
      if (this.#traceApi === 'v2' || res.body.trim() === '') {
        this.#traceApi = 'v2';
        throw traceNotFound(traceId, res);
      }
      // A 404 with a body is the router's: this Tempo predates the v2 endpoint.
    }
    const url = this.#url(`/api/traces/${traceId}`);
    const res = await this.#get('trace_v1', url, signal);
    if (res.status === 404 && res.body.trim() !== '') {
      throw new SourceError(
        'tempo',
        'not_found',
        `tempo trace: neither /api/v2/traces nor /api/traces exists under ${this.#config.url.href} (HTTP 404: ${plainText(res)})`,
        { status: 404 },
      );
    }
    if (res.status !== 404 && res.status !== 200) throw tempoStatusError('trace', res);
    this.#traceApi = 'v1';
    if (res.status === 404) throw traceNotFound(traceId, res);
    return parseTraceV1(parseJsonBody({ source: 'tempo', operation: 'trace', url }, res));
  }

  /** `GET /api/echo`, which answers `echo`; anything else (a proxy's login page) is `bad_response`. */
  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const res = await this.#get('echo', this.#url('/api/echo'), signal);
    if (res.status !== 200) throw tempoStatusError('echo', res);
    if (res.body.trim() !== 'echo') {
      throw new SourceError(
        'tempo',
        'bad_response',
        'tempo echo: the answer was not "echo"; is the URL Tempo\'s?',
        {
          status: res.status,
        },
      );
    }
    return this.#traceApi === null ? {} : { detail: `trace API ${this.#traceApi}` };
  }

  #url(path: string): URL {
    const url = new URL(this.#config.url.href);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
    url.search = '';
    url.hash = '';
    return url;
  }

  #get(operation: string, url: URL, signal: AbortSignal | undefined): Promise<UpstreamResponse> {
    const { headers, timeoutMs } = this.#config;
    return callUpstream({ source: 'tempo', operation, url, headers, timeoutMs, signal });
  }
}

function traceNotFound(traceId: string, res: UpstreamResponse): SourceError {
  return new SourceError('tempo', 'not_found', `tempo trace: no trace ${traceId}`, { status: res.status });
}
