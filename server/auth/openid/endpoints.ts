/**
 * The dashboard's OpenID Connect URLs: where its routes live and the redirect URI it registers with the provider.
 */

/** The path both routes live under; the login-state cookie is scoped to it. */
export const OPENID_ROUTES_PATH = '/api/auth/openid';

/** The callback route's path. */
export const CALLBACK_PATH = `${OPENID_ROUTES_PATH}/callback`;

/** The redirect URI: `<PUBLIC_URL>/api/auth/openid/callback` (PUBLIC_URL may end in `/` or carry a path prefix). */
export function redirectUri(publicUrl: URL): URL {
  const url = new URL(publicUrl.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${CALLBACK_PATH}`;
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * The provider's answer as it reached the redirect URI: its query parameters on {@link redirectUri}. The request's own
 * URL may name an internal host (behind a proxy), but the token request must repeat the registered redirect URI.
 */
export function callbackUrl(publicUrl: URL, answer: URLSearchParams): URL {
  const url = redirectUri(publicUrl);
  url.search = answer.toString();
  return url;
}

/** Whether the URL's host is a loopback address (`localhost`, `127.0.0.0/8`, `::1`). */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
