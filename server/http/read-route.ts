import 'server-only';
import type { HealthThresholds } from '@/lib/graph/health';
import { authedRoute, type AuthedContext } from '@/server/auth/request';
import { thresholdsFromEnv } from '@/server/graph';
import { sources, type Sources } from '@/server/sources/registry';
import { route } from './route';

/**
 * What the read routes share: {@link authedRead}, which checks a request's parameters and then acts for its
 * viewer; the process's sources once the watch cache has had a chance to list; and the graph's health thresholds.
 */

/**
 * A route that reads the cluster for a user. `parse` checks the request first: a malformed query or body (a
 * `ParamError`: 400 naming the parameter) or a refusal it answers itself (a `Response`: another origin, a body too
 * large) is answered whoever asks, as it reveals nothing of the cluster. Then {@link authedRoute} resolves the
 * viewer (401 without one) and `handler` answers with what `parse` gave: every read of the cluster happens there,
 * after the viewer is known.
 */
export function authedRead<P>(
  name: string,
  parse: (request: Request) => P | Response | Promise<P | Response>,
  handler: (request: Request, parsed: P, ctx: AuthedContext) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let parsed: P | Response;
    try {
      parsed = await parse(request);
    } catch (error) {
      return route(name, () => Promise.reject(error))(request);
    }
    if (parsed instanceof Response) {
      const refusal = parsed;
      return route(name, async () => refusal)(request);
    }
    const params = parsed;
    return authedRoute(name, (req, ctx) => handler(req, params, ctx))(request);
  };
}

/** Right after start-up the watch cache is still listing; wait this long rather than answer without config. */
export const FIRST_SYNC_WAIT_MS = 5_000;

/**
 * The process's sources, after waiting up to {@link FIRST_SYNC_WAIT_MS} for the watch cache's first sync. A cache
 * that has not synced by then is answered from anyway: each kind's `kindError` says why it is missing.
 */
export async function syncedSources(): Promise<Sources> {
  const all = sources();
  await all.kube.whenSynced(FIRST_SYNC_WAIT_MS).catch(() => undefined);
  return all;
}

/** Read once: `GRAPH_HEALTH_THRESHOLDS` does not change while the server runs. */
let thresholds: HealthThresholds | undefined;

/** The health thresholds of the graph and the Mesh views (`GRAPH_HEALTH_THRESHOLDS`, else the defaults). */
export function graphThresholds(): HealthThresholds {
  thresholds ??= thresholdsFromEnv();
  return thresholds;
}
