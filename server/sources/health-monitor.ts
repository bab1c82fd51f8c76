import 'server-only';
import type { HealthProbe, SourceHealth } from '@/lib/health';
import { isSourceError, SourceError, type SourceName } from '@/lib/source-error';

/** A source as the monitor sees it: its probe, or null when the dashboard runs without it. */
export interface MonitoredSource {
  source: SourceName;
  probe: HealthProbe | null;
  /** An upper bound on one probe, in milliseconds; a probe that takes longer counts as a timeout. */
  timeoutMs: number;
  /** Why a source without a probe is not configured, e.g. "set TEMPO_URL to enable traces". */
  unconfiguredDetail?: string;
}

/**
 * Probes each source on demand and remembers the outcome. Answers from memory when the last probe is younger than
 * `maxAgeMs`, and joins a probe already under way, so that many browsers polling readyz cost one probe per source.
 * The last error is kept until a probe succeeds.
 */
export class HealthMonitor {
  private readonly last = new Map<SourceName, SourceHealth>();
  private readonly inFlight = new Map<SourceName, Promise<SourceHealth>>();

  constructor(
    private readonly sources: MonitoredSource[],
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The health of every source, probing those whose last answer is too old. */
  async check(): Promise<SourceHealth[]> {
    return Promise.all(this.sources.map((s) => this.checkOne(s)));
  }

  private checkOne(s: MonitoredSource): Promise<SourceHealth> {
    if (s.probe === null) {
      return Promise.resolve({
        source: s.source,
        state: 'unconfigured',
        latencyMs: null,
        checkedAt: null,
        lastError: null,
        ...(s.unconfiguredDetail === undefined ? {} : { detail: s.unconfiguredDetail }),
      });
    }
    const previous = this.last.get(s.source);
    if (previous?.checkedAt && this.now() - Date.parse(previous.checkedAt) < this.maxAgeMs)
      return Promise.resolve(previous);
    const running = this.inFlight.get(s.source);
    if (running) return running;
    const probe = this.run(s, s.probe).finally(() => this.inFlight.delete(s.source));
    this.inFlight.set(s.source, probe);
    return probe;
  }

  private async run(s: MonitoredSource, probe: HealthProbe): Promise<SourceHealth> {
    const started = performance.now();
    const checkedAt = new Date(this.now()).toISOString();
    let health: SourceHealth;
    try {
      const result = await withTimeout(probe.probe(AbortSignal.timeout(s.timeoutMs)), s);
      health = {
        source: s.source,
        state: 'up',
        latencyMs: performance.now() - started,
        checkedAt,
        lastError: null,
        ...result,
      };
    } catch (error) {
      const typed = isSourceError(error)
        ? error
        : new SourceError(
            s.source,
            'unavailable',
            `${s.source} probe failed: ${error instanceof Error ? error.message : String(error)}`,
          );
      health = { source: s.source, state: 'down', latencyMs: null, checkedAt, lastError: typed.toDTO() };
    }
    this.last.set(s.source, health);
    return health;
  }
}

/** A probe that ignores its abort signal must still not hang the readiness answer. */
function withTimeout<T>(promise: Promise<T>, s: MonitoredSource): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new SourceError(
            s.source,
            'timeout',
            `${s.source} did not answer its health probe within ${s.timeoutMs} ms`,
          ),
        ),
      s.timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
