import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random';
import { scaledMesh } from './__fixtures__/scaled-mesh';
import { simulateTick } from './simulate-tick';

describe('a generated mesh of 1,000 workloads (timings: bench-tick.ts, never asserted)', () => {
  const { config, behaviour } = scaledMesh(1_000);
  const traffic = simulateTick(behaviour, config, {
    atMs: 1_000_000,
    seconds: 10,
    random: seededRandom('scale'),
  });

  it('writes whole counts, finite latencies and bytes', () => {
    expect(traffic.flows.length).toBeGreaterThan(1_000);
    const bad = traffic.flows.filter(
      (f) =>
        !Number.isInteger(f.count) ||
        f.count <= 0 ||
        !Number.isFinite(f.latency.medianMs) ||
        !Number.isFinite(f.latency.p99Ms) ||
        f.latency.p99Ms < f.latency.medianMs - 1e-9 ||
        !Number.isFinite(f.bytes.sent),
    );
    expect(bad).toEqual([]);
  });

  it('counts every request the sources start at the first hop', () => {
    const started = behaviour.sources.reduce((sum, s) => sum + s.ratePerSecond * 10, 0);
    const counted = traffic.flows.filter((f) => f.source === null).reduce((sum, f) => sum + f.count, 0);
    expect(Math.abs(counted - started) / started).toBeLessThan(0.02);
  });

  it('keeps the traces per tick bounded', () => {
    expect(traffic.traces.length).toBeGreaterThan(0);
    expect(traffic.traces.length).toBeLessThanOrEqual(48);
  });
});
