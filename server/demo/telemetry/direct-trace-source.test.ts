import { describe, expect, it } from 'vitest';
import { SourceError } from '@/lib/source-error';
import type { TraceSource } from '@/server/traces/trace-source';
import { seededRandom } from '@/lib/random';
import type { Endpoint, TraceHop, TraceSample } from '../model/traffic';
import { legacyServer, productpage, reviews, serviceOf, tick, waypoint } from './__fixtures__/mesh';
import { createDemoTelemetry } from './demo-telemetry';

const T0 = 1_800_000_000_000;

function sample(n: number, startMs: number, destination: Endpoint, responseCode = 200): TraceSample {
  const root: TraceHop = {
    source: productpage,
    service: serviceOf(destination),
    destination,
    waypoint,
    mtls: true,
    startMs,
    durationMs: 10 + n,
    responseCode,
    responseFlags: '-',
    method: 'GET',
    path: '/',
    children: [],
  };
  return { traceId: n.toString(16).padStart(32, '0'), root };
}

/** Five traces a second apart: 1-4 to reviews (3 failed with a 503), 5 to inventory; ring of 4 keeps 2-5. */
function source(): TraceSource {
  const telemetry = createDemoTelemetry({ random: seededRandom('traces'), maxTraces: 4 });
  for (let n = 1; n <= 5; n++) {
    const t = tick(T0 + n * 1000, []);
    t.traces = [sample(n, T0 + n * 1000, n === 5 ? legacyServer : reviews, n === 3 ? 503 : 200)];
    telemetry.record(t);
  }
  return telemetry.traces;
}

const window = { start: new Date(T0), end: new Date(T0 + 60_000), limit: 20 };

