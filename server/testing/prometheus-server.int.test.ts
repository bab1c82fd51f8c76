import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startPrometheusServer } from './prometheus-server';

describe('startPrometheusServer with the real binary', () => {
  it('serves the API once ready, and stop() ends it and removes its directory, twice without harm', async () => {
    const prom = await startPrometheusServer({ targets: [] });
    expect(prom.url.hostname).toBe('127.0.0.1');
    const res = await fetch(new URL('api/v1/query?query=vector(7)', prom.url));
    expect(await res.json()).toMatchObject({
      status: 'success',
      data: { result: [{ value: [expect.any(Number), '7'] }] },
    });
    expect(existsSync(prom.dir)).toBe(true);
    await prom.stop();
    await prom.stop();
    expect(existsSync(prom.dir)).toBe(false);
    await expect(fetch(new URL('-/ready', prom.url))).rejects.toThrow();
  });

  it("fails with Prometheus's own complaint when it exits before it is ready", async () => {
    await expect(startPrometheusServer({ targets: [], extraArgs: ['--no-such-flag'] })).rejects.toThrow(
      /exited before it was ready[\s\S]*no-such-flag/,
    );
  });

  it('gives up on a bounded wait for series that never come', async () => {
    const prom = await startPrometheusServer({ targets: [] });
    try {
      const started = performance.now();
      await expect(prom.waitForSeries('nothing_here', { timeoutMs: 500, intervalMs: 100 })).rejects.toThrow(
        /no 1 series for nothing_here within 500 ms/,
      );
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await prom.stop();
    }
  });
});
