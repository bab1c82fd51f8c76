/**
 * The door every request goes through before it is served: authentication (bearer tokens), impersonation and
 * authorization (RBAC over the store's objects plus the bootstrap policy). Without auth options every request is
 * from `system:admin` and allowed (impersonation headers still change who it runs as, as with kube's AlwaysAllow).
 */
import { type IncomingMessage } from 'node:http';
import { type ResourceStore } from '../store';
import { requestAttributes } from './attributes';
import {
  type DemoAuthOptions,
  type TokenAuthenticator,
  authenticate,
  tokenAuthenticator,
} from './authenticate';
import { ALWAYS_ALLOW, type Authorizer, rbacAuthorizer } from './authorizer';
import { withBootstrapPolicy } from './bootstrap-policy';
import { forbidden } from './forbidden';
import { impersonate } from './impersonate';
import { storePolicy } from './store-policy';
import { SYSTEM_ADMIN, type UserInfo } from './user';

/** Admits requests and answers for the reviews. */
export interface AuthGate {
  /** Who the request runs as; throws a 401, 400 or 403 ApiError when it may not go on. */
  admit(req: IncomingMessage, url: URL): UserInfo;
  authorizer: Authorizer;
  authenticateToken: TokenAuthenticator;
}

/** The gate of a server over `store`; `options` switch authentication and RBAC on. */
export function createAuthGate(store: ResourceStore, options?: DemoAuthOptions): AuthGate {
  if (!options) {
    return {
      admit: (req) => impersonate(SYSTEM_ADMIN, req.headersDistinct, ALWAYS_ALLOW.authorize),
      authorizer: ALWAYS_ALLOW,
      authenticateToken: () => undefined,
    };
  }
  const authenticateToken = tokenAuthenticator(options.tokens);
  const authorizer = rbacAuthorizer(withBootstrapPolicy(storePolicy(store)));
  return {
    admit: (req, url) => {
      const requester = authenticate(authenticateToken, req.headers.authorization, url.pathname);
      const user = impersonate(requester, req.headersDistinct, authorizer.authorize);
      const attributes = requestAttributes(req.method ?? 'GET', url);
      const decision = authorizer.authorize(user, attributes);
      if (!decision.allowed) throw forbidden(user.username, attributes, decision.reason);
      return user;
    },
    authorizer,
    authenticateToken,
  };
}
