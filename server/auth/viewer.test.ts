import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { actingHeaders } from '@/server/kube/transport';
import type { AuthSettings } from '@/server/settings';
import { sealSession, SESSION_COOKIE, sessionKey, type SessionData } from './session';
import { resolveViewer, type ViewerDeps } from './viewer';

const dashboard = new KubeConfig();
dashboard.loadFromOptions({
  clusters: [{ name: 'c', server: 'https://10.0.0.1:6443', skipTLSVerify: true }],
  users: [{ name: 'meshlens', token: 'the-dashboard-sa-token' }],
  contexts: [{ name: 'c', cluster: 'c', user: 'meshlens' }],
  currentContext: 'c',
});
const key = sessionKey(Buffer.from('a secret of at least thirty-two characters'));
const deps = (auth: AuthSettings): ViewerDeps => ({
  auth,
  dashboard: () => dashboard,
  sessionKey: key,
  nowS: 2_000,
});
const token: AuthSettings = { strategy: 'token', sessionTtlS: 3600 };
const header: AuthSettings = {
  strategy: 'header',
  sessionTtlS: 3600,
  userHeader: 'x-forwarded-user',
  groupsHeader: 'x-forwarded-groups',
};
const alice: SessionData = {
  strategy: 'token',
  user: 'alice',
  groups: ['bookinfo-team'],
  token: 'alice-token',
  iat: 1_000,
  exp: 5_000,
};
const withCookie = (value: string): Request =>
  new Request('http://127.0.0.1/api/graph', { headers: { cookie: `other=1; ${SESSION_COOKIE}=${value}` } });

describe('resolveViewer', () => {
  it('acts with the dashboard itself for anonymous, and filters nothing', () => {
    const r = resolveViewer(
      new Request('http://127.0.0.1/'),
      deps({ strategy: 'anonymous', sessionTtlS: 60 }),
    );
    expect(r.ok && r.viewer).toMatchObject({ who: 'anonymous', restricted: false, identity: null });
    expect(r.ok && r.viewer.kubeConfig).toBe(dashboard);
  });

  it("acts with the session's token, never the dashboard's, for the token strategy", () => {
    const r = resolveViewer(withCookie(sealSession(alice, key)), deps(token));
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.viewer).toMatchObject({ who: 'alice', restricted: true, identity: { user: 'alice' } });
    expect(r.viewer.kubeConfig.getCurrentUser()?.token).toBe('alice-token');
    expect(r.viewer.kubeConfig.getCurrentCluster()?.server).toBe('https://10.0.0.1:6443');
    expect(r.viewer.cacheKey).not.toContain('alice-token');
  });

  it('refuses a missing, expired, forged or other-strategy session, clearing the bad cookie', () => {
    expect(resolveViewer(new Request('http://127.0.0.1/'), deps(token))).toEqual({
      ok: false,
      refusal: { status: 401, message: 'sign in first', clearCookie: false },
    });
    const expired = resolveViewer(withCookie(sealSession(alice, key)), { ...deps(token), nowS: 5_000 });
    expect(!expired.ok && expired.refusal).toMatchObject({
      message: 'your session has expired: sign in again',
      clearCookie: true,
    });
    const forged = resolveViewer(
      withCookie(sealSession(alice, sessionKey(Buffer.from('x'.repeat(40))))),
      deps(token),
    );
    expect(!forged.ok && forged.refusal.message).toMatch(/not one this dashboard made/);
    const openid = resolveViewer(withCookie(sealSession({ ...alice, strategy: 'openid' }, key)), deps(token));
    expect(!openid.ok && openid.refusal.message).toBe(
      'this session was made for AUTH_STRATEGY=openid: sign in again',
    );
  });

  it("impersonates the proxy's user and groups, and ignores Impersonate-* headers a client sends", () => {
    const request = new Request('http://127.0.0.1/', {
      headers: {
        'X-Forwarded-User': 'bob',
        'X-Forwarded-Groups': 'payments-team, oncall',
        'Impersonate-User': 'admin',
        'Impersonate-Group': 'system:masters',
      },
    });
    const r = resolveViewer(request, deps(header));
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.viewer.identity).toEqual({ user: 'bob', groups: ['payments-team', 'oncall'] });
    expect(r.viewer.kubeConfig.getCurrentUser()?.token).toBe('the-dashboard-sa-token');
    expect(actingHeaders(r.viewer.kubeConfig)).toEqual([
      ['Impersonate-User', 'bob'],
      ['Impersonate-Group', 'payments-team'],
      ['Impersonate-Group', 'oncall'],
    ]);
  });

  it('refuses a request without the proxy header, naming it', () => {
    const r = resolveViewer(
      new Request('http://127.0.0.1/', { headers: { 'Impersonate-User': 'admin' } }),
      deps(header),
    );
    expect(!r.ok && r.refusal.message).toBe(
      'no x-forwarded-user header: this dashboard expects an authenticating proxy in front of it to name the user',
    );
  });
});
