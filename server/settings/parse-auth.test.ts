import { describe, expect, it } from 'vitest';
import { thrown } from '@/lib/testing/thrown';
import { SettingsError } from './env-values';
import { parseAuth } from './parse-auth';

const refusal = (env: Record<string, string>, inCluster = false): SettingsError =>
  thrown(() => parseAuth(env, inCluster), SettingsError);

describe('parseAuth', () => {
  it('is anonymous with a kubeconfig and token in a cluster when AUTH_STRATEGY is unset', () => {
    expect(parseAuth({}, false)).toEqual({ strategy: 'anonymous', sessionTtlS: 8 * 3600 });
    expect(parseAuth({}, true)).toEqual({ strategy: 'token', sessionTtlS: 8 * 3600 });
  });

  it('reads SESSION_TTL in s, m, h or d and refuses what is out of range', () => {
    expect(parseAuth({ AUTH_STRATEGY: 'token', SESSION_TTL: '30m' }, true).sessionTtlS).toBe(1800);
    expect(parseAuth({ SESSION_TTL: '2d' }, false).sessionTtlS).toBe(172800);
    expect(parseAuth({ SESSION_TTL: '120' }, false).sessionTtlS).toBe(120);
    expect(refusal({ SESSION_TTL: '10s' }).message).toMatch(
      /SESSION_TTL="10s" must be a duration from 1m to 30d/,
    );
    expect(refusal({ SESSION_TTL: 'forever' }).variable).toBe('SESSION_TTL');
  });

  it('names the strategies when AUTH_STRATEGY is unknown', () => {
    expect(refusal({ AUTH_STRATEGY: 'basic' }).message).toBe(
      'AUTH_STRATEGY must be one of anonymous, token, openid, header, not "basic"',
    );
  });

  it('needs AUTH_HEADER_USER for the header strategy and never takes an Impersonate-* header', () => {
    expect(refusal({ AUTH_STRATEGY: 'header' }).variable).toBe('AUTH_HEADER_USER');
    expect(
      parseAuth(
        {
          AUTH_STRATEGY: 'header',
          AUTH_HEADER_USER: 'X-Forwarded-User',
          AUTH_HEADER_GROUPS: 'X-Forwarded-Groups',
        },
        true,
      ),
    ).toEqual({
      strategy: 'header',
      sessionTtlS: 8 * 3600,
      userHeader: 'x-forwarded-user',
      groupsHeader: 'x-forwarded-groups',
    });
    expect(refusal({ AUTH_STRATEGY: 'header', AUTH_HEADER_USER: 'Impersonate-User' }).message).toMatch(
      /must not be an Impersonate-\* header/,
    );
    expect(refusal({ AUTH_STRATEGY: 'header', AUTH_HEADER_USER: 'X User' }).variable).toBe(
      'AUTH_HEADER_USER',
    );
  });

  it('reads the OpenID settings with defaults and names the first one missing', () => {
    const env = {
      AUTH_STRATEGY: 'openid',
      OPENID_ISSUER_URL: 'https://idp.example.com/realms/mesh',
      OPENID_CLIENT_ID: 'meshlens',
      PUBLIC_URL: 'https://meshlens.example.com',
    };
    const s = parseAuth(env, true);
    expect(s.strategy).toBe('openid');
    if (s.strategy !== 'openid') return;
    expect(s.openid).toMatchObject({
      clientId: 'meshlens',
      clientSecret: undefined,
      scopes: ['openid', 'email', 'profile', 'groups'],
      usernameClaim: 'email',
      groupsClaim: 'groups',
      impersonate: false,
    });
    expect(s.openid.issuerUrl.href).toBe('https://idp.example.com/realms/mesh');
    const custom = parseAuth({ ...env, OPENID_SCOPES: 'email,groups', OPENID_IMPERSONATE: 'true' }, true);
    expect(custom.strategy === 'openid' && custom.openid.scopes).toEqual(['openid', 'email', 'groups']);
    expect(custom.strategy === 'openid' && custom.openid.impersonate).toBe(true);
    expect(refusal({ ...env, OPENID_CLIENT_ID: '' }).variable).toBe('OPENID_CLIENT_ID');
    expect(refusal({ ...env, OPENID_ISSUER_URL: 'idp' }).message).toBe(
      'AUTH_STRATEGY=openid: set OPENID_ISSUER_URL to an https URL, not "idp"',
    );
    expect(refusal({ ...env, PUBLIC_URL: '' }).variable).toBe('PUBLIC_URL');
  });
});
