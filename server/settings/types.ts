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
export type MetricsSettings =
  | ({
      kind: 'prometheus';
      /** How often Prometheus scrapes the mesh, in seconds (`PROMETHEUS_SCRAPE_INTERVAL`, default 15). */
      scrapeIntervalSeconds: number;
    } & HttpSourceSettings)
  | { kind: 'demo' };

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

/** How OpenID Connect sign-in is set up (`AUTH_STRATEGY=openid`). */
export interface OpenIdSettings {
  /** `OPENID_ISSUER_URL`: the provider's issuer; discovery is read from `<issuer>/.well-known/openid-configuration`. */
  issuerUrl: URL;
  /** `OPENID_CLIENT_ID`. */
  clientId: string;
  /** `OPENID_CLIENT_SECRET`; undefined for a public client (PKCE only). Never sent to the browser. */
  clientSecret: string | undefined;
  /** `OPENID_SCOPES`, space or comma separated; `openid email profile groups` by default. */
  scopes: string[];
  /** `OPENID_USERNAME_CLAIM`; `email` by default (as kube-apiserver's `--oidc-username-claim`). */
  usernameClaim: string;
  /** `OPENID_GROUPS_CLAIM`; `groups` by default. */
  groupsClaim: string;
  /**
   * `OPENID_IMPERSONATE=true`: act as the user by impersonation with the dashboard's service account, for clusters
   * whose API server does not accept the provider's ID tokens. False: send the ID token as the bearer token.
   */
  impersonate: boolean;
  /** `PUBLIC_URL`: the dashboard's external URL; the redirect URI is `<PUBLIC_URL>/api/auth/openid/callback`. */
  publicUrl: URL;
}

/** Who may use the dashboard and with whose rights (docs/auth.md). */
export type AuthSettings = {
  /** `SESSION_TTL` in seconds (`8h` by default): a session ends this long after sign-in. */
  sessionTtlS: number;
} & (
  | { strategy: 'anonymous' }
  | { strategy: 'token' }
  | { strategy: 'openid'; openid: OpenIdSettings }
  | {
      strategy: 'header';
      /** `AUTH_HEADER_USER`: the header the authenticating proxy puts the username in. */
      userHeader: string;
      /** `AUTH_HEADER_GROUPS`: the header with the groups, comma separated; none when unset. */
      groupsHeader: string | undefined;
    }
);

/** The dashboard's validated configuration, read once at start-up. */
export interface Settings {
  kube: KubeSettings;
  metrics: MetricsSettings;
  traces: TraceSettings;
  /** How often `/api/readyz` and the status lights re-probe the sources, in milliseconds. */
  probeIntervalMs: number;
  write: WriteSettings;
  auth: AuthSettings;
}
