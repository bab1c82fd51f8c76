import { describe, expect, it } from 'vitest';
import { thrown } from '@/lib/testing/thrown';
import { parseSettings, SettingsError, type Env, type SettingsFs } from './parse-settings';

function fsWith(files: Record<string, string>): SettingsFs {
  return {
    exists: (path) => path in files,
    readText: (path) => files[path] ?? '',
  };
}

const kubeconfig = { '/home/u/.kube/config': 'apiVersion: v1' };
const base: Env = { HOME: '/home/u', PROMETHEUS_URL: 'http://prom:9090' };

function errorOf(env: Env, files: Record<string, string> = kubeconfig): SettingsError {
  return thrown(() => parseSettings(env, fsWith(files)), SettingsError);
}

describe('parseSettings', () => {
  it('uses ~/.kube/config and Prometheus with defaults when only PROMETHEUS_URL is set', () => {
    const s = parseSettings(base, fsWith(kubeconfig));
    expect(s.kube).toEqual({
      mode: 'kubeconfig',
      kubeconfigPath: '/home/u/.kube/config',
      context: undefined,
      timeoutMs: 10_000,
    });
    expect(s.metrics).toMatchObject({
      kind: 'prometheus',
      headers: {},
      timeoutMs: 30_000,
      scrapeIntervalSeconds: 15,
    });
    expect(s.metrics.kind === 'prometheus' && s.metrics.url.href).toBe('http://prom:9090/');
    expect(s.traces).toEqual({ kind: 'none' });
  });

  it("takes Prometheus's scrape interval as a duration", () => {
    const s = parseSettings({ ...base, PROMETHEUS_SCRAPE_INTERVAL: '1m' }, fsWith(kubeconfig));
    expect(s.metrics).toMatchObject({ kind: 'prometheus', scrapeIntervalSeconds: 60 });
  });

  it('takes the first path of a KUBECONFIG list and the context', () => {
    const s = parseSettings({ ...base, KUBECONFIG: '/a:/b', KUBE_CONTEXT: 'prod' }, fsWith({ '/a': '' }));
    expect(s.kube).toMatchObject({ kubeconfigPath: '/a', context: 'prod' });
  });

  it('falls back to the in-cluster service account when no kubeconfig exists', () => {
    const env = { PROMETHEUS_URL: 'http://prom:9090', KUBERNETES_SERVICE_HOST: '10.0.0.1' };
    const files = fsWith({ '/var/run/secrets/kubernetes.io/serviceaccount/token': 't' });
    const s = parseSettings({ ...env, SESSION_SECRET: 'x'.repeat(32) }, files);
    expect(s.kube.mode).toBe('in-cluster');
    // In a cluster, users sign in with a token by default, and replicas must share the session key.
    expect(s.auth.strategy).toBe('token');
    expect(thrown(() => parseSettings(env, files), SettingsError).variable).toBe('SESSION_SECRET');
    expect(parseSettings({ ...env, AUTH_STRATEGY: 'anonymous' }, files).auth.strategy).toBe('anonymous');
  });

  it('builds bearer, tenant and extra headers for Prometheus and Tempo', () => {
    const s = parseSettings(
      {
        ...base,
        PROMETHEUS_TOKEN_FILE: '/tok',
        PROMETHEUS_TENANT: 'team-a',
        PROMETHEUS_HEADERS: 'X-Extra=1, X-Other = two',
        TEMPO_URL: 'https://tempo/api-prefix',
        TEMPO_USERNAME: 'u',
        TEMPO_PASSWORD: 'p',
        TEMPO_TIMEOUT_MS: '2500',
      },
      fsWith({ ...kubeconfig, '/tok': 'secret\n' }),
    );
    expect(s.metrics.kind === 'prometheus' && s.metrics.headers).toEqual({
      Authorization: 'Bearer secret',
      'X-Scope-OrgID': 'team-a',
      'X-Extra': '1',
      'X-Other': 'two',
    });
    expect(s.traces).toMatchObject({
      kind: 'tempo',
      timeoutMs: 2500,
      headers: { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` },
    });
  });

  it('accepts the demo sources without a Prometheus URL', () => {
    const s = parseSettings(
      { HOME: '/home/u', METRICS_SOURCE: 'demo', TRACES_SOURCE: 'demo' },
      fsWith(kubeconfig),
    );
    expect(s.metrics).toEqual({ kind: 'demo' });
    expect(s.traces).toEqual({ kind: 'demo' });
  });

  it('writes by default, keeps audit records in meshlens-system and makes its own anti-CSRF key', () => {
    expect(parseSettings(base, fsWith(kubeconfig)).write).toEqual({
      readOnly: false,
      auditNamespace: 'meshlens-system',
      sessionSecret: undefined,
    });
  });

  it('reads READ_ONLY, AUDIT_NAMESPACE and SESSION_SECRET', () => {
    const secret = 'x'.repeat(32);
    const s = parseSettings(
      { ...base, READ_ONLY: 'true', AUDIT_NAMESPACE: 'platform-audit', SESSION_SECRET: secret },
      fsWith(kubeconfig),
    );
    expect(s.write).toEqual({ readOnly: true, auditNamespace: 'platform-audit', sessionSecret: secret });
    expect(parseSettings({ ...base, READ_ONLY: 'false' }, fsWith(kubeconfig)).write.readOnly).toBe(false);
  });

  it.each<[string, Env, Record<string, string>, string, RegExp]>([
    [
      'a READ_ONLY that is not a boolean',
      { ...base, READ_ONLY: 'yes' },
      kubeconfig,
      'READ_ONLY',
      /true or false/,
    ],
    [
      'an AUDIT_NAMESPACE that is no namespace name',
      { ...base, AUDIT_NAMESPACE: 'Audit_Log' },
      kubeconfig,
      'AUDIT_NAMESPACE',
      /namespace name/,
    ],
    [
      'a short SESSION_SECRET',
      { ...base, SESSION_SECRET: 'hunter2' },
      kubeconfig,
      'SESSION_SECRET',
      /at least 32 characters/,
    ],
    ['missing Prometheus', { HOME: '/home/u' }, kubeconfig, 'PROMETHEUS_URL', /set it to your Prometheus/],
    [
      'a URL that is not one',
      { ...base, PROMETHEUS_URL: 'prom:9090:x' },
      kubeconfig,
      'PROMETHEUS_URL',
      /not a URL|http or https/,
    ],
    [
      'credentials in the URL',
      { ...base, TEMPO_URL: 'http://a:b@tempo' },
      kubeconfig,
      'TEMPO_URL',
      /TEMPO_USERNAME/,
    ],
    ['no kubeconfig anywhere', base, {}, 'KUBECONFIG', /set KUBECONFIG/],
    [
      'a KUBECONFIG that does not exist',
      { ...base, KUBECONFIG: '/nope' },
      kubeconfig,
      'KUBECONFIG',
      /\/nope/,
    ],
    [
      'a junk timeout',
      { ...base, PROMETHEUS_TIMEOUT_MS: '5s' },
      kubeconfig,
      'PROMETHEUS_TIMEOUT_MS',
      /milliseconds/,
    ],
    [
      'a scrape interval without a unit',
      { ...base, PROMETHEUS_SCRAPE_INTERVAL: '15' },
      kubeconfig,
      'PROMETHEUS_SCRAPE_INTERVAL',
      /from 1s to 1h/,
    ],
    [
      'a junk header list',
      { ...base, PROMETHEUS_HEADERS: 'X-Scope-OrgID' },
      kubeconfig,
      'PROMETHEUS_HEADERS',
      /Name=value/,
    ],
    [
      'a header with a newline',
      { ...base, PROMETHEUS_HEADERS: 'A=b\nc' },
      kubeconfig,
      'PROMETHEUS_HEADERS',
      /Name=value/,
    ],
    [
      'token and user together',
      { ...base, PROMETHEUS_TOKEN: 't', PROMETHEUS_USERNAME: 'u', PROMETHEUS_PASSWORD: 'p' },
      kubeconfig,
      'PROMETHEUS_TOKEN',
      /not both/,
    ],
    [
      'a user without password',
      { ...base, PROMETHEUS_USERNAME: 'u' },
      kubeconfig,
      'PROMETHEUS_PASSWORD',
      /PROMETHEUS_PASSWORD/,
    ],
    [
      'an unknown metrics source',
      { ...base, METRICS_SOURCE: 'graphite' },
      kubeconfig,
      'METRICS_SOURCE',
      /prometheus or demo/,
    ],
    [
      'in-cluster without a token',
      { ...base, KUBE_IN_CLUSTER: 'true' },
      kubeconfig,
      'KUBE_IN_CLUSTER',
      /service account/,
    ],
  ])('refuses %s with one line naming %s', (_what, env, files, variable, message) => {
    const error = errorOf(env, files);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });
});
