import { loginErrorPath, signedInPage } from '@/server/auth/openid/callback-page';
import { finishLogin } from '@/server/auth/openid/flow';
import { clearedLoginStateCookie, LOGIN_STATE_COOKIE } from '@/server/auth/openid/login-state';
import { sealSession, sessionCookie, sessionKey, wantsSecureCookies } from '@/server/auth/session';
import { json, route } from '@/server/http/route';
import { settings } from '@/server/settings';
import { cookieValue, csrfSecret } from '@/server/write/csrf';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/auth/openid/callback?code=…&state=…`: where the provider sends the browser back. On success it sets the
 * session cookie and answers a page that moves on to the return path (200, not a redirect: see `signedInPage`); on
 * failure it logs one line and sends the browser to `/login?error=…` (303). Either way the login state is cleared.
 */
export const GET = route('auth-openid-callback', async (request) => {
  const auth = settings().auth;
  if (auth.strategy !== 'openid') {
    return json(
      { error: { message: `OpenID Connect sign-in is not enabled (AUTH_STRATEGY=${auth.strategy})` } },
      404,
    );
  }
  const secret = csrfSecret(settings().write.sessionSecret);
  const secure = wantsSecureCookies(request);
  const nowS = Math.floor(Date.now() / 1000);
  const result = await finishLogin(
    auth.openid,
    new URL(request.url),
    cookieValue(request.headers.get('cookie'), LOGIN_STATE_COOKIE),
    auth.sessionTtlS,
    nowS,
    { secret },
  );

  const headers = new Headers({ 'cache-control': 'no-store' });
  headers.append('set-cookie', clearedLoginStateCookie(secure));
  if (!result.ok) {
    console.warn(`meshlens auth: openid login refused: ${result.message}`);
    headers.set('location', loginErrorPath(result.message));
    return new Response(null, { status: 303, headers });
  }
  const sealed = sealSession(result.session, sessionKey(secret));
  headers.append('set-cookie', sessionCookie(sealed, result.session, secure, nowS));
  headers.set('content-type', 'text/html; charset=utf-8');
  headers.set('referrer-policy', 'no-referrer');
  return new Response(signedInPage(result.returnTo), { status: 200, headers });
});
