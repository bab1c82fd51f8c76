import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSeriesEdgeId } from '@/lib/queries/graph';
import { startDemoMesh, type DemoMesh } from '@/server/demo/mesh';
import { readEdgeSeries } from './series';

/** One edge's series from the live demo mesh's telemetry, through the direct MetricsSource as in demo mode. */

let mesh: DemoMesh;

beforeAll(async () => {
  mesh = await startDemoMesh({ seed: 'series-int', scale: 0, prefillMs: 120_000 });
});

afterAll(async () => {
  await mesh?.stop();
});

describe('the series of a demo mesh edge', () => {
  it('productpage -> reviews-v2 (through the waypoint) has requests over the window', async () => {
    const edge = parseSeriesEdgeId('workload:bookinfo/productpage-v1->workload:bookinfo/reviews-v2|http|L7');
    if (!edge) throw new Error('the id did not parse');
    const answer = await readEdgeSeries(mesh.telemetry.metrics, { edge, windowSeconds: 120, end: null });
    expect(answer.errors).toEqual([]);
    expect(answer.data.points.length).toBeGreaterThan(1);
    expect(answer.data.points.some((p) => p.rps > 0)).toBe(true);
    for (const p of answer.data.points) expect(p.errorRps).toBeLessThanOrEqual(p.rps);
    const times = answer.data.points.map((p) => p.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('an edge without traffic has no points', async () => {
    const edge = parseSeriesEdgeId('workload:bookinfo/ratings-v1->workload:bookinfo/productpage-v1|http|L7');
    if (!edge) throw new Error('the id did not parse');
    const answer = await readEdgeSeries(mesh.telemetry.metrics, { edge, windowSeconds: 120, end: null });
    expect(answer).toEqual({ data: { points: [] }, errors: [] });
  });
});
