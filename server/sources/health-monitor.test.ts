import { describe, expect, it } from 'vitest';
import type { HealthProbe } from '@/lib/health';
import { SourceError } from '@/lib/source-error';
import { HealthMonitor } from './health-monitor';

function probe(behaviour: () => Promise<{ version?: string }>): HealthProbe & { calls: number } {
  const p = {
    source: 'prometheus' as const,
    calls: 0,
    probe: () => {
      p.calls += 1;
      return behaviour();
    },
  };
  return p;
}

describe('HealthMonitor', () => {
  it('reports up with version, down with the typed error, and unconfigured sources', async () => {
    const up = probe(async () => ({ version: '2.42.0' }));
    const down = {
      source: 'kubernetes' as const,
      probe: async () =>
        Promise.reject(new SourceError('kubernetes', 'unreachable', 'cannot reach 127.0.0.1:1')),
    };
    const monitor = new HealthMonitor(
      [
        { source: 'prometheus', probe: up, timeoutMs: 1000 },
        { source: 'kubernetes', probe: down, timeoutMs: 1000 },
        {
          source: 'tempo',
          probe: null,
          timeoutMs: 1000,
          unconfiguredDetail: 'set TEMPO_URL to enable traces',
        },
      ],
      0,
    );
    const [prom, kube, tempo] = await monitor.check();
    expect(prom).toMatchObject({ state: 'up', version: '2.42.0', lastError: null });
    expect(kube).toMatchObject({
      state: 'down',
      lastError: { kind: 'unreachable', message: 'cannot reach 127.0.0.1:1' },
    });
    expect(tempo).toMatchObject({
      state: 'unconfigured',
      latencyMs: null,
      detail: 'set TEMPO_URL to enable traces',
    });
  });

  it('answers from memory while fresh and joins a probe already running', async () => {
    let now = 1_000_000;
    const p = probe(async () => ({}));
    const monitor = new HealthMonitor(
      [{ source: 'prometheus', probe: p, timeoutMs: 1000 }],
      2_000,
      () => now,
    );
    await Promise.all([monitor.check(), monitor.check()]);
    expect(p.calls).toBe(1);
    now += 1_000;
    await monitor.check();
    expect(p.calls).toBe(1);
    now += 1_500;
    await monitor.check();
    expect(p.calls).toBe(2);
  });

  it('turns a probe that never settles into a timeout instead of hanging', async () => {
    const hanging = probe(() => new Promise(() => undefined));
    const monitor = new HealthMonitor([{ source: 'prometheus', probe: hanging, timeoutMs: 50 }], 0);
    const [health] = await monitor.check();
    expect(health).toMatchObject({ state: 'down', lastError: { kind: 'timeout' } });
  });
});
