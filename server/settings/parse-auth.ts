import { AUTH_STRATEGIES, type AuthStrategy } from '@/lib/auth/types';
import { nonEmpty, parseBool, SettingsError, type Env } from './env-values';
import type { AuthSettings, OpenIdSettings } from './types';

/**
 * `AUTH_STRATEGY` and what each strategy needs (docs/auth.md). The default is `anonymous` with a kubeconfig (a
 * person's own machine, or the demo) and `token` in a cluster, where anonymous access would hand every visitor the
 * dashboard's service account.
 */
export function parseAuth(env: Env, inCluster: boolean): AuthSettings {
  const strategy = parseStrategy(env, inCluster);
  const sessionTtlS = parseDuration(env, 'SESSION_TTL', 8 * 3600);
  switch (strategy) {
    case 'anonymous':
    case 'token':
      return { strategy, sessionTtlS };
    case 'openid':
      return { strategy, sessionTtlS, openid: parseOpenId(env) };
    case 'header': {
      const userHeader = headerSetting(env, 'AUTH_HEADER_USER');
      if (userHeader === undefined) {
        throw new SettingsError(
          'AUTH_HEADER_USER',
          'AUTH_STRATEGY=header: set AUTH_HEADER_USER to the header your authenticating proxy puts the username in (e.g. X-Forwarded-User)',
        );
      }
      return { strategy, sessionTtlS, userHeader, groupsHeader: headerSetting(env, 'AUTH_HEADER_GROUPS') };
    }
  }
}

function parseStrategy(env: Env, inCluster: boolean): AuthStrategy {
  const raw = nonEmpty(env.AUTH_STRATEGY);
  if (raw === undefined) return inCluster ? 'token' : 'anonymous';
  const strategy = AUTH_STRATEGIES.find((s) => s === raw);
  if (!strategy) {
    throw new SettingsError(
      'AUTH_STRATEGY',
      `AUTH_STRATEGY must be one of ${AUTH_STRATEGIES.join(', ')}, not ${JSON.stringify(raw)}`,
    );
  }
  return strategy;
}

const headerName = /^[A-Za-z0-9-]+$/;

function headerSetting(env: Env, variable: string): string | undefined {
  const value = nonEmpty(env[variable]);
  if (value === undefined) return undefined;
  if (!headerName.test(value)) {
    throw new SettingsError(variable, `${variable}=${JSON.stringify(value)} is not an HTTP header name`);
  }
  if (/^impersonate-/i.test(value)) {
    throw new SettingsError(variable, `${variable} must not be an Impersonate-* header`);
  }
  return value.toLowerCase();
}

function parseOpenId(env: Env): OpenIdSettings {
  const issuerUrl = urlSetting(env, 'OPENID_ISSUER_URL');
  const publicUrl = urlSetting(env, 'PUBLIC_URL');
  const clientId = nonEmpty(env.OPENID_CLIENT_ID);
  if (clientId === undefined) {
    throw new SettingsError('OPENID_CLIENT_ID', 'AUTH_STRATEGY=openid: set OPENID_CLIENT_ID');
  }
  const scopes = (nonEmpty(env.OPENID_SCOPES) ?? 'openid email profile groups')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!scopes.includes('openid')) scopes.unshift('openid');
  return {
    issuerUrl,
    clientId,
    clientSecret: nonEmpty(env.OPENID_CLIENT_SECRET),
    scopes,
    usernameClaim: nonEmpty(env.OPENID_USERNAME_CLAIM) ?? 'email',
    groupsClaim: nonEmpty(env.OPENID_GROUPS_CLAIM) ?? 'groups',
    impersonate: parseBool(env, 'OPENID_IMPERSONATE') ?? false,
    publicUrl,
  };
}

function urlSetting(env: Env, variable: string): URL {
  const raw = nonEmpty(env[variable]);
  let url: URL | undefined;
  try {
    url = raw === undefined ? undefined : new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SettingsError(
      variable,
      `AUTH_STRATEGY=openid: set ${variable} to an https URL${raw === undefined ? '' : `, not ${JSON.stringify(raw)}`}`,
    );
  }
  return url;
}

const durationUnits: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90s`, `30m`, `8h`, `1d` (or plain seconds), from one minute to 30 days. */
function parseDuration(env: Env, variable: string, fallbackS: number): number {
  const raw = nonEmpty(env[variable]);
  if (raw === undefined) return fallbackS;
  const match = /^(\d{1,7})([smhd]?)$/.exec(raw);
  const seconds = match ? Number(match[1]) * (durationUnits[match[2] || 's'] ?? 1) : NaN;
  if (!(seconds >= 60 && seconds <= 30 * 86400)) {
    throw new SettingsError(
      variable,
      `${variable}=${JSON.stringify(raw)} must be a duration from 1m to 30d, like 30m or 8h`,
    );
  }
  return seconds;
}
