/**
 * Where the browser goes after signing in: a path on the dashboard itself, never another site. The value comes from
 * the login link's `?next=`, which anyone can craft, so an open redirect (`//evil.example`, `/\evil.example`, or
 * `/<tab>/evil.example`, which browsers read as `//evil.example`) must fall back to `/`.
 */

/** The longest path kept; longer ones fall back to `/` (the value rides in a cookie). */
export const MAX_RETURN_TO_LENGTH = 2048;

const base = new URL('http://meshlens.invalid/');

/**
 * `value` when it is a same-origin path (starts with a single `/`, no `//` or `/\`, no control characters or
 * spaces), normalised as a browser would resolve it; `/` otherwise.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (typeof value !== 'string' || value.length > MAX_RETURN_TO_LENGTH) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base.origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
