import 'server-only';
import type { AccessMap, NamespaceRules, ResourceRule } from '@/lib/auth/rules';
import { kubeRest } from '@/server/write/kube-rest';
import type { Viewer } from './viewer';

/**
 * What a user may do, namespace by namespace, asked of the cluster with the user's own credentials
 * (SelfSubjectRulesReview: one call per namespace answers every rule that applies there, cluster-wide bindings
 * included). Answers are kept per user for {@link ACCESS_TTL_MS}, so that a page's many requests cost one review per
 * namespace, and a change of RoleBinding shows within that time.
 */

/** How long a user's rules are kept. */
export const ACCESS_TTL_MS = 15_000;

interface Entry {
  at: number;
  rules: Promise<NamespaceRules>;
}

const key = Symbol.for('meshlens.access-cache');
type Holder = { [key]?: Map<string, Entry> };

function cache(): Map<string, Entry> {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  return holder[key];
}

async function review(viewer: Viewer, namespace: string): Promise<NamespaceRules> {
  const answer = await kubeRest(viewer.kubeConfig).create(
    '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
    'rules review',
  );
  const status = (answer.status ?? {}) as { resourceRules?: ResourceRule[]; incomplete?: boolean };
  return { rules: status.resourceRules ?? [], incomplete: status.incomplete === true };
}

/**
 * The viewer's rules in each of `namespaces`. A review that fails (API server down, or the user may not even ask)
 * counts as no rules there: nothing is shown rather than too much. Entries older than the TTL are asked again.
 */
export async function accessFor(
  viewer: Viewer,
  namespaces: readonly string[],
  now: number = Date.now(),
): Promise<AccessMap> {
  const entries = cache();
  if (entries.size > 50_000) entries.clear();
  const answers = await Promise.all(
    namespaces.map(async (ns): Promise<[string, NamespaceRules]> => {
      const id = `${viewer.cacheKey}\n${ns}`;
      let entry = entries.get(id);
      if (!entry || now - entry.at > ACCESS_TTL_MS) {
        entry = { at: now, rules: review(viewer, ns) };
        entries.set(id, entry);
        entry.rules.catch(() => entries.delete(id));
      }
      const rules = await entry.rules.catch((error: unknown) => {
        console.warn(`meshlens auth: rules review for ${viewer.who} in ${ns} failed: ${String(error)}`);
        return { rules: [], incomplete: true };
      });
      return [ns, rules];
    }),
  );
  return new Map(answers);
}

/** Forgets a user's rules (after sign-out). */
export function forgetAccess(viewer: Viewer): void {
  for (const id of cache().keys()) if (id.startsWith(`${viewer.cacheKey}\n`)) cache().delete(id);
}
