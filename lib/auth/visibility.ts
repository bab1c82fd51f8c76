import { WATCHED_KINDS, type WatchedKind } from '@/lib/kube/kinds';
import { allows, type AccessMap, type AccessQuestion } from './rules';

/**
 * What a user may see (pure): the namespaces they can read anything in, and per kind and namespace whether they may
 * list it. The dashboard's shared cache and everything derived from it (graph, posture, config lists) are filtered
 * through this, so that a user never sees more than `kubectl` would show them.
 */
export interface Visibility {
  /** True for anonymous: the dashboard's own rights, nothing to filter. */
  all: boolean;
  /** The namespaces shown to the user (unused when `all`). */
  namespaces: ReadonlySet<string>;
  /** May the user see a namespace? */
  seesNamespace(ns: string): boolean;
  /** May the user list `kind` in `ns`? */
  mayList(kind: WatchedKind, ns: string): boolean;
  /** May the user do this in `ns`? */
  may(question: AccessQuestion, ns: string): boolean;
}

/** Anonymous: everything the dashboard itself reads. */
export const SEES_ALL: Visibility = {
  all: true,
  namespaces: new Set(),
  seesNamespace: () => true,
  mayList: () => true,
  may: () => true,
};

const NAMESPACED = WATCHED_KINDS.filter((k) => k.namespaced);

/**
 * A user's visibility from their rules per namespace. A namespace is shown when the user may get it by name or may
 * list one of the namespaced kinds the dashboard watches in it.
 */
export function visibilityFrom(access: AccessMap): Visibility {
  const may = (question: AccessQuestion, ns: string): boolean =>
    allows(access.get(ns)?.rules ?? [], question);
  const mayList = (kind: WatchedKind, ns: string): boolean =>
    may({ verb: 'list', group: kind.group, resource: kind.plural }, ns);
  const namespaces = new Set(
    [...access.keys()].filter(
      (ns) =>
        may({ verb: 'get', group: '', resource: 'namespaces', name: ns }, ns) ||
        NAMESPACED.some((kind) => mayList(kind, ns)),
    ),
  );
  return {
    all: false,
    namespaces,
    seesNamespace: (ns) => namespaces.has(ns),
    mayList: (kind, ns) => namespaces.has(ns) && mayList(kind, ns),
    may,
  };
}
