/**
 * Who is looking at the dashboard: the shapes the browser sees (`GET /api/auth/session`). Never a credential.
 */

/** How users sign in (`AUTH_STRATEGY`). */
export type AuthStrategy = 'anonymous' | 'token' | 'openid' | 'header';

/** The strategies, for parsing and for the login page. */
export const AUTH_STRATEGIES: readonly AuthStrategy[] = ['anonymous', 'token', 'openid', 'header'];

/** A Kubernetes user as the cluster knows it. */
export interface Identity {
  /** The username (`alice`, `system:serviceaccount:ns:name`). */
  user: string;
  groups: string[];
}

/** `GET /api/auth/session`: who the browser's requests act as. */
export interface SessionInfo {
  strategy: AuthStrategy;
  /** Null when nobody is signed in (token and openid before login). */
  identity: Identity | null;
  /** When the session ends (ISO 8601); null for anonymous and header, which have no session. */
  expiresAt: string | null;
  /** Anonymous: every visitor acts with the dashboard's own rights. */
  anonymous: boolean;
}

/** The error code of a 401 from any API route: the page sends the browser to `/login`. */
export const UNAUTHENTICATED = 'unauthenticated';
