import { describe, expect, it } from 'vitest';
import { isSourceError } from '@/lib/source-error';
import type { TraceSummary } from '@/lib/traces/types';
import type { TempoSearchRequest } from '@/server/tempo/client';
import { fixture } from '@/server/tempo/__fixtures__/load';
import { parseTraceV2, type TempoTraceAnswer } from '@/server/tempo/parse-trace';
import { TempoTraceSource, type TempoApi } from './tempo-trace-source';

const WINDOW = { start: new Date('2023-12-05T12:00:00Z'), end: new Date('2023-12-05T13:00:00Z') };

function summary(traceId: string, startMs: number): TraceSummary {
  return { traceId, rootService: 's', rootName: 'n', startMs, durationMs: 1, spanSets: [] };
}

/** A Tempo client that records what it was asked and answers canned values. */
function fakeTempo(hits: TraceSummary[], answer: TempoTraceAnswer = { spans: [], partial: false }) {
  const searches: TempoSearchRequest[] = [];
  const traces: string[] = [];
  const api: TempoApi = {
    search: (req) => {
      searches.push(req);
      return Promise.resolve(hits);
    },
    trace: (id) => {
      traces.push(id);
      return Promise.resolve(answer);
    },
    probe: () => Promise.resolve({}),
  };
  return { api, searches, traces };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('TempoTraceSource.search', () => {
  it('sends the TraceQL built from the structured filter, with the window, limit and a default spss', async () => {
    const tempo = fakeTempo([]);
    await new TempoTraceSource(tempo.api).search({
      ...WINDOW,
      limit: 20,
      filter: { service: 'reviews.bookinfo' },
    });
    expect(tempo.searches).toEqual([
      { q: '{ resource.service.name = "reviews.bookinfo" }', ...WINDOW, limit: 20, spansPerSpanSet: 3 },
    ]);
  });

  it('lets a person’s TraceQL replace the filter, and ignores a blank one', async () => {
    const tempo = fakeTempo([]);
    const source = new TempoTraceSource(tempo.api);
    const query = { ...WINDOW, limit: 5, spansPerSpanSet: 10, filter: { errorsOnly: true } };
    await source.search({ ...query, traceql: '  { span.http.status_code >= 500 } | select(span.http.url) ' });
    await source.search({ ...query, traceql: '   ' });
    expect(tempo.searches.map((s) => [s.q, s.spansPerSpanSet])).toEqual([
      ['{ span.http.status_code >= 500 } | select(span.http.url)', 10],
      ['{ status = error }', 10],
    ]);
  });

  it('returns hits newest first and never more than the limit', async () => {
    const hits = [summary('a', 1), summary('c', 3), summary('b', 2)];
    const found = await new TempoTraceSource(fakeTempo(hits).api).search({ ...WINDOW, limit: 2 });
    expect(found.map((h) => h.traceId)).toEqual(['c', 'b']);
  });
});

describe('TempoTraceSource.trace', () => {
  it('normalises a base64 ID, asks Tempo for the hex one and assembles the trace', async () => {
    const tempo = fakeTempo([], parseTraceV2(fixture('trace-v2-partial')));
    const trace = await new TempoTraceSource(tempo.api).trace('MUkZX/sL7AU0e0jv6OzBsA==');
    expect(tempo.traces).toEqual(['3149195ffb0bec05347b48efe8ecc1b0']);
    expect(trace).toMatchObject({
      traceId: '3149195ffb0bec05347b48efe8ecc1b0',
      partial: true,
      rootService: 'tempo-vulture',
      rootName: 'vulture-68',
      serviceCount: 1,
      errorCount: 0,
    });
    expect(trace.partialReason).toMatch(/exceeds maximum size/);
    expect(trace.spans).toHaveLength(4);
  });

  it('rejects junk as bad_query without calling Tempo', async () => {
    const tempo = fakeTempo([]);
    const error = await rejection(new TempoTraceSource(tempo.api).trace('not a trace'));
    expect(isSourceError(error) && error.kind === 'bad_query').toBe(true);
    expect(tempo.traces).toEqual([]);
  });

  it('reports an answer without spans as not_found', async () => {
    const error = await rejection(
      new TempoTraceSource(fakeTempo([]).api).trace('100cb753c787ed5657c8d88dafc176ed'),
    );
    expect(isSourceError(error) && error.kind === 'not_found').toBe(true);
  });
});
