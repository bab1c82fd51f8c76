import 'server-only';
import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type { AuthStrategy, Identity } from '@/lib/auth/types';
import { impersonatingKubeConfig, kubeConfigWithToken } from '@/server/kube/transport';
import type { AuthSettings } from '@/server/settings';
import { cookieValue } from '@/server/write/csrf';
import { openSession, SESSION_COOKIE, type SessionData } from './session';

/**
 * Who a request acts as (pure but for building KubeConfigs): the strategy decides where the identity comes from —
 * nobody (anonymous: the dashboard's own rights), the encrypted session cookie (token, openid), or the trusted
 * proxy's headers (header) — and the identity decides the KubeConfig the request's cluster calls are made with:
 * the user's bearer token, or the dashboard's credentials impersonating the user. Nothing here ever falls back to
 * the dashboard's own rights for a request that should carry a user.
 */

/** A request's user and the KubeConfig that acts as them. */
export interface Viewer {
  strategy: AuthStrategy;
  /** Null for anonymous. */
  identity: Identity | null;
  /** For the audit record and the log: the username, or `anonymous`. */
  who: string;
  /** Every read of the user's own (reviews) and every write goes through this (built on first use). */
  readonly kubeConfig: KubeConfig;
  /** Keys per-user caches; never the token itself. */
  cacheKey: string;
  /** True when the dashboard's shared cache must be filtered by the user's rights (everything but anonymous). */
  restricted: boolean;
  /** The session, for token and openid. */
  session: SessionData | null;
}

/** Why a request has no viewer: answered 401 with this message. */
export interface ViewerRefusal {
  status: 401;
  message: string;
  /** The cookie was there but bad (forged, expired): clear it. */
  clearCookie: boolean;
}

/** What resolving needs. */
export interface ViewerDeps {
  auth: AuthSettings;
  /** The dashboard's own KubeConfig (its service account, or the kubeconfig it was started with); read lazily. */
  dashboard: () => KubeConfig;
  /** The session cookie key. */
  sessionKey: Buffer;
  nowS: number;
}

const hashKey = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22);

/** The viewer of `request`, or why there is none. */
export function resolveViewer(
  request: Request,
  deps: ViewerDeps,
): { ok: true; viewer: Viewer } | { ok: false; refusal: ViewerRefusal } {
  const { auth } = deps;
  switch (auth.strategy) {
    case 'anonymous':
      return {
        ok: true,
        viewer: {
          strategy: 'anonymous',
          identity: null,
          who: 'anonymous',
          get kubeConfig() {
            return deps.dashboard();
          },
          cacheKey: 'anonymous',
          restricted: false,
          session: null,
        },
      };
    case 'header':
      return fromHeaders(request, auth.userHeader, auth.groupsHeader, deps.dashboard);
    case 'token':
    case 'openid':
      return fromSession(request, deps);
  }
}

function refuse(message: string, clearCookie = false): { ok: false; refusal: ViewerRefusal } {
  return { ok: false, refusal: { status: 401, message, clearCookie } };
}

function fromHeaders(
  request: Request,
  userHeader: string,
  groupsHeader: string | undefined,
  dashboard: () => KubeConfig,
): { ok: true; viewer: Viewer } | { ok: false; refusal: ViewerRefusal } {
  const user = request.headers.get(userHeader)?.trim();
  if (!user) {
    return refuse(
      `no ${userHeader} header: this dashboard expects an authenticating proxy in front of it to name the user`,
    );
  }
  const groups = (groupsHeader ? (request.headers.get(groupsHeader) ?? '') : '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const identity = { user, groups };
  return {
    ok: true,
    viewer: {
      strategy: 'header',
      identity,
      who: user,
      get kubeConfig() {
        return impersonatingKubeConfig(dashboard(), identity);
      },
      cacheKey: hashKey('header', user, ...groups),
      restricted: true,
      session: null,
    },
  };
}

function fromSession(
  request: Request,
  deps: ViewerDeps,
): { ok: true; viewer: Viewer } | { ok: false; refusal: ViewerRefusal } {
  const opened = openSession(
    cookieValue(request.headers.get('cookie'), SESSION_COOKIE),
    deps.sessionKey,
    deps.nowS,
  );
  if (!opened.ok) {
    switch (opened.problem) {
      case 'missing':
        return refuse('sign in first');
      case 'expired':
        return refuse('your session has expired: sign in again', true);
      case 'invalid':
        return refuse(
          'the session cookie is not one this dashboard made (forged, altered, or made under another SESSION_SECRET): sign in again',
          true,
        );
    }
  }
  const session = opened.session;
  if (session.strategy !== deps.auth.strategy) {
    return refuse(`this session was made for AUTH_STRATEGY=${session.strategy}: sign in again`, true);
  }
  const identity = { user: session.user, groups: session.groups };
  return {
    ok: true,
    viewer: {
      strategy: session.strategy,
      identity,
      who: session.user,
      get kubeConfig() {
        return session.token !== undefined
          ? kubeConfigWithToken(deps.dashboard(), session.token)
          : impersonatingKubeConfig(deps.dashboard(), identity);
      },
      cacheKey: hashKey(session.strategy, session.token ?? '', session.user, ...session.groups),
      restricted: true,
      session,
    },
  };
}
