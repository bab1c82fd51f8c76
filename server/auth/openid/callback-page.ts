/**
 * What the callback answers. On success, a tiny page that moves on to the return path with a meta refresh rather than
 * a redirect: the session cookie is SameSite=Strict, and a redirect chain that began on the provider's site is
 * cross-site, so the first page load would arrive without it. On failure, the login page with the reason.
 */

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/**
 * The HTML page that navigates to `returnTo` (a same-origin path, see `safeReturnTo`). It sends no Referer, since
 * the callback URL it was loaded from carries the authorization code.
 */
export function signedInPage(returnTo: string): string {
  const target = escapeHtml(returnTo);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${target}">`,
    '<title>Signed in · meshlens</title>',
    '</head>',
    `<body><p>Signed in. <a href="${target}">Continue</a></p></body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The login page's path carrying why the sign-in was refused (`/login?error=…`). */
export function loginErrorPath(message: string): string {
  return `/login?${new URLSearchParams({ error: message }).toString()}`;
}
