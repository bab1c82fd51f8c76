import { tryParseDuration } from '@/lib/promql/duration';
import { parseAuth } from './parse-auth';
import { nonEmpty, parseBool, SettingsError, type Env } from './env-values';
import type {
  HttpSourceSettings,
  KubeSettings,
  MetricsSettings,
  Settings,
  TraceSettings,
  WriteSettings,
} from './types';

/** What the parser may ask of the file system. */
export interface SettingsFs {
  exists(path: string): boolean;
  readText(path: string): string;
}

export { SettingsError, type Env };

const serviceAccountDir = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Validates the environment into {@link Settings}. Throws a {@link SettingsError} naming the first variable that is
 * wrong. Variables are documented in the README ("Configuration").
 */
export function parseSettings(env: Env, fs: SettingsFs): Settings {
  const kube = parseKube(env, fs);
  const write = parseWrite(env);
  const auth = parseAuth(env, kube.mode === 'in-cluster');
  if (kube.mode === 'in-cluster' && auth.strategy !== 'anonymous' && write.sessionSecret === undefined) {
    throw new SettingsError(
      'SESSION_SECRET',
      `AUTH_STRATEGY=${auth.strategy} in a cluster: set SESSION_SECRET (32+ characters, the same on every replica) so that every replica reads the others' sessions`,
    );
  }
  return {
    kube,
    metrics: parseMetrics(env, fs),
    traces: parseTraces(env, fs),
    probeIntervalMs: parseMs(env, 'PROBE_INTERVAL_MS', 5_000),
    write,
    auth,
  };
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** `READ_ONLY`, `AUDIT_NAMESPACE` and `SESSION_SECRET` (docs/write-api.md). */
function parseWrite(env: Env): WriteSettings {
  const auditNamespace = nonEmpty(env.AUDIT_NAMESPACE) ?? 'meshlens-system';
  if (auditNamespace.length > 63 || !dnsLabel.test(auditNamespace)) {
    throw new SettingsError(
      'AUDIT_NAMESPACE',
      `AUDIT_NAMESPACE=${JSON.stringify(auditNamespace)} must be a namespace name (lower-case letters, digits and "-")`,
    );
  }
  const sessionSecret = nonEmpty(env.SESSION_SECRET);
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new SettingsError(
      'SESSION_SECRET',
      `SESSION_SECRET must be at least 32 characters (it has ${sessionSecret.length}), e.g. from openssl rand -base64 32`,
    );
  }
  return { readOnly: parseBool(env, 'READ_ONLY') ?? false, auditNamespace, sessionSecret };
}

function parseKube(env: Env, fs: SettingsFs): KubeSettings {
  const timeoutMs = parseMs(env, 'KUBE_TIMEOUT_MS', 10_000);
  const inCluster = parseBool(env, 'KUBE_IN_CLUSTER');
  if (inCluster === true) {
    if (!fs.exists(`${serviceAccountDir}/token`) || !env.KUBERNETES_SERVICE_HOST) {
      throw new SettingsError(
        'KUBE_IN_CLUSTER',
        `KUBE_IN_CLUSTER=true but no service account token at ${serviceAccountDir}: unset it and set KUBECONFIG`,
      );
    }
    return { mode: 'in-cluster', timeoutMs };
  }
  const context = nonEmpty(env.KUBE_CONTEXT);
  const kubeconfigPath = nonEmpty(env.KUBECONFIG)?.split(':')[0];
  if (kubeconfigPath !== undefined && !fs.exists(kubeconfigPath)) {
    throw new SettingsError('KUBECONFIG', `KUBECONFIG points to ${kubeconfigPath}, which does not exist`);
  }
  const home = nonEmpty(env.HOME);
  const defaultPath = home === undefined ? undefined : `${home}/.kube/config`;
  if (kubeconfigPath === undefined && (defaultPath === undefined || !fs.exists(defaultPath))) {
    if (inCluster !== false && fs.exists(`${serviceAccountDir}/token`) && env.KUBERNETES_SERVICE_HOST) {
      return { mode: 'in-cluster', timeoutMs };
    }
    throw new SettingsError(
      'KUBECONFIG',
      'no Kubernetes configuration found: set KUBECONFIG to a kubeconfig file (or run in a cluster with a service account)',
    );
  }
  return { mode: 'kubeconfig', kubeconfigPath: kubeconfigPath ?? defaultPath, context, timeoutMs };
}

function parseMetrics(env: Env, fs: SettingsFs): MetricsSettings {
  if (env.METRICS_SOURCE === 'demo') return { kind: 'demo' };
  if (env.METRICS_SOURCE !== undefined && env.METRICS_SOURCE !== 'prometheus') {
    throw new SettingsError(
      'METRICS_SOURCE',
      `METRICS_SOURCE must be prometheus or demo, not ${JSON.stringify(env.METRICS_SOURCE)}`,
    );
  }
  if (nonEmpty(env.PROMETHEUS_URL) === undefined) {
    throw new SettingsError(
      'PROMETHEUS_URL',
      'PROMETHEUS_URL is not set: set it to your Prometheus, Thanos or Mimir query URL, e.g. http://prometheus.istio-system:9090',
    );
  }
  return {
    kind: 'prometheus',
    ...parseHttpSource(env, fs, 'PROMETHEUS', 30_000),
    scrapeIntervalSeconds: parseScrapeInterval(env),
  };
}

