// @ts-check

/**
 * The security headers of every response (next.config.js `headers()`), as data so that a test can read them.
 *
 * Content-Security-Policy: scripts, styles, images, fonts and connections from this origin only; no plugins, no
 * framing (`frame-ancestors 'none'`, and X-Frame-Options for old browsers), forms post only here (and to the OpenID
 * provider, whose origin is added when that strategy is on). Next.js inlines its bootstrap scripts and CodeMirror
 * and Cytoscape set inline styles, hence `'unsafe-inline'` for scripts and styles; the development server also
 * needs `'unsafe-eval'`.
 *
 * @param {{ dev: boolean; formActions?: string[] }} options
 * @returns {{ key: string; value: string }[]}
 */
export function securityHeaders({ dev, formActions = [] }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formActions].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: csp },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
}

/**
 * The OpenID provider's origin for `form-action` (a redirect after a form post must be allowed there too), from the
 * environment; none when the strategy is not openid or the URL is not valid.
 *
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {string[]}
 */
export function openIdFormActions(env) {
  if (env.AUTH_STRATEGY !== 'openid' || !env.OPENID_ISSUER_URL) return [];
  try {
    return [new URL(env.OPENID_ISSUER_URL).origin];
  } catch {
    return [];
  }
}
