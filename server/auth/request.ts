import 'server-only';
import { UNAUTHENTICATED } from '@/lib/auth/types';
import { SEES_ALL, visibilityFrom, type Visibility } from '@/lib/auth/visibility';
import { isSourceError } from '@/lib/source-error';
import { json, route } from '@/server/http/route';
import { settings } from '@/server/settings';
import { sources } from '@/server/sources/registry';
import { csrfSecret } from '@/server/write/csrf';
import { accessFor } from './access';
import { clearedSessionCookie, sessionKey, wantsSecureCookies } from './session';
import { resolveViewer, type Viewer, type ViewerRefusal } from './viewer';

/**
 * The app's side of authentication: the viewer of a request under the configured strategy, what they may see, and
 * {@link authedRoute}, the wrapper of every API route that reads the cluster on a user's behalf.
 */

/** The session cookie key of this deployment (`SESSION_SECRET`, shared by every replica). */
export function dashboardSessionKey(): Buffer {
  return sessionKey(csrfSecret(settings().write.sessionSecret));
}

/** The viewer of `request`, or why there is none. */
export function viewerOf(request: Request): ReturnType<typeof resolveViewer> {
  return resolveViewer(request, {
    auth: settings().auth,
    dashboard: () => sources().kubeConfig,
    sessionKey: dashboardSessionKey(),
    nowS: Math.floor(Date.now() / 1000),
  });
}

/** What the viewer may see: everything for anonymous, else their rules in each namespace of the cluster. */
export async function visibilityOf(viewer: Viewer): Promise<Visibility> {
  if (!viewer.restricted) return SEES_ALL;
  const { kube } = sources();
  await kube.whenSynced(5_000).catch(() => undefined);
  const namespaces = kube.list('namespaces').map((ns) => ns.metadata.name);
  return visibilityFrom(await accessFor(viewer, namespaces));
}

/** The 401 every API route answers without a viewer; the page sends the browser to the sign-in page. */
export function unauthenticated(
  request: Request,
  refusal: Pick<ViewerRefusal, 'message' | 'clearCookie'>,
): Response {
  const response = json({ error: { code: UNAUTHENTICATED, message: refusal.message } }, 401);
  if (refusal.clearCookie)
    response.headers.append('set-cookie', clearedSessionCookie(wantsSecureCookies(request)));
  return response;
}

/** Logs a refused request in one line (never a credential). */
export function logRefusal(name: string, request: Request, message: string): void {
  console.warn(`meshlens auth: refused ${request.method} ${name}: ${message}`);
}

/** What a handler of {@link authedRoute} is given. */
export interface AuthedContext {
  viewer: Viewer;
  /** What the viewer may see; asked of the cluster once per call (the answers are cached per user). */
  visibility: () => Promise<Visibility>;
}

/**
 * Wraps an API route that acts for a user: no viewer is a 401 (logged, except a plain missing session), and a
 * cluster that no longer accepts the user's credentials (401 from Kubernetes) asks them to sign in again.
 */
export function authedRoute(
  name: string,
  handler: (request: Request, ctx: AuthedContext) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return route(name, async (request) => {
    const resolved = viewerOf(request);
    if (!resolved.ok) {
      if (resolved.refusal.message !== 'sign in first') logRefusal(name, request, resolved.refusal.message);
      return unauthenticated(request, resolved.refusal);
    }
    const viewer = resolved.viewer;
    let visibility: Promise<Visibility> | undefined;
    try {
      return await handler(request, { viewer, visibility: () => (visibility ??= visibilityOf(viewer)) });
    } catch (error) {
      if (
        viewer.restricted &&
        isSourceError(error) &&
        error.source === 'kubernetes' &&
        error.kind === 'unauthorized'
      ) {
        logRefusal(name, request, `the cluster refused ${viewer.who}'s credentials`);
        return unauthenticated(request, {
          message: 'the cluster no longer accepts your credentials: sign in again',
          clearCookie: true,
        });
      }
      throw error;
    }
  });
}
