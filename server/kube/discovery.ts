import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  groupVersionsToFetch,
  resolveKinds,
  type ApiResourceInfo,
  type MissingKind,
  type ServedKind,
} from '@/lib/kube/discovery';
import { parseApiGroupList, parseApiResourceList } from '@/lib/kube/discovery-parse';
import type { WatchedKind } from '@/lib/kube/kinds';
import { isSourceError, SourceError } from '@/lib/source-error';
import { kubeGetJson } from './request';

/** Which watched kinds the cluster serves (at which version) and which it lacks. */
export interface DiscoveryResult {
  served: ServedKind[];
  missing: MissingKind[];
}

/** Options of one discovery round. */
export interface DiscoverOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

function parsed<T>(parse: (doc: unknown) => T, doc: unknown, what: string): T {
  try {
    return parse(doc);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SourceError(
      'kubernetes',
      'bad_response',
      `kubernetes discovery: ${what} is malformed (${detail})`,
    );
  }
}

/**
 * Legacy discovery: `/api/v1`, `/apis`, then `/apis/<group>/<version>` for the accepted versions of the groups the
 * table needs (in parallel). A group/version that answers with an HTTP error (a CRD being removed, an aggregated API
 * that is down) makes only its kinds missing, with the error as the reason; an unreachable or timed-out API server
 * fails the whole round (the caller retries with backoff).
 */
export async function discoverKinds(
  kc: KubeConfig,
  kinds: readonly WatchedKind[],
  options: DiscoverOptions = {},
): Promise<DiscoveryResult> {
  const get = (path: string): Promise<unknown> =>
    kubeGetJson(kc, path, { operation: 'discovery', ...options });
  const [coreDoc, groupsDoc] = await Promise.all([get('/api/v1'), get('/apis')]);
  const core = parsed(parseApiResourceList, coreDoc, '/api/v1');
  const groups = parsed(parseApiGroupList, groupsDoc, '/apis');
  const resources = new Map<string, readonly ApiResourceInfo[] | string>();
  await Promise.all(
    groupVersionsToFetch(kinds, groups).map(async (gv) => {
      try {
        resources.set(gv, parsed(parseApiResourceList, await get(`/apis/${gv}`), `/apis/${gv}`));
      } catch (error) {
        if (!isSourceError(error) || error.status === undefined) throw error;
        resources.set(gv, error.message.replace(/^kubernetes discovery: /, ''));
      }
    }),
  );
  return resolveKinds(kinds, { core, groups, resources });
}
