import { afterEach, describe, expect, it } from 'vitest';
import { ParamError } from '@/lib/api/params';
import { parseTraceSearchParams } from '@/lib/api/trace-params';
import { fixtureText } from '@/server/tempo/__fixtures__/load';
import { startReplayServer, type Reply, type ReplayServer } from '@/server/tempo/__fixtures__/replay-server';
import { NO_TRACE_SOURCE, readTrace, searchTraces } from './search';
import { createTempoTraceSource } from './tempo-trace-source';

// The search and trace reads behind /api/traces against recorded Tempo answers replayed over real HTTP.

const TRACE = '3149195ffb0bec05347b48efe8ecc1b0';
const TRACEQL_ERROR =
  'invalid TraceQL query: parse error at line 1, col 3: syntax error: unexpected IDENTIFIER';
const NOW = Date.parse('2023-12-05T12:30:00Z');

function tempo(url: URL): Reply {
  if (url.pathname === '/api/search') {
    if (url.searchParams.get('q')?.startsWith('{ oops')) return { status: 400, body: `${TRACEQL_ERROR}\n` };
    return { status: 200, body: fixtureText('search-sidecar-bookinfo'), contentType: 'application/json' };
  }
  if (url.pathname === `/api/v2/traces/${TRACE}`) {
    return {
      status: 200,
      body: `{"trace":${fixtureText('trace-resourcespans')}}`,
      contentType: 'application/json',
    };
  }
  return { status: 404 };
}

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function source() {
  server = await startReplayServer(tempo);
  return createTempoTraceSource({ url: new URL(server.origin), headers: {}, timeoutMs: 2_000 });
}

const params = (query: string) => parseTraceSearchParams(new URLSearchParams(query), () => NOW);

describe('searchTraces', () => {
  it('sends the fields as escaped TraceQL over the window and answers the hits', async () => {
    const answer = await searchTraces(
      await source(),
      params('service=a"b&errors=true&window=30m'),
      undefined,
      () => NOW,
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data?.traceql).toBe('{ resource.service.name = "a\\"b" && status = error }');
    expect(answer.data?.start).toBe('2023-12-05T12:00:00.000Z');
    expect(answer.data?.end).toBe('2023-12-05T12:30:00.000Z');
    const sent = server?.requests[0]?.url.searchParams;
    expect(sent?.get('q')).toBe(answer.data?.traceql);
    expect(sent?.get('start')).toBe(String(Date.parse('2023-12-05T12:00:00Z') / 1000));
    expect(answer.data?.traces.map((t) => [t.traceId, t.rootService])).toEqual([
      ['100cb753c787ed5657c8d88dafc176ed', 'istio-ingressgateway.istio-system'],
    ]);
  });

  it('answers malformed TraceQL with Tempo’s own message, on the q parameter', async () => {
    const error = await searchTraces(await source(), params('q=%7B%20oops%20%7D')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParamError);
    expect(error).toMatchObject({
      parameter: 'q',
      message: expect.stringContaining(TRACEQL_ERROR) as string,
    });
  });

  it('turns Tempo being down into an error in the answer, not a failure', async () => {
    const down = await source();
    await server?.close();
    server = undefined;
    const answer = await searchTraces(down, params(''));
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([expect.objectContaining({ source: 'tempo', kind: 'unreachable' })]);
  });

  it('says what to configure when there is no trace source', async () => {
    expect(await searchTraces(null, params(''))).toEqual({ data: null, errors: [NO_TRACE_SOURCE] });
  });
});

describe('readTrace', () => {
  it('reads a trace by base64 ID as by hex', async () => {
    const tempoSource = await source();
    const base64 = Buffer.from(TRACE, 'hex').toString('base64');
    const read = await readTrace(tempoSource, base64);
    expect(read.status).toBe(200);
    if (read.status !== 200) return;
    expect(read.body.data.traceId).toBe(TRACE);
    expect(read.body.data.spans.length).toBeGreaterThan(0);
  });

  it('answers 404 for a trace Tempo does not hold and 400 for an ID that is not one', async () => {
    const tempoSource = await source();
    expect(await readTrace(tempoSource, 'a'.repeat(32))).toMatchObject({
      status: 404,
      body: { error: { source: 'tempo', kind: 'not_found' } },
    });
    await expect(readTrace(tempoSource, 'not-a-trace!')).rejects.toMatchObject({ parameter: 'traceId' });
  });

  it('answers 503 when no trace source is configured', async () => {
    expect(await readTrace(null, TRACE)).toEqual({ status: 503, body: { error: NO_TRACE_SOURCE } });
  });
});
