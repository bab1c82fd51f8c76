import { z } from 'zod';
import { parseParams } from '@/lib/api/params';
import { wantsSecureCookies } from '@/server/auth/session';
import { beginLogin } from '@/server/auth/openid/flow';
import { DiscoveryError } from '@/server/auth/openid/provider';
import { json, route } from '@/server/http/route';
import { settings } from '@/server/settings';
import { csrfSecret } from '@/server/write/csrf';

export const dynamic = 'force-dynamic';

const params = z.object({ next: z.string().optional() });

/**
 * `GET /api/auth/openid/login?next=/path`: sends the browser to the OpenID provider (302) with the login-state
 * cookie. 404 when sign-in is not `AUTH_STRATEGY=openid`; 502 naming the issuer when its configuration cannot be
 * read.
 */
export const GET = route('auth-openid-login', async (request) => {
  const auth = settings().auth;
  if (auth.strategy !== 'openid') {
    return json(
      { error: { message: `OpenID Connect sign-in is not enabled (AUTH_STRATEGY=${auth.strategy})` } },
      404,
    );
  }
  const { next } = parseParams(new URL(request.url).searchParams, params);
  try {
    const { location, stateCookie } = await beginLogin(auth.openid, next ?? '/', {
      secret: csrfSecret(settings().write.sessionSecret),
      secure: wantsSecureCookies(request),
      nowS: Math.floor(Date.now() / 1000),
    });
    return new Response(null, {
      status: 302,
      headers: { location, 'set-cookie': stateCookie, 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (error instanceof DiscoveryError) return json({ error: { message: error.message } }, 502);
    throw error;
  }
});
