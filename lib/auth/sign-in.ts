import { UNAUTHENTICATED } from './types';

/**
 * Sends the browser to the sign-in page when an API answer says nobody is signed in (a 401 with code
 * `unauthenticated`: no session, an expired or forged one, or a missing proxy header), keeping where the user was
 * so that signing in brings them back. Browser-only; does nothing on the server or on the sign-in page itself.
 */

/** The sign-in page's path. */
export const SIGN_IN_PATH = '/login';

/** True when `status` and `body` are the API's "sign in first" answer. */
export function isUnauthenticated(status: number, body: unknown): boolean {
  if (status !== 401 || typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: { code?: unknown } }).error;
  return error?.code === UNAUTHENTICATED;
}

/** The sign-in URL that comes back to `returnTo` and shows `reason`. */
export function signInUrl(returnTo: string, reason?: string): string {
  const params = new URLSearchParams({ next: returnTo });
  if (reason) params.set('reason', reason);
  return `${SIGN_IN_PATH}?${params.toString()}`;
}

/** Set once the page is on its way to the sign-in page: later 401s (their cookie already cleared) keep the first reason. */
let leaving = false;

/**
 * Navigates to the sign-in page, unless already there or already going: the first refusal's reason ("your session
 * has expired") is the one shown, not that of a request made after its answer cleared the cookie ("sign in first").
 */
export function sendToSignIn(reason: string): void {
  if (leaving || typeof window === 'undefined' || window.location.pathname === SIGN_IN_PATH) return;
  leaving = true;
  const here = window.location.pathname + window.location.search;
  window.location.assign(signInUrl(here, reason));
}
