// No `import 'server-only'` here: the demo launcher (plain Node via tsx) imports this module to hand its sources
// over; it holds no secrets, and lint keeps browser code away from server/ anyway.
import type { MetricsSource } from '@/server/telemetry/metrics-source';
import type { TraceSource } from '@/server/traces/trace-source';

/**
 * The embedded demo mesh runs in the dashboard's process and hands its direct metrics and trace sources over
 * through here (on globalThis: the launcher and Next.js's route bundles are separate module graphs). Used only
 * when the settings say `METRICS_SOURCE=demo` / `TRACES_SOURCE=demo`.
 */
export interface DemoSources {
  metrics?: MetricsSource;
  traces?: TraceSource;
}

const key = Symbol.for('meshlens.demo-sources');
type Holder = { [key]?: DemoSources };

/** Called by the demo launcher before the dashboard starts. */
export function registerDemoSources(sources: DemoSources): void {
  (globalThis as Holder)[key] = sources;
}

/** The demo mesh's sources, or an empty object when no demo mesh runs in this process. */
export function demoSources(): DemoSources {
  return (globalThis as Holder)[key] ?? {};
}
