import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { HealthProbe } from '@/lib/health';
import type { KubeCache } from '@/server/kube/cache';
import { loadKubeConfig } from '@/server/kube/config';
import { createKubeHealthProbe } from '@/server/kube/health';
import { sharedKubeCache } from '@/server/kube/shared-cache';
import { createPrometheusClient } from '@/server/prometheus/client';
import { settings, type Settings } from '@/server/settings';
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import { createPrometheusMetricsSource } from '@/server/telemetry/prometheus-metrics-source';
import { createTempoTraceSource } from '@/server/traces/tempo-trace-source';
import type { TraceSource } from '@/server/traces/trace-source';
import { demoSources } from './demo-sources';
import { HealthMonitor } from './health-monitor';

/** The dashboard's data sources, built once from the settings. */
export interface Sources {
  kubeConfig: KubeConfig;
  /** The shared watch cache; reads never touch the network. */
  kube: KubeCache;
  /** Null when metrics are not available (the demo mesh has not registered its source). */
  metrics: MetricsSource | null;
  /** Null when no TEMPO_URL is set (or the demo mesh has no trace source). */
  traces: TraceSource | null;
  health: HealthMonitor;
  /** When the sources were built (ms since the epoch); readiness allows the first sync some time. */
  startedAt: number;
}

const key = Symbol.for('meshlens.sources');
type Holder = { [key]?: Sources };

/** The process's sources, created on first use (kept on globalThis, like the settings). */
export function sources(): Sources {
  const holder = globalThis as Holder;
  holder[key] ??= buildSources(settings());
  return holder[key];
}

function buildSources(s: Settings): Sources {
  const kubeConfig = loadKubeConfig(
    s.kube.mode === 'in-cluster'
      ? { inCluster: true, timeoutMs: s.kube.timeoutMs }
      : { kubeconfigPath: s.kube.kubeconfigPath, context: s.kube.context, timeoutMs: s.kube.timeoutMs },
  );
  const kube = sharedKubeCache(kubeConfig);
  const kubeProbe = createKubeHealthProbe({ kubeConfig, cache: kube });
  const metrics =
    s.metrics.kind === 'prometheus'
      ? createPrometheusMetricsSource(createPrometheusClient(s.metrics), s.metrics.scrapeIntervalSeconds)
      : (demoSources().metrics ?? null);
  const traces =
    s.traces.kind === 'tempo'
      ? createTempoTraceSource(s.traces)
      : s.traces.kind === 'demo'
        ? (demoSources().traces ?? null)
        : null;
  const health = new HealthMonitor(
    [
      { source: 'kubernetes', probe: kubeProbe, timeoutMs: s.kube.timeoutMs },
      {
        source: 'prometheus',
        probe: metrics satisfies HealthProbe | null,
        timeoutMs: s.metrics.kind === 'prometheus' ? s.metrics.timeoutMs : 5_000,
        unconfiguredDetail:
          'METRICS_SOURCE=demo, but no demo mesh runs in this process (start it with npm run demo)',
      },
      {
        source: 'tempo',
        probe: traces,
        timeoutMs: s.traces.kind === 'tempo' ? s.traces.timeoutMs : 5_000,
        unconfiguredDetail:
          s.traces.kind === 'demo'
            ? 'TRACES_SOURCE=demo, but no demo mesh runs in this process (start it with npm run demo)'
            : 'set TEMPO_URL to enable traces',
      },
    ],
    s.probeIntervalMs,
  );
  return { kubeConfig, kube, metrics, traces, health, startedAt: Date.now() };
}