describe('DirectTraceSource', () => {
  it('searches newest first, keeping only the most recent traces', async () => {
    const hits = await source().search(window);
    expect(hits.map((h) => Number.parseInt(h.traceId, 16))).toEqual([5, 4, 3, 2]);
    expect(hits[0]).toMatchObject({ rootService: 'waypoint.bookinfo', startMs: T0 + 5000, durationMs: 15 });
  });

  it('filters with the structured filter: one span must satisfy every condition', async () => {
    const traces = source();
    const ids = async (filter: Parameters<TraceSource['search']>[0]['filter']) =>
      (await traces.search({ ...window, filter })).map((h) => Number.parseInt(h.traceId, 16));
    expect(await ids({ errorsOnly: true })).toEqual([3]);
    expect(await ids({ workload: 'inventory-v1' })).toEqual([5]);
    expect(await ids({ namespace: 'legacy' })).toEqual([5]);
    expect(await ids({ service: 'waypoint.bookinfo', minDurationMs: 13.5 })).toEqual([5, 4]);
    expect(await ids({ service: 'reviews.bookinfo' })).toEqual([]);
  });

  it('counts every span and every failed span of a hit, whatever matched, as Tempo’s serviceStats do', async () => {
    const hits = await source().search({ ...window, filter: { namespace: 'bookinfo' } });
    const failed = hits.find((h) => Number.parseInt(h.traceId, 16) === 3);
    const fine = hits.find((h) => Number.parseInt(h.traceId, 16) === 2);
    // The waypoint's server and client spans: both failed on the 503.
    expect(failed).toMatchObject({ spanCount: 2, errorCount: 2 });
    expect(fine).toMatchObject({ spanCount: 2, errorCount: 0 });
  });

  it('returns matched spans per span set, at most spansPerSpanSet of them', async () => {
    const [hit] = await source().search({ ...window, limit: 1, spansPerSpanSet: 1 });
    expect(hit?.spanSets).toHaveLength(1);
    // Trace 5: the waypoint's server and client spans, and inventory's sidecar.
    expect(hit?.spanSets[0]?.matched).toBe(3);
    expect(hit?.spanSets[0]?.spans).toHaveLength(1);
    expect(hit?.spanSets[0]?.spans[0]).toMatchObject({
      service: 'waypoint.bookinfo',
      name: expect.any(String),
    });
  });

  it('honours the time window and the limit', async () => {
    const traces = source();
    const early = await traces.search({ ...window, end: new Date(T0 + 3500) });
    expect(early.map((h) => Number.parseInt(h.traceId, 16))).toEqual([3, 2]);
    expect(await traces.search({ ...window, limit: 2 })).toHaveLength(2);
    expect(await traces.search({ ...window, limit: 0 })).toEqual([]);
  });

  it('searches with TraceQL, which replaces the structured filter', async () => {
    const traces = source();
    expect(traces.supportsTraceQL).toBe(true);
    const ids = async (traceql: string, filter?: Parameters<TraceSource['search']>[0]['filter']) =>
      (await traces.search({ ...window, traceql, filter })).map((h) => Number.parseInt(h.traceId, 16));
    expect(await ids('{ status = error }')).toEqual([3]);
    expect(await ids('{ span.http.status_code >= 500 }')).toEqual([3]);
    expect(await ids('{ span.http.status_code = "503" }')).toEqual([]);
    expect(await ids('{ resource.service.name = "waypoint.bookinfo" && duration >= 13.5ms }')).toEqual([
      5, 4,
    ]);
    expect(
      await ids('{ span.istio.destination_workload =~ "inventory-.*" } | select(span.http.url)'),
    ).toEqual([5]);
    // The query replaces the filter, which alone would find trace 3 only.
    expect(await ids('{ .istio.namespace = "legacy" }', { errorsOnly: true })).toEqual([5]);
    expect(await ids('{}', { errorsOnly: true })).toEqual([5, 4, 3, 2]);
  });

  it('puts the spans of every matching span set into one span set', async () => {
    const [hit, ...rest] = await source().search({
      ...window,
      traceql: '{ kind = client } && { resource.service.name = "inventory.legacy" }',
    });
    expect(rest).toEqual([]);
    expect(hit?.traceId).toBe('0'.repeat(31) + '5');
    // The waypoint's client span and inventory's sidecar span.
    expect(hit?.spanSets).toHaveLength(1);
    expect(hit?.spanSets[0]?.matched).toBe(2);
    expect(hit?.spanSets[0]?.spans.map((s) => s.service)).toEqual(['waypoint.bookinfo', 'inventory.legacy']);
  });

  it('answers a malformed or unsupported query with bad_query, saying where, as Tempo does', async () => {
    const traces = source();
    const error = await traces.search({ ...window, traceql: '{ status = }' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({
      kind: 'bad_query',
      source: 'tempo',
      message:
        'invalid TraceQL query: parse error at line 1, col 12: syntax error: unexpected }, expecting a field or a value',
    });
    await expect(traces.search({ ...window, traceql: '{ .a = 1 } >> { .b = 2 }' })).rejects.toMatchObject({
      kind: 'bad_query',
      message: expect.stringMatching(
        /^invalid TraceQL query: parse error at line 1, col 12: structural operators/,
      ),
    });
    // A blank query is no query.
    await expect(traces.search({ ...window, traceql: '  ' })).resolves.toHaveLength(4);
  });

  it('reads a whole trace by hex or base64 id; absent is not_found, junk is bad_query', async () => {
    const traces = source();
    const trace = await traces.trace('4');
    expect(trace).toMatchObject({
      traceId: '0'.repeat(31) + '4',
      partial: false,
      serviceCount: 1,
      errorCount: 0,
    });
    expect(trace.spans.map((s) => s.kind)).toEqual(['server', 'client']);
    await expect(traces.trace('AAAAAAAAAAAAAAAAAAAABQ==')).resolves.toMatchObject({
      traceId: '0'.repeat(31) + '5',
    });
    await expect(traces.trace('1')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(traces.trace('not a trace')).rejects.toMatchObject({ kind: 'bad_query' });
  });

  it('probes as the demo', async () => {
    await expect(source().probe()).resolves.toEqual({ version: 'demo', detail: 'direct from the demo mesh' });
  });
});
