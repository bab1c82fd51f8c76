import 'server-only';
import type { SessionInfo } from '@/lib/auth/types';
import { json, route } from '@/server/http/route';
import { settings } from '@/server/settings';
import { sources } from '@/server/sources/registry';
import { checkContentType, checkSameOrigin, readCappedText } from '@/server/write/guards';
import { forgetAccess } from './access';
import { dashboardSessionKey, logRefusal, viewerOf } from './request';
import {
  clearedSessionCookie,
  sealSession,
  sessionCookie,
  wantsSecureCookies,
  type SessionData,
} from './session';
import { identityOfToken, tokenShapeProblem } from './token-login';

/** The handlers of `/api/auth/*` (docs/auth.md). */

const refuse = (status: number, message: string): Response => json({ error: { message } }, status);

/** `GET /api/auth/session`: who the browser acts as; never the credential. Always 200. */
export const sessionHandler = route('auth-session', async (request) => {
  const strategy = settings().auth.strategy;
  const resolved = viewerOf(request);
  const viewer = resolved.ok ? resolved.viewer : null;
  const body: SessionInfo = {
    strategy,
    identity: viewer?.identity ?? null,
    expiresAt: viewer?.session ? new Date(viewer.session.exp * 1000).toISOString() : null,
    anonymous: strategy === 'anonymous',
  };
  return json(body);
});

/**
 * `POST /api/auth/login` `{token}` (token strategy): same-origin JSON only; the cluster must say whose the token
 * is; then the session cookie is set. Refusals are logged without the token.
 */
export const loginHandler = route('auth-login', async (request) => {
  const auth = settings().auth;
  if (auth.strategy !== 'token') {
    return refuse(404, `sign-in with a token is off (AUTH_STRATEGY=${auth.strategy})`);
  }
  const refused = checkSameOrigin(request) ?? checkContentType(request);
  if (refused) {
    logRefusal('auth-login', request, refused.message);
    return refuse(refused.status, refused.message);
  }
  const text = await readCappedText(request, 32 * 1024);
  if (typeof text !== 'string') return refuse(text.status, text.message);
  let token = '';
  try {
    const body = JSON.parse(text) as { token?: unknown };
    token = typeof body.token === 'string' ? body.token.trim().replace(/^Bearer\s+/i, '') : '';
  } catch {
    return refuse(400, 'the body must be JSON like {"token": "…"}');
  }
  const shape = tokenShapeProblem(token);
  if (shape) return refuse(400, shape);
  const checked = await identityOfToken(sources().kubeConfig, token);
  if (!checked.ok) {
    logRefusal('auth-login', request, checked.message);
    return refuse(401, checked.message);
  }
  const nowS = Math.floor(Date.now() / 1000);
  const session: SessionData = {
    strategy: 'token',
    ...checked.identity,
    token,
    iat: nowS,
    exp: nowS + auth.sessionTtlS,
  };
  console.info(`meshlens auth: ${session.user} signed in with a token`);
  const response = json({
    identity: checked.identity,
    expiresAt: new Date(session.exp * 1000).toISOString(),
  });
  response.headers.append(
    'set-cookie',
    sessionCookie(sealSession(session, dashboardSessionKey()), session, wantsSecureCookies(request), nowS),
  );
  return response;
});

/** `POST /api/auth/logout`: forgets the session (same-origin only, so that another site cannot sign you out). */
export const logoutHandler = route('auth-logout', async (request) => {
  const refused = checkSameOrigin(request);
  if (refused) return refuse(refused.status, refused.message);
  const resolved = viewerOf(request);
  if (resolved.ok) {
    forgetAccess(resolved.viewer);
    if (resolved.viewer.identity) console.info(`meshlens auth: ${resolved.viewer.who} signed out`);
  }
  const response = new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  response.headers.append('set-cookie', clearedSessionCookie(wantsSecureCookies(request)));
  return response;
});
