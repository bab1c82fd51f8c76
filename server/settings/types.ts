/** Where the dashboard finds the Kubernetes API. */
export type KubeSettings =
  | { mode: 'kubeconfig'; kubeconfigPath: string | undefined; context: string | undefined; timeoutMs: number }
  | { mode: 'in-cluster'; timeoutMs: number };

/** An HTTP upstream (Prometheus or Tempo) with the headers every request carries (auth, tenant). */
export interface HttpSourceSettings {
  url: URL;
  /** Authorization and tenant headers, already computed. Never sent to the browser. */
  headers: Record<string, string>;
  timeoutMs: number;
}

/**
 * Where metrics come from: a Prometheus-compatible API (Prometheus, Thanos, Mimir, Cortex), or the embedded demo
 * mesh's direct source (only when the demo command started the dashboard).
 */
export type MetricsSettings = ({ kind: 'prometheus' } & HttpSourceSettings) | { kind: 'demo' };

/** Where traces come from; `none` hides trace features instead of failing. */
export type TraceSettings = ({ kind: 'tempo' } & HttpSourceSettings) | { kind: 'demo' } | { kind: 'none' };

/** The write path (docs/write-api.md). */
export interface WriteSettings {
  /** `READ_ONLY=true`: no mutating routes, no edit controls. */
  readOnly: boolean;
  /** `AUDIT_NAMESPACE`: where audit records (ConfigMaps) are kept; `meshlens-system` by default. */
  auditNamespace: string;
  /**
   * `SESSION_SECRET`: the key of the anti-CSRF tokens (at least 32 characters), so that every replica accepts the
   * others' tokens; undefined means a random key per process. Never sent to the browser.
   */
  sessionSecret: string | undefined;
}

/** The dashboard's validated configuration, read once at start-up. */
export interface Settings {
  kube: KubeSettings;
  metrics: MetricsSettings;
  traces: TraceSettings;
  /** How often `/api/readyz` and the status lights re-probe the sources, in milliseconds. */
  probeIntervalMs: number;
  write: WriteSettings;
}
