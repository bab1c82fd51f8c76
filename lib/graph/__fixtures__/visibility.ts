/** Visibilities for the filters' tests, made as the server makes them: from the rules a user has per namespace. */
import type { NamespaceRules, ResourceRule } from '@/lib/auth/rules';
import { visibilityFrom, type Visibility } from '@/lib/auth/visibility';

/** `view`-like rules: read every kind the dashboard watches. */
export const READ_ALL: ResourceRule = { verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] };

/** A user with these rules in each namespace (a namespace with none exists but shows nothing). */
export function withRules(rules: Readonly<Record<string, ResourceRule[]>>): Visibility {
  return visibilityFrom(
    new Map(
      Object.entries(rules).map(([ns, r]): [string, NamespaceRules] => [ns, { rules: r, incomplete: false }]),
    ),
  );
}

/** A user who may read everything in `namespaces`, and nothing in `others` (namespaces the cluster has too). */
export function seeing(namespaces: readonly string[], others: readonly string[] = []): Visibility {
  return withRules(
    Object.fromEntries([...namespaces.map((ns) => [ns, [READ_ALL]]), ...others.map((ns) => [ns, []])]),
  );
}
