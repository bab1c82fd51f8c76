import { describe, expect, it } from 'vitest';
import type { Labels, RangeSeries } from '@/lib/metrics/types';
import {
  foldDirection,
  seriesUse,
  type DirectionReads,
  type SeriesFacts,
  type SeriesUse,
} from './detail-series';

describe('which reporter counts (SERIES_RULES)', () => {
  it.each<[string, SeriesFacts, SeriesUse]>([
    ['a waypoint’s own series', { reporter: 'waypoint', touchesWaypoint: false }, { kind: 'count', rank: 3 }],
    [
      'a waypoint’s series even where an end looks like one',
      { reporter: 'waypoint', touchesWaypoint: true },
      { kind: 'count', rank: 3 },
    ],
    [
      'client -> waypoint, reported by the client',
      { reporter: 'source', touchesWaypoint: true },
      { kind: 'hop' },
    ],
    [
      'waypoint -> server, reported by the server’s ztunnel',
      { reporter: 'destination', touchesWaypoint: true },
      { kind: 'hop' },
    ],
    [
      'a sidecar server (or ztunnel for L4)',
      { reporter: 'destination', touchesWaypoint: false },
      { kind: 'count', rank: 2 },
    ],
    [
      'a client sidecar or gateway',
      { reporter: 'source', touchesWaypoint: false },
      { kind: 'count', rank: 1 },
    ],
    ['an unknown reporter', { reporter: 'proxy', touchesWaypoint: false }, { kind: 'ignore' }],
  ])('%s', (_what, facts, use) => {
    expect(seriesUse(facts)).toEqual(use);
  });
});

/** A series of one reporter for a pair `a -> b` (`ns/name` each), with extra labels and points. */
function series(reporter: string, pair: string, points: [number, number][], extra: Labels = {}): RangeSeries {
  const [source = '', destination = ''] = pair.split('->');
  const [sns = '', sw = ''] = source.split('/');
  const [dns = '', dw = ''] = destination.split('/');
  return {
    labels: {
      reporter,
      source_workload: sw,
      source_workload_namespace: sns,
      destination_workload: dw,
      destination_workload_namespace: dns,
      ...extra,
    },
    points,
  };
}
const isWaypoint = (ns: string, name: string): boolean => ns === 'shop' && name === 'waypoint';
const reads = (r: Partial<DirectionReads>): DirectionReads => ({
  requests: [],
  buckets: [],
  connections: [],
  ...r,
});
const ok = { response_code: '200' };

describe('foldDirection', () => {
  it('a call through a waypoint: the waypoint’s series, never the hops around it', () => {
    const folded = foldDirection(
      reads({
        requests: [
          series(
            'waypoint',
            'web/a->shop/api',
            [
              [0, 10],
              [15, 10],
            ],
            ok,
          ),
          series(
            'source',
            'web/a->shop/waypoint',
            [
              [0, 10],
              [15, 10],
            ],
            ok,
          ),
          series(
            'destination',
            'shop/waypoint->shop/api',
            [
              [0, 10],
              [15, 10],
            ],
            ok,
          ),
        ],
      }),
      isWaypoint,
    );
    expect(folded.points.map((p) => p.requestsPerSecond)).toEqual([10, 10]);
    expect(folded.reporters).toEqual(['waypoint']);
  });

  it('sidecars at both ends: the server’s report, the client’s only where the server has none', () => {
    const folded = foldDirection(
      reads({
        requests: [
          series(
            'destination',
            'legacy/sync->legacy/inv',
            [
              [0, 3],
              [15, 3],
            ],
            ok,
          ),
          series(
            'source',
            'legacy/sync->legacy/inv',
            [
              [0, 3.2],
              [15, 3.2],
              [30, 3.1],
            ],
            ok,
          ),
          series(
            'source',
            'legacy/inv->pay/api',
            [
              [0, 1.5],
              [15, 1.5],
            ],
            ok,
          ),
        ],
      }),
      isWaypoint,
    );
    expect(folded.points.map((p) => [p.t, p.requestsPerSecond])).toEqual([
      [0, 4.5],
      [15, 4.5],
      [30, 3.1],
    ]);
    expect(folded.reporters).toEqual(['destination', 'source']);
  });

  it('errors: 5xx, no response, and failing gRPC statuses; not 4xx', () => {
    const folded = foldDirection(
      reads({
        requests: [
          series('destination', 'a/x->b/y', [[0, 8]], ok),
          series('destination', 'a/x->b/y', [[0, 1]], { response_code: '503' }),
          series('destination', 'a/x->b/y', [[0, 0.5]], { response_code: '0' }),
          series('destination', 'a/x->b/y', [[0, 0.25]], {
            response_code: '200',
            grpc_response_status: '14',
          }),
          series('destination', 'a/x->b/y', [[0, 2]], { response_code: '404' }),
        ],
      }),
      isWaypoint,
    );
    expect(folded.points[0]).toMatchObject({ requestsPerSecond: 11.75, errorsPerSecond: 1.75 });
  });

  it('p95 from the chosen reporter’s buckets summed over pairs; null without requests', () => {
    const bucket = (reporter: string, pair: string, le: string, value: number): RangeSeries =>
      series(reporter, pair, [[0, value]], { le });
    const folded = foldDirection(
      reads({
        requests: [series('waypoint', 'a/x->shop/api', [[0, 100]], ok)],
        buckets: [
          bucket('waypoint', 'a/x->shop/api', '10', 50),
          bucket('waypoint', 'a/x->shop/api', '20', 100),
          bucket('waypoint', 'a/x->shop/api', '+Inf', 100),
          // The client's copy of the same calls must not pull the quantile.
          bucket('source', 'a/x->shop/waypoint', '1000', 0),
          bucket('source', 'a/x->shop/waypoint', '+Inf', 100),
        ],
        connections: [series('destination', 'a/x->shop/db', [[15, 2]])],
      }),
      isWaypoint,
    );
    expect(folded.points).toEqual([
      { t: 0, requestsPerSecond: 100, errorsPerSecond: 0, p95Ms: 19, connectionsPerSecond: 0 },
      { t: 15, requestsPerSecond: 0, errorsPerSecond: 0, p95Ms: null, connectionsPerSecond: 2 },
    ]);
  });

  it('skips NaN points and answers nothing for nothing', () => {
    expect(foldDirection(reads({}), isWaypoint)).toEqual({ points: [], reporters: [] });
    const folded = foldDirection(
      reads({
        requests: [
          series(
            'destination',
            'a/x->b/y',
            [
              [0, NaN],
              [15, 1],
            ],
            ok,
          ),
        ],
      }),
      isWaypoint,
    );
    expect(folded.points.map((p) => p.t)).toEqual([15]);
  });
});
