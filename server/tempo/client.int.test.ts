import { afterEach, describe, expect, it } from 'vitest';
import { isSourceError, type SourceError } from '@/lib/source-error';
import { buildTraceQL } from '@/lib/traces/traceql';
import { createTempoTraceSource } from '@/server/traces/tempo-trace-source';
import { fixtureText } from './__fixtures__/load';
import { startReplayServer, type Reply, type ReplayServer } from './__fixtures__/replay-server';
import { TempoClient } from './client';

// Replays recorded Tempo answers from a loopback server: no real Tempo can run here.

const TRACE = '3149195ffb0bec05347b48efe8ecc1b0';
const MISSING = '100cb753c787ed5657c8d88dafc176ed';
const TRACEQL_ERROR =
  'invalid TraceQL query: parse error at line 1, col 10: syntax error: unexpected IDENTIFIER';
const HEADERS = { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer s3cret' };
const JSON_TYPE = 'application/json';
/** What Go's router answers for a path it does not know. */
const ROUTER_404: Reply = {
  status: 404,
  body: '404 page not found\n',
  contentType: 'text/plain; charset=utf-8',
};

/** Tempo 2.6+ under the path prefix `/tempo`. */
function modernTempo(url: URL): Reply {
  if (url.pathname === '/tempo/api/echo') return { status: 200, body: 'echo', contentType: 'text/plain' };
  if (url.pathname === '/tempo/api/search') {
    if (url.searchParams.get('q')?.includes('oops')) return { status: 400, body: `${TRACEQL_ERROR}\n` };
    return { status: 200, body: fixtureText('search-sidecar-bookinfo'), contentType: JSON_TYPE };
  }
  if (url.pathname === `/tempo/api/v2/traces/${TRACE}`) {
    return { status: 200, body: `{"trace":${fixtureText('trace-resourcespans')}}`, contentType: JSON_TYPE };
  }
  // A missing trace: 404 with no body.
  if (url.pathname.startsWith('/tempo/api/v2/traces/')) return { status: 404 };
  return ROUTER_404;
}

/** A Tempo from before the v2 trace endpoint. */
function olderTempo(url: URL): Reply {
  if (url.pathname === `/tempo/api/traces/${TRACE}`) {
    return { status: 200, body: fixtureText('trace-v1-batches-hex'), contentType: JSON_TYPE };
  }
  if (url.pathname.startsWith('/tempo/api/traces/')) return { status: 404 };
  return ROUTER_404;
}

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(route: (url: URL) => Reply, timeoutMs = 5000): Promise<TempoClient> {
  server = await startReplayServer(route);
  return new TempoClient({ url: new URL(`${server.origin}/tempo/`), headers: HEADERS, timeoutMs });
}

function paths(): string[] {
  return (server?.requests ?? []).map((r) => r.url.pathname);
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSourceError(error)) throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

describe('TempoClient against recorded answers', () => {
  it('searches with the tenant and auth headers and the right query parameters', async () => {
    const client = await clientFor(modernTempo);
    const q = buildTraceQL({ service: 'x" } || { true', errorsOnly: true });
    const hits = await client.search({
      q,
      start: new Date('2023-12-05T12:00:00.700Z'),
      end: new Date('2023-12-05T13:00:00.200Z'),
      limit: 20,
      spansPerSpanSet: 5,
    });
    expect(hits.map((h) => h.traceId)).toEqual(['100cb753c787ed5657c8d88dafc176ed']);
    const [request] = server?.requests ?? [];
    expect(request?.method).toBe('GET');
    expect(request?.url.pathname).toBe('/tempo/api/search');
    expect(request?.headers['x-scope-orgid']).toBe('team-a');
    expect(request?.headers.authorization).toBe('Bearer s3cret');
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      q,
      start: '1701777600',
      end: '1701781201',
      limit: '20',
      spss: '5',
    });
  });

  it('turns a 400 into bad_query carrying Tempo’s own message', async () => {
    const client = await clientFor(modernTempo);
    const error = await failure(
      client.search({ q: '{ oops }', start: new Date(0), end: new Date(), limit: 1, spansPerSpanSet: 1 }),
    );
    expect(error.toDTO()).toEqual({
      source: 'tempo',
      kind: 'bad_query',
      message: TRACEQL_ERROR,
      status: 400,
    });
  });

  it('reads a trace from the v2 endpoint of a modern Tempo, through the trace source', async () => {
    await clientFor(modernTempo);
    const source = createTempoTraceSource({
      url: new URL(`${server?.origin}/tempo`),
      headers: HEADERS,
      timeoutMs: 5000,
    });
    const trace = await source.trace('MUkZX/sL7AU0e0jv6OzBsA==');
    expect(trace).toMatchObject({ traceId: TRACE, partial: false, rootService: 'tempo-vulture' });
    expect(trace.spans).toHaveLength(6);
    expect(paths()).toEqual([`/tempo/api/v2/traces/${TRACE}`]);
    expect(server?.requests[0]?.headers['x-scope-orgid']).toBe('team-a');
  });

  it('reports a missing trace on a modern Tempo as not_found after one request', async () => {
    const client = await clientFor(modernTempo);
    expect((await failure(client.trace(MISSING))).kind).toBe('not_found');
    expect(paths()).toEqual([`/tempo/api/v2/traces/${MISSING}`]);
    expect(client.traceApi).toBe('v2');
  });

  it('falls back to v1 on an older Tempo, then asks v1 directly', async () => {
    const client = await clientFor(olderTempo);
    const first = await client.trace(TRACE);
    expect(first.spans).toHaveLength(6);
    expect(first.spans[0]?.traceId).toBe(TRACE);
    expect(client.traceApi).toBe('v1');
    expect((await failure(client.trace(MISSING))).kind).toBe('not_found');
    expect(paths()).toEqual([
      `/tempo/api/v2/traces/${TRACE}`,
      `/tempo/api/traces/${TRACE}`,
      `/tempo/api/traces/${MISSING}`,
    ]);
  });

  it('reports a missing trace on an older Tempo as not_found', async () => {
    const client = await clientFor(olderTempo);
    expect((await failure(client.trace(MISSING))).kind).toBe('not_found');
    expect(paths()).toEqual([`/tempo/api/v2/traces/${MISSING}`, `/tempo/api/traces/${MISSING}`]);
  });

  it('says so when neither trace endpoint exists (the URL is not Tempo’s)', async () => {
    const client = await clientFor(() => ROUTER_404);
    const error = await failure(client.trace(TRACE));
    expect(error.kind).toBe('not_found');
    expect(error.message).toMatch(/neither \/api\/v2\/traces nor \/api\/traces exists/);
    expect(client.traceApi).toBeNull();
  });

  it('probes health with the echo endpoint', async () => {
    const client = await clientFor(modernTempo);
    await expect(client.probe()).resolves.toEqual({});
    expect(paths()).toEqual(['/tempo/api/echo']);
  });

  it('refuses a login page that answers 200 in place of Tempo', async () => {
    const login: Reply = {
      status: 200,
      body: '<!doctype html><title>Sign in</title>',
      contentType: 'text/html',
    };
    const client = await clientFor(() => login);
    expect((await failure(client.probe())).kind).toBe('bad_response');
    const error = await failure(
      client.search({ q: '{}', start: new Date(0), end: new Date(), limit: 1, spansPerSpanSet: 1 }),
    );
    expect(error.kind).toBe('bad_response');
    expect(error.message).toMatch(/expected JSON but got HTML/);
  });

  it('maps a refused credential to unauthorized', async () => {
    const client = await clientFor(() => ({ status: 401, body: 'invalid token' }));
    expect((await failure(client.probe())).kind).toBe('unauthorized');
  });

  it('gives up with timeout within the configured time when Tempo never answers', async () => {
    const client = await clientFor(() => 'hang', 300);
    const started = performance.now();
    const error = await failure(client.trace(TRACE));
    const elapsed = performance.now() - started;
    expect(error.kind).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
  });
});