/** `PROMETHEUS_SCRAPE_INTERVAL`: how often Prometheus scrapes the mesh; default 15s (Istio's Prometheus addon). */
function parseScrapeInterval(env: Env): number {
  const raw = nonEmpty(env.PROMETHEUS_SCRAPE_INTERVAL);
  if (raw === undefined) return 15;
  const seconds = tryParseDuration(raw);
  if (seconds === undefined || seconds > 3600) {
    throw new SettingsError(
      'PROMETHEUS_SCRAPE_INTERVAL',
      `PROMETHEUS_SCRAPE_INTERVAL=${JSON.stringify(raw)} must be a duration from 1s to 1h, e.g. 15s or 1m`,
    );
  }
  return seconds;
}

function parseTraces(env: Env, fs: SettingsFs): TraceSettings {
  if (env.TRACES_SOURCE === 'demo') return { kind: 'demo' };
  if (env.TRACES_SOURCE !== undefined && env.TRACES_SOURCE !== 'tempo') {
    throw new SettingsError(
      'TRACES_SOURCE',
      `TRACES_SOURCE must be tempo or demo, not ${JSON.stringify(env.TRACES_SOURCE)}`,
    );
  }
  if (nonEmpty(env.TEMPO_URL) === undefined) return { kind: 'none' };
  return { kind: 'tempo', ...parseHttpSource(env, fs, 'TEMPO', 30_000) };
}

/**
 * Reads `<P>_URL`, `<P>_TOKEN` / `<P>_TOKEN_FILE` (bearer), `<P>_USERNAME` + `<P>_PASSWORD` (basic), `<P>_TENANT`
 * (`X-Scope-OrgID`), `<P>_HEADERS` (`Name=value` pairs separated by commas) and `<P>_TIMEOUT_MS`.
 */
function parseHttpSource(
  env: Env,
  fs: SettingsFs,
  prefix: string,
  defaultTimeoutMs: number,
): HttpSourceSettings {
  const urlVar = `${prefix}_URL`;
  const raw = nonEmpty(env[urlVar]) ?? '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingsError(
      urlVar,
      `${urlVar}=${JSON.stringify(raw)} is not a URL: set it like http://host:port`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingsError(urlVar, `${urlVar} must be an http or https URL, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new SettingsError(
      urlVar,
      `${urlVar} must not embed credentials: set ${prefix}_USERNAME and ${prefix}_PASSWORD`,
    );
  }
  const headers = parseHeaders(env, `${prefix}_HEADERS`);
  const tenant = nonEmpty(env[`${prefix}_TENANT`]);
  if (tenant !== undefined) headers['X-Scope-OrgID'] = tenant;
  const token = readToken(env, fs, prefix);
  const user = nonEmpty(env[`${prefix}_USERNAME`]);
  const password = env[`${prefix}_PASSWORD`];
  if (token !== undefined && user !== undefined) {
    throw new SettingsError(`${prefix}_TOKEN`, `set either ${prefix}_TOKEN or ${prefix}_USERNAME, not both`);
  }
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (user !== undefined) {
    if (password === undefined) {
      throw new SettingsError(`${prefix}_PASSWORD`, `${prefix}_USERNAME is set: set ${prefix}_PASSWORD too`);
    }
    headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  return { url, headers, timeoutMs: parseMs(env, `${prefix}_TIMEOUT_MS`, defaultTimeoutMs) };
}

function readToken(env: Env, fs: SettingsFs, prefix: string): string | undefined {
  const file = nonEmpty(env[`${prefix}_TOKEN_FILE`]);
  if (file === undefined) return nonEmpty(env[`${prefix}_TOKEN`]);
  if (!fs.exists(file)) {
    throw new SettingsError(
      `${prefix}_TOKEN_FILE`,
      `${prefix}_TOKEN_FILE points to ${file}, which does not exist`,
    );
  }
  return fs.readText(file).trim();
}

const headerName = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

function parseHeaders(env: Env, variable: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (env[variable] ?? '').split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at < 0 || !headerName.test(name) || /[\r\n]/.test(value)) {
      throw new SettingsError(
        variable,
        `${variable} must be Name=value pairs separated by commas; ${JSON.stringify(pair.trim())} is not`,
      );
    }
    headers[name] = value;
  }
  return headers;
}

function parseMs(env: Env, variable: string, fallback: number): number {
  const raw = nonEmpty(env[variable]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 600_000) {
    throw new SettingsError(
      variable,
      `${variable}=${JSON.stringify(raw)} must be a whole number of milliseconds from 100 to 600000`,
    );
  }
  return value;
}
