import type { SourceErrorDTO, SourceName } from './source-error';

/**
 * `up`: the last probe answered; `down`: it failed; `unconfigured`: the dashboard was started without this source
 * (for example no `TEMPO_URL`), which is not an error.
 */
export type SourceState = 'up' | 'down' | 'unconfigured';

/** What `/api/readyz` reports for one upstream, and what the status lights in the shell show. */
export interface SourceHealth {
  source: SourceName;
  state: SourceState;
  /** Round-trip time of the last probe in milliseconds; null when not probed. */
  latencyMs: number | null;
  /** ISO-8601 time of the last probe; null when not probed. */
  checkedAt: string | null;
  /** The upstream's version when it tells (Prometheus buildinfo, Kubernetes gitVersion). */
  version?: string;
  /** Extra facts worth showing, e.g. "Gateway API not installed". */
  detail?: string;
  /** The error of the last failed probe, kept until a probe succeeds. */
  lastError: SourceErrorDTO | null;
}

/** What an adapter's probe returns when the upstream answered. */
export interface ProbeResult {
  version?: string;
  detail?: string;
}

/**
 * Implemented by every adapter. `probe` throws a SourceError when the upstream is not healthy and must give up
 * within the adapter's timeout.
 */
export interface HealthProbe {
  readonly source: SourceName;
  probe(signal?: AbortSignal): Promise<ProbeResult>;
}

/** How each source is named to a person. */
export const SOURCE_LABELS: Record<SourceHealth['source'], string> = {
  kubernetes: 'Kubernetes',
  prometheus: 'Metrics',
  tempo: 'Traces',
};
