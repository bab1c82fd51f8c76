import { describe, expect, it, vi } from 'vitest';
import type { RangeSeries } from '@/lib/metrics/types';
import { parseSeriesEdgeId, type SeriesEdge } from '@/lib/queries/graph';
import { SourceError } from '@/lib/source-error';
import type { MetricsSource, RateRangeQuery } from '@/server/telemetry/metrics-source';
import { foldSeries, readEdgeSeries, seriesStepSeconds } from './series';

const series = (reporter: string, code: string, points: [number, number][]): RangeSeries => ({
  labels: { reporter, response_code: code },
  points,
});

function fakeSource(answer: (q: RateRangeQuery) => RangeSeries[] | Error): {
  source: MetricsSource;
  calls: RateRangeQuery[];
} {
  const calls: RateRangeQuery[] = [];
  const source: MetricsSource = {
    source: 'prometheus',
    resolutionSeconds: 15,
    probe: vi.fn(),
    rate: vi.fn(),
    quantile: vi.fn(),
    rateRange: async (q) => {
      calls.push(q);
      const result = answer(q);
      if (result instanceof Error) throw result;
      return { data: result, warnings: [] };
    },
  };
  return { source, calls };
}

const edge: SeriesEdge = {
  sourceNamespace: 'bookinfo',
  sourceWorkload: 'productpage-v1',
  destinationNamespace: 'bookinfo',
  destinationWorkload: 'reviews-v2',
  protocol: 'http',
};

describe('foldSeries', () => {
  it('keeps only the highest-ranked reporter present at each instant: waypoint, destination, source', () => {
    const points = foldSeries([
      series('source', '200', [
        [10, 1],
        [20, 1],
        [30, 1],
      ]),
      series('destination', '200', [
        [20, 2],
        [30, 2],
      ]),
      series('waypoint', '200', [[30, 4]]),
    ]);
    expect(points).toEqual([
      { t: 10, rps: 1, errorRps: 0 },
      { t: 20, rps: 2, errorRps: 0 },
      { t: 30, rps: 4, errorRps: 0 },
    ]);
  });

  it('sums the codes of the chosen reporter, 5xx as errors, in time order, ignoring other reporters', () => {
    const points = foldSeries([
      series('destination', '503', [[20, 0.5]]),
      series('destination', '200', [
        [20, 1.5],
        [10, 1],
      ]),
      series('destination', '404', [[20, 1]]),
      series('source', '500', [[20, 9]]),
      series('ztunnel', '200', [[20, 100]]),
    ]);
    expect(points).toEqual([
      { t: 10, rps: 1, errorRps: 0 },
      { t: 20, rps: 3, errorRps: 0.5 },
    ]);
  });

  it('is empty without series', () => {
    expect(foldSeries([])).toEqual([]);
  });
});

describe('seriesStepSeconds', () => {
  it('is a sixtieth of the window, at least 15 s', () => {
    expect(seriesStepSeconds(60)).toBe(15);
    expect(seriesStepSeconds(300)).toBe(15);
    expect(seriesStepSeconds(3600)).toBe(60);
    expect(seriesStepSeconds(86_400)).toBe(1440);
  });
});

describe('readEdgeSeries', () => {
  it('makes one range read of the edge, every reporter at once, ~60 points over the window', async () => {
    const { source, calls } = fakeSource(() => [series('waypoint', '200', [[1_800_000_000, 2]])]);
    const end = new Date(1_800_000_000_000);
    const answer = await readEdgeSeries(source, { edge, windowSeconds: 3600, end });
    expect(answer).toEqual({ data: { points: [{ t: 1_800_000_000, rps: 2, errorRps: 0 }] }, errors: [] });
    expect(calls).toEqual([
      {
        metric: 'istio_requests_total',
        by: ['reporter', 'response_code'],
        match: [
          { label: 'reporter', op: '=~', value: 'waypoint|destination|source' },
          { label: 'source_workload_namespace', op: '=', value: 'bookinfo' },
          { label: 'source_workload', op: '=', value: 'productpage-v1' },
          { label: 'destination_workload_namespace', op: '=', value: 'bookinfo' },
          { label: 'destination_workload', op: '=', value: 'reviews-v2' },
          { label: 'request_protocol', op: '!=', value: 'grpc' },
        ],
        windowSeconds: 60,
        start: new Date(1_800_000_000_000 - 3_600_000),
        end,
        stepSeconds: 60,
      },
    ]);
  });

  it('matches gRPC edges on request_protocol="grpc"', async () => {
    const { source, calls } = fakeSource(() => []);
    const grpc = parseSeriesEdgeId('workload:a/b->workload:c/d|grpc|L7');
    if (!grpc) throw new Error('unparsed');
    await readEdgeSeries(source, { edge: grpc, windowSeconds: 300, end: null });
    expect(calls[0]?.match.at(-1)).toEqual({ label: 'request_protocol', op: '=', value: 'grpc' });
    expect(calls[0]?.stepSeconds).toBe(15);
  });

  it('answers a source failure as an error with no points', async () => {
    const down = new SourceError('prometheus', 'unreachable', 'prometheus: connection refused');
    const { source } = fakeSource(() => down);
    expect(await readEdgeSeries(source, { edge, windowSeconds: 300, end: null })).toEqual({
      data: { points: [] },
      errors: [down.toDTO()],
    });
  });

  it('answers no metrics source as an error with no points', async () => {
    const answer = await readEdgeSeries(null, { edge, windowSeconds: 300, end: null });
    expect(answer.data.points).toEqual([]);
    expect(answer.errors).toMatchObject([{ source: 'prometheus', kind: 'unavailable' }]);
  });

  it('rejects on anything that is not a SourceError (a bug, not an outage)', async () => {
    const { source } = fakeSource(() => new TypeError('boom'));
    await expect(readEdgeSeries(source, { edge, windowSeconds: 300, end: null })).rejects.toThrow('boom');
  });
});
